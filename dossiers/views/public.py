from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.clients import client_ip, client_ip_or_none
from core.ratelimit import RateLimited, check_rate_limit

from ..access import can_view
from ..file_access import file_access_role, log_file_access
from ..models import Dossier, DossierFile
from ..receipts import receipt_context, render_receipt_pdf
from ..services.lookup import find_for_lookup
from ..storage import private_storage


def _can_see(user, dossier) -> bool:
    """The owner, or an officer whose units reach the dossier (dossiers.access)."""
    return user.is_authenticated and (dossier.user_id == user.pk or can_view(user, dossier))


def _dossier_for(request, code: str) -> Dossier:
    dossier = Dossier.objects.filter(code=code).select_related("procedure").first()
    if dossier is None or not _can_see(request.user, dossier):
        raise Http404
    return dossier


@never_cache
@login_required
def receipt(request, code: str):
    dossier = _dossier_for(request, code)
    context = receipt_context(dossier)
    context["history"] = dossier.history.all()
    context["answers"] = dossier.answers.all()
    return render(request, "dossiers/receipt.html", context)


@never_cache
@login_required
def receipt_pdf(request, code: str):
    dossier = _dossier_for(request, code)
    pdf = render_receipt_pdf(dossier)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bien-nhan-{dossier.code}.pdf"'
    return response


@never_cache
@login_required
def serve_file(request, file_id):
    """A dossier file, to its owner or to an officer whose units reach the dossier
    (dossiers.file_access); every opening of a submitted dossier's file is logged. Never cached."""
    upload = DossierFile.objects.filter(pk=file_id).select_related("dossier").first()
    if upload is None:
        raise Http404
    role = file_access_role(request.user, upload)
    if role is None:
        raise Http404
    if upload.dossier_id is not None:
        log_file_access(
            upload=upload, user=request.user, ip=client_ip_or_none(request), as_officer=role == "officer"
        )
    response = FileResponse(
        private_storage.open(upload.file.name, "rb"),
        content_type=upload.content_type,
        as_attachment=upload.content_type == "application/pdf" and request.GET.get("xem") != "1",
        filename=upload.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    """Status lookup by dossier code + last 4 digits of the applicant's phone or ID number.

    Wrong code and wrong second factor get the same answer; attempts are rate limited per IP and
    per dossier code (so that many addresses together cannot try the 10,000 possible factors)."""
    code = (request.POST.get("ma") or request.GET.get("ma") or "").strip()[:64]
    context = {"code": code, "dossier": None, "not_found": False, "limited": False}
    if request.method == "POST":
        limit, window = settings.DOSSIER_LOOKUP_RATE
        try:
            check_rate_limit("dossier_lookup_ip", client_ip(request), [(limit, window)])
            check_rate_limit("dossier_lookup_code", code.upper(), [(limit, window)])
        except RateLimited:
            context["limited"] = True
            context["window_minutes"] = max(1, window // 60)
            return render(request, "dossiers/lookup.html", context, status=429)
        factor = (request.POST.get("so_cuoi") or "").strip()[:20]
        dossier = find_for_lookup(code=code, factor=factor)
        if dossier is None:
            context["not_found"] = True
            context["error"] = _(
                "Không tìm thấy hồ sơ khớp với mã và 4 số cuối đã nhập. Kiểm tra lại mã hồ sơ trên biên nhận "
                "và 4 số cuối của số điện thoại hoặc số định danh cá nhân của người nộp."
            )
        else:
            context["dossier"] = dossier
            context["is_owner"] = _can_see(request.user, dossier)
            context["history"] = dossier.history.all() if context["is_owner"] else dossier.history.none()
            context["current_since"] = dossier.history.last()
    return render(request, "dossiers/lookup.html", context)
