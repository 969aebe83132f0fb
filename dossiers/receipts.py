"""The receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả): HTML page and PDF, with a QR code."""

from __future__ import annotations

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.urls import absolute_url

__all__ = ["lookup_url", "qr_alt", "qr_svg", "receipt_context", "render_receipt_pdf"]


def lookup_url(dossier) -> str:
    """The status lookup of `dossier`, at the portal's published address (SITE_BASE_URL)."""
    return absolute_url(f"{reverse('dossiers:lookup')}?ma={dossier.code}")


def qr_alt(code: str, url: str) -> str:
    """The QR code's text alternative: what it is and what it encodes."""
    return _("Mã QR tra cứu hồ sơ %(code)s, dẫn đến địa chỉ %(url)s") % {"code": code, "url": url}


def qr_svg(url: str, alt: str | None = None) -> str:
    """An inline SVG QR code (no Pillow, no external file): an image (role="img") named by its text
    alternative, also its <title>. `alt` defaults to the encoded address."""
    alt = alt or url
    svg = segno.make(url, error="m").svg_inline(scale=4, title=alt, border=2)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(alt)}" ', 1))


def receipt_context(dossier) -> dict:
    url = lookup_url(dossier)
    files = list(dossier.files.order_by("slot_key", "uploaded_at"))
    components: dict[str, list] = {}
    for upload in files:
        components.setdefault(upload.slot_label, []).append(upload)
    first = dossier.history.order_by("at", "pk").first()
    return {
        "dossier": dossier,
        "paper_documents": dossier.received_documents or [],
        "received_by": first.actor_name if first is not None else "",
        "lookup_url": url,
        "qr_svg": qr_svg(url, qr_alt(dossier.code, url)),
        "components": components,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def render_receipt_pdf(dossier) -> bytes:
    from weasyprint import HTML

    with translation.override("vi"):
        html = render_to_string("dossiers/receipt_pdf.html", receipt_context(dossier))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
