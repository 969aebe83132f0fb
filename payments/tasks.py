"""Background tasks of the payments app (Django tasks API)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_receipt_email(*, payment_id: int) -> bool:
    """The electronic receipt of a paid payment, by e-mail with its PDF (enqueued on commit)."""
    from .constants import PaymentStatus
    from .models import Payment
    from .receipts import render_payment_receipt_pdf

    payment = Payment.objects.filter(pk=payment_id).select_related("dossier", "agency").first()
    if payment is None or payment.status != PaymentStatus.PAID or not payment.dossier.applicant_email:
        return False
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
        message.send()
    return True


@task()
def settle_payments_task() -> int:
    """Settle abandoned payments with the gateway (querydr); `manage.py settle_payments`."""
    from .services import expire_abandoned

    return expire_abandoned()
