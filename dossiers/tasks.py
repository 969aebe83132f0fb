"""Background tasks of the dossiers app (Django tasks API)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def send_submission_email(*, dossier_id: int) -> None:
    """The confirmation e-mail of a submitted dossier; enqueued on commit by submit_draft()."""
    from .models import Dossier

    dossier = Dossier.objects.filter(pk=dossier_id).first()
    if dossier is None or not dossier.applicant_email:
        return
    base = settings.SITE_BASE_URL.rstrip("/")
    with translation.override("vi"):
        context = {
            "dossier": dossier,
            "receipt_url": base + reverse("dossiers:receipt", args=[dossier.code]),
            "lookup_url": base + reverse("dossiers:lookup") + f"?ma={dossier.code}",
        }
        send_mail(
            subject=render_to_string("dossiers/email/submitted_subject.txt", context).strip(),
            message=render_to_string("dossiers/email/submitted_body.txt", context),
            from_email=None,
            recipient_list=[dossier.applicant_email],
        )


@task()
def cleanup_abandoned_drafts_task() -> int:
    """Delete abandoned drafts and their files (run daily: `manage.py cleanup_drafts`)."""
    from .services import cleanup_abandoned_drafts

    return cleanup_abandoned_drafts()
