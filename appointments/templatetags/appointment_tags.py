from django import template

from ..services import current_appointment, needs_appointment

register = template.Library()


@register.inclusion_tag("appointments/_dossier_appointment.html")
def dossier_appointment(dossier, *, pdf=False):
    """The dossier's appointment on its receipt and page: the booking, or the call to book one."""
    appointment = current_appointment(dossier)
    return {
        "dossier": dossier,
        "appointment": appointment,
        "needed": appointment is None and dossier.user_id is not None and needs_appointment(dossier),
        "pdf": pdf,
    }
