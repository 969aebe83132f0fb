"""Officers' payments screen in the admin (/admin/thanh-toan/): the payments of the dossiers they
may see, their gateway log, and refunds (leaders and dossier admins, with a reason)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .constants import PaymentStatus
from .models import Payment
from .services import PaymentRefused, refund


def _visible(user):
    from backoffice.views.staff import is_officer
    from dossiers.access import visible_dossiers

    if not is_officer(user):
        raise PermissionDenied
    return Payment.objects.filter(dossier__in=visible_dossiers(user)).select_related("dossier", "agency")


def payment_list(request):
    payments = _visible(request.user)
    status = request.GET.get("trang_thai", "")
    if status in PaymentStatus.values:
        payments = payments.filter(status=status)
    from .models import Reconciliation

    reconciliations = Reconciliation.objects.filter(agency_id__in=payments.values("agency_id"))
    return render(
        request,
        "payments/admin/list.html",
        {
            "payments": payments.order_by("-created_at")[:200],
            "statuses": PaymentStatus.choices,
            "status": status,
            "reconciliations": reconciliations.select_related("agency")[:30],
        },
    )


@require_http_methods(["GET", "POST"])
def payment_detail(request, pk: int):
    payment = get_object_or_404(_visible(request.user), pk=pk)
    error = ""
    if request.method == "POST":
        try:
            refund(payment, by=request.user, reason=request.POST.get("ly_do", ""))
        except PaymentRefused as refused:
            error = refused.message
        else:
            messages.success(request, _("Đã hoàn tiền giao dịch %(ref)s.") % {"ref": payment.txn_ref})
            return redirect("payments_admin_detail", pk=payment.pk)
    return render(
        request,
        "payments/admin/detail.html",
        {"payment": payment, "events": payment.events.order_by("at"), "error": error},
        status=400 if error else 200,
    )
