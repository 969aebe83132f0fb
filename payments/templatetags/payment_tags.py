from django import template

from ..constants import PaymentStatus, Purpose
from ..services import payment_due

register = template.Library()


@register.inclusion_tag("payments/_dossier_payment.html")
def dossier_payment(dossier):
    """On the citizen's dossier page: the fee to pay online, and the receipts of past payments."""
    due = payment_due(dossier) if dossier.user_id else None
    return {
        "dossier": dossier,
        "amount": due[0] if due else None,
        "at_submission": bool(due) and due[1] == Purpose.SUBMISSION,
        "paid": list(dossier.payments.filter(status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED])),
    }


@register.inclusion_tag("payments/_staff_payments.html")
def staff_payments(dossier):
    """On the officers' dossier page: every payment of the dossier, what it was for and its state."""
    return {"payments": list(dossier.payments.order_by("-created_at")), "due": payment_due(dossier)}
