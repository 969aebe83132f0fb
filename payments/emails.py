"""The e-mails of the payments app (notifications.registry), written at delivery."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from notifications.registry import register

RECEIPT = "payments.receipt"


@register(RECEIPT, _("Biên lai thanh toán"))
def receipt(payment_id: int) -> EmailMessage | None:
    """The electronic receipt of a paid payment, with its PDF."""
    from .constants import PaymentStatus
    from .models import Payment
    from .receipts import render_payment_receipt_pdf

    payment = Payment.objects.filter(pk=payment_id).select_related("dossier", "agency").first()
    if payment is None or payment.status != PaymentStatus.PAID or not payment.dossier.applicant_email:
        return None
    with translation.override("vi"):
        context = {"payment": payment, "dossier": payment.dossier}
        message = EmailMessage(
            subject=render_to_string("payments/email/receipt_subject.txt", context).strip(),
            body=render_to_string("payments/email/receipt_body.txt", context),
            to=[payment.dossier.applicant_email],
        )
        message.attach(
            f"bien-lai-{payment.receipt_number}.pdf", render_payment_receipt_pdf(payment), "application/pdf"
        )
    return message
