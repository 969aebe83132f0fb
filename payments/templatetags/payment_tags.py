from django import template

from ..constants import PaymentStatus
from ..services import amount_due

register = template.Library()


@register.inclusion_tag("payments/_dossier_payment.html")
def dossier_payment(dossier):
    """On the citizen's dossier page: the fee to pay online, and the receipts of past payments."""
    return {
        "dossier": dossier,
        "amount": amount_due(dossier) if dossier.user_id else None,
        "paid": list(dossier.payments.filter(status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED])),
    }
