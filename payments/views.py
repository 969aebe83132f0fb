"""The citizen's payment pages and the gateway's IPN endpoint. Thin: payments.services."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from core.clients import client_ip_or_none
from core.urls import absolute_url
from dossiers.models import Dossier

from .constants import OPEN_STATUSES, EventKind, PaymentStatus
from .models import Payment, PaymentEvent
from .providers import get_provider
from .receipts import render_payment_receipt_pdf
from .services import PaymentRefused, amount_due, handle_ipn, settle, start_payment


def _own_dossier(request, code: str) -> Dossier:
    dossier = Dossier.objects.owned_by(request.user).filter(code=code).first()
    if dossier is None:
        raise Http404
    return dossier


@never_cache
@login_required
def pay_view(request, code: str):
    dossier = _own_dossier(request, code)
    error = ""
    if request.method == "POST":
        try:
            _payment, url = start_payment(
                dossier,
                client_ip=client_ip_or_none(request) or "",
                return_url=absolute_url(reverse("payments:return")),
                locale="en" if translation.get_language() == "en" else "vn",
            )
        except PaymentRefused as refused:
            error = refused.message
        else:
            return HttpResponseRedirect(url)
    context = {
        "dossier": dossier,
        "amount": amount_due(dossier),
        "payments": dossier.payments.order_by("-created_at")[:10],
        "provider": get_provider(),
        "error": error,
    }
    return render(request, "payments/pay.html", context, status=400 if error else 200)


@never_cache
@require_GET
def return_view(request):
    """Where the gateway sends the citizen back. The parameters are only read to find the payment;
    its state comes from the IPN, or from a querydr answer asked here when the IPN is late."""
    provider = get_provider()
    result = provider.verify_callback(request.GET.dict())
    payment = Payment.objects.filter(txn_ref=result.txn_ref).select_related("dossier").first()
    PaymentEvent.objects.create(
        payment=payment, kind=EventKind.RETURN, verified=result.signature_ok, outcome=result.response_code,
        data=result.raw,
    )  # fmt: skip
    if payment is None or not result.signature_ok:
        return render(request, "payments/return.html", {"payment": None}, status=400)
    if payment.status in OPEN_STATUSES:
        payment = settle(payment)
    return render(request, "payments/return.html", {"payment": payment, "dossier": payment.dossier})


@csrf_exempt
def ipn_view(request):
    """The gateway's server-to-server notification (GET, as VNPAY sends it; POST accepted)."""
    params = request.GET.dict() if request.method == "GET" else request.POST.dict()
    return JsonResponse(handle_ipn(params))


@never_cache
@login_required
def receipt_pdf_view(request, code: str, payment_id: int):
    dossier = _own_dossier(request, code)
    payment = dossier.payments.filter(
        pk=payment_id, status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED]
    ).first()
    if payment is None:
        raise Http404
    response = HttpResponse(render_payment_receipt_pdf(payment), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bien-lai-{payment.receipt_number}.pdf"'
    return response
