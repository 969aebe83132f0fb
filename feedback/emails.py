"""The e-mails of the feedback app (notifications.registry), written at delivery in the sender's
language. Text messages to senders who left only a phone number are in tasks.py (feedback/sms.py)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from notifications.registry import register

CONFIRMATION, REPLY = "feedback.confirmation", "feedback.reply"


def _message(feedback, template: str, subject: str) -> EmailMessage:
    context = {
        "feedback": feedback,
        "lookup_url": settings.SITE_BASE_URL.rstrip("/") + reverse("feedback:lookup"),
        "site_url": settings.SITE_BASE_URL.rstrip("/"),
    }
    return EmailMessage(subject=subject, body=render_to_string(template, context), to=[feedback.email])


@register(CONFIRMATION, _("Xác nhận đã nhận góp ý"))
def confirmation(feedback_id: int) -> EmailMessage | None:
    """Tell the sender we received their message, with the tracking code."""
    from .models import Feedback

    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email:
        return None
    with translation.override(feedback.language):
        subject = translation.gettext("Đã nhận góp ý %(code)s") % {"code": feedback.tracking_code}
        return _message(feedback, "feedback/email/confirmation.txt", subject)


@register(REPLY, _("Trả lời góp ý"))
def reply(feedback_id: int) -> EmailMessage | None:
    """The official reply, to the sender."""
    from .models import Feedback

    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email or not feedback.reply:
        return None
    with translation.override(feedback.language):
        subject = translation.gettext("Trả lời góp ý %(code)s") % {"code": feedback.tracking_code}
        return _message(feedback, "feedback/email/reply.txt", subject)
