"""Printable slips of the receipt family (PDF, Vietnamese fonts, QR code to the status page):
supplement request (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), refusal (phiếu từ chối tiếp nhận,
giải quyết hồ sơ) and apology (phiếu xin lỗi và hẹn lại ngày trả kết quả). Each slip is drawn from
the status change that issued it, so a reprint always says what was said then."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from .constants import Action
from .receipts import lookup_url, qr_alt, qr_svg

__all__ = ["SLIP_ACTIONS", "render_slip_pdf", "slip_context", "slip_download", "slip_filename"]

SLIP_ACTIONS = {
    Action.REQUEST_SUPPLEMENT: ("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "phieu-bo-sung"),
    Action.REFUSE: ("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "phieu-tu-choi"),
    Action.APOLOGIZE: ("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "phieu-xin-loi"),
}


def slip_context(change) -> dict:
    dossier = change.dossier
    url = lookup_url(dossier)
    title, slug = SLIP_ACTIONS[change.action]
    return {
        "change": change,
        "dossier": dossier,
        "title": title,
        "items": [line.strip(" -•\t") for line in change.note.splitlines() if line.strip(" -•\t")],
        "lookup_url": url,
        "qr_svg": qr_svg(url, qr_alt(dossier.code, url)),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "unit_name": (dossier.receiving_unit.name if dossier.receiving_unit_id else dossier.agency_name),
    }


def slip_filename(change) -> str:
    return f"{SLIP_ACTIONS[change.action][1]}-{change.dossier.code}.pdf"


def render_slip_pdf(change) -> bytes:
    from weasyprint import HTML

    with translation.override("vi"):
        html = render_to_string("dossiers/slip_pdf.html", slip_context(change))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def slip_download(dossier, change_id: int) -> HttpResponse:
    """The PDF of one of `dossier`'s slips as a download, for the citizen's and the officer's views
    (each has checked who may see the dossier); 404 when the change is not a slip of this dossier."""
    change = dossier.history.filter(pk=change_id, action__in=list(SLIP_ACTIONS)).first()
    if change is None:
        raise Http404
    response = HttpResponse(render_slip_pdf(change), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slip_filename(change)}"'
    return response
