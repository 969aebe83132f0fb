"""The e-mails of the dossiers app, written at delivery (notifications.registry); queued in the
transaction that makes the news with `notifications.services.queue_email`."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from notifications.registry import register

SUBMITTED, STATUS_CHANGED = "dossiers.submitted", "dossiers.status_changed"


@register(SUBMITTED, _("Biên nhận hồ sơ"))
def submitted(dossier_id: int) -> EmailMessage | None:
    """The confirmation of a received dossier (online, counter or post)."""
    from .models import Dossier

    dossier = Dossier.objects.filter(pk=dossier_id).first()
    if dossier is None or not dossier.applicant_email:
        return None
    base = settings.SITE_BASE_URL.rstrip("/")
    with translation.override("vi"):
        context = {
            "dossier": dossier,
            # A counter or postal dossier has no owner account: no receipt page, the lookup only.
            "receipt_url": base + reverse("dossiers:receipt", args=[dossier.code]) if dossier.user_id else "",
            "lookup_url": base + reverse("dossiers:lookup") + f"?ma={dossier.code}",
        }
        return EmailMessage(
            subject=render_to_string("dossiers/email/submitted_subject.txt", context).strip(),
            body=render_to_string("dossiers/email/submitted_body.txt", context),
            to=[dossier.applicant_email],
        )


@register(STATUS_CHANGED, _("Thay đổi trạng thái hồ sơ"))
def status_changed(change_id: int) -> EmailMessage | None:
    """The citizen's e-mail for one status change, from the NotificationTemplate of its action
    (default text when the row is missing; none when the template is switched off)."""
    from .models import NotificationTemplate, StatusChange, render_template_text
    from .notification_defaults import DEFAULTS

    change = StatusChange.objects.filter(pk=change_id).select_related("dossier").first()
    if change is None or not change.action or not change.dossier.applicant_email:
        return None
    template = NotificationTemplate.objects.filter(action=change.action).first()
    if template is not None and not template.enabled:
        return None
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
        return EmailMessage(
            subject=" ".join(render_template_text(subject, context).split()),
            body=render_template_text(body, context),
            to=[dossier.applicant_email],
        )
