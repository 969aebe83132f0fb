from django import template

from ..services import current_appointment, has_electronic_result, needs_appointment

register = template.Library()


@register.inclusion_tag("appointments/_dossier_appointment.html")
def dossier_appointment(dossier, *, pdf=False):
    """The dossier's appointment on its receipt and page: the booking, or the call to book one."""
    appointment = current_appointment(dossier)
    needed = appointment is None and dossier.user_id is not None and needs_appointment(dossier)
    return {
        "dossier": dossier,
        "appointment": appointment,
        "needed": needed,
        # Finished with a signed electronic result: coming for the paper copy is optional.
        "optional": not appointment
        and not needed
        and dossier.user_id is not None
        and dossier.status == "9"
        and has_electronic_result(dossier),
        "pdf": pdf,
    }
