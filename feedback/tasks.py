"""Background work of the feedback app: e-mails to citizens. Enqueued by services on commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

__all__ = ["send_feedback_confirmation", "send_feedback_reply"]


def _send(feedback, template: str, subject: str) -> None:
    context = {
        "feedback": feedback,
        "lookup_url": settings.SITE_BASE_URL.rstrip("/") + reverse("feedback:lookup"),
        "site_url": settings.SITE_BASE_URL.rstrip("/"),
    }
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [feedback.email])


@task()
def send_feedback_confirmation(feedback_id: int) -> bool:
    """Tell the sender we received their message, with the tracking code."""
    from .models import Feedback

    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email:
        return False
    with translation.override(feedback.language):
        subject = translation.gettext("Đã nhận góp ý %(code)s") % {"code": feedback.tracking_code}
        _send(feedback, "feedback/email/confirmation.txt", subject)
    return True


@task()
def send_feedback_reply(feedback_id: int) -> bool:
    """Send the official reply to the sender."""
    from .models import Feedback

    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email or not feedback.reply:
        return False
    with translation.override(feedback.language):
        subject = translation.gettext("Trả lời góp ý %(code)s") % {"code": feedback.tracking_code}
        _send(feedback, "feedback/email/reply.txt", subject)
    return True
