"""Background work of the feedback app: e-mails, and text messages to senders who left only a phone
number (feedback/sms.py). Enqueued by services on commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

__all__ = ["send_feedback_confirmation", "send_feedback_reply", "send_feedback_sms"]


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


SMS_CONFIRMATION, SMS_REPLY = "confirmation", "reply"


@task()
def send_feedback_sms(feedback_id: int, what: str) -> str:
    """Text the sender who gave a phone number and no e-mail: the tracking code on receipt, a notice
    when the reply is ready (the reply itself is read on the lookup page: it does not fit an SMS).
    Raises SmsError when the gateway refuses, so the task is recorded as failed, never as sent."""
    from .models import Feedback
    from .sms import send_sms

    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.phone or feedback.email:
        return "skipped"
    if what == SMS_REPLY and not feedback.reply:
        return "skipped"
    lookup_url = settings.SITE_BASE_URL.rstrip("/") + reverse("feedback:lookup")
    with translation.override(feedback.language):
        if what == SMS_CONFIRMATION:
            text = translation.gettext("Cổng DVC đã nhận góp ý %(code)s. Tra cứu: %(url)s")
        else:
            text = translation.gettext("Góp ý %(code)s đã có trả lời. Xem tại %(url)s")
        text = text % {"code": feedback.tracking_code, "url": lookup_url}
    return send_sms(feedback.phone, text) or "off"
