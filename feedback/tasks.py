"""Background work of the feedback app: text messages to senders who left only a phone number
(feedback/sms.py), enqueued by services on commit. Its e-mails are in emails.py (the outbox)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

__all__ = ["SMS_CONFIRMATION", "SMS_REPLY", "send_feedback_sms"]


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
