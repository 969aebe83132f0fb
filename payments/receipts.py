"""The electronic receipt (biên lai điện tử) of a paid payment: a PDF with a QR code leading to the
dossier's public lookup, attached to the receipt e-mail and downloadable from the dossier page."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from dossiers.receipts import lookup_url, qr_svg


def receipt_context(payment) -> dict:
    url = lookup_url(payment.dossier)
    return {
        "payment": payment,
        "dossier": payment.dossier,
        "qr_svg": qr_svg(url, f"Mã QR tra cứu hồ sơ {payment.dossier.code}"),
        "lookup_url": url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def render_payment_receipt_pdf(payment) -> bytes:
    from weasyprint import HTML

    with translation.override("vi"):
        html = render_to_string("payments/receipt_pdf.html", receipt_context(payment))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
