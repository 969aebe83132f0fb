"""Background tasks of the appointments app (Django tasks API)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def send_appointment_email(*, appointment_id: int) -> bool:
    """The citizen's e-mail for a booked appointment (enqueued on commit by services.book)."""
    from .constants import AppointmentStatus
    from .models import Appointment

    appointment = Appointment.objects.filter(pk=appointment_id).select_related("dossier", "agency").first()
    if appointment is None or appointment.status != AppointmentStatus.BOOKED:
        return False
    dossier = appointment.dossier
    if not dossier.applicant_email:
        return False
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
        send_mail(
            subject=render_to_string("appointments/email/booked_subject.txt", context).strip(),
            message=render_to_string("appointments/email/booked_body.txt", context),
            from_email=None,
            recipient_list=[dossier.applicant_email],
        )
    return True
