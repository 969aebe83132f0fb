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
            # A counter or postal dossier has no owner account: no receipt page, the lookup only.
            "receipt_url": base + reverse("dossiers:receipt", args=[dossier.code]) if dossier.user_id else "",
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
    from .services.drafts import cleanup_abandoned_drafts

    return cleanup_abandoned_drafts()


@task()
def send_status_email(*, change_id: int) -> bool:
    """The citizen's e-mail for one status change (enqueued on commit by lifecycle.perform()),
    from the NotificationTemplate of its action (default text when the row is missing). Returns
    whether a message was sent."""
    from .models import NotificationTemplate, StatusChange, render_template_text
    from .notification_defaults import DEFAULTS

    change = StatusChange.objects.filter(pk=change_id).select_related("dossier").first()
    if change is None or not change.action or not change.dossier.applicant_email:
        return False
    template = NotificationTemplate.objects.filter(action=change.action).first()
    if template is not None and not template.enabled:
        return False
    subject, body = (template.subject, template.body) if template else DEFAULTS[change.action]
    dossier = change.dossier
    base = settings.SITE_BASE_URL.rstrip("/")
    with translation.override("vi"):
        context = {
            "dossier": dossier,
            "change": change,
            "status": change.get_status_display(),
            "reason": change.note,
            "due_date": dossier.appointment_date.strftime("%d/%m/%Y") if dossier.appointment_date else "",
            "dossier_url": base + reverse("dossiers:detail", args=[dossier.code])
            if dossier.user_id
            else base + reverse("dossiers:lookup") + f"?ma={dossier.code}",  # no owner account
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        send_mail(
            subject=" ".join(render_template_text(subject, context).split()),
            message=render_template_text(body, context),
            from_email=None,
            recipient_list=[dossier.applicant_email],
        )
    return True
