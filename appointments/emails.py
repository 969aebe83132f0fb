"""The e-mails of the appointments app (notifications.registry), written at delivery."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from notifications.registry import register

BOOKED = "appointments.booked"


@register(BOOKED, _("Lịch hẹn"))
def booked(appointment_id: int) -> EmailMessage | None:
    """The citizen's e-mail for a booked appointment (none once it is cancelled)."""
    from .constants import AppointmentStatus
    from .models import Appointment

    appointment = Appointment.objects.filter(pk=appointment_id).select_related("dossier", "agency").first()
    if appointment is None or appointment.status != AppointmentStatus.BOOKED:
        return None
    dossier = appointment.dossier
    if not dossier.applicant_email:
        return None
    base = settings.SITE_BASE_URL.rstrip("/")
    with translation.override("vi"):
        context = {
            "appointment": appointment,
            "dossier": dossier,
            "in_person": (
                dossier.form_version.schema.get("in_person", []) if dossier.form_version_id else []
            ),
            "manage_url": base + reverse("appointments:book", args=[dossier.code]),
        }
        return EmailMessage(
            subject=render_to_string("appointments/email/booked_subject.txt", context).strip(),
            body=render_to_string("appointments/email/booked_body.txt", context),
            to=[dossier.applicant_email],
        )
