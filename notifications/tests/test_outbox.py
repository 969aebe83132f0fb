"""The outbox (issue 17, item 5): an e-mail owed is written with what it tells about, survives a
broker or SMTP server that is down, is retried with a growing delay, and is sent once."""

import io
from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from notifications.constants import MAX_ATTEMPTS, EmailStatus
from notifications.models import OutgoingEmail
from notifications.registry import register
from notifications.services import deliver, deliver_due, queue_email, retry_delay

pytestmark = pytest.mark.django_db

RENDERED: list[int] = []


@register("tests.hello")
def hello(object_id: int):
    RENDERED.append(object_id)
    if object_id == 0:
        return None  # nothing to send any more
    return EmailMessage(subject=f"Xin chào {object_id}", body="Nội dung", to=["a@example.vn"])


class RefusingBackend(EmailBackend):
    """The locmem backend of Django's test runner, with an SMTP server that hangs up."""

    def send_messages(self, messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_rolled_back_transaction_owes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            queue_email("tests.hello", 1, "a@example.vn")
            raise RuntimeError("the dossier was not saved")
    assert not OutgoingEmail.objects.exists() and not mail.outbox


def test_queued_mail_is_delivered_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email("tests.hello", 7, "a@example.vn")
        assert not mail.outbox  # not before the commit
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.sent_at and mail.outbox[0].subject == "Xin chào 7"
    assert deliver(email.pk) == ""  # never twice


def test_unknown_kind_fails_in_the_callers_transaction():
    with pytest.raises(LookupError):
        queue_email("tests.no_such_mail", 1, "a@example.vn")
    assert queue_email("tests.hello", 1, "") is None  # no address: nothing owed


def test_nothing_to_send_is_recorded_as_skipped():
    email = OutgoingEmail.objects.create(kind="tests.hello", object_id=0, recipient="a@example.vn")
    assert deliver(email.pk) == EmailStatus.SKIPPED and not mail.outbox


def test_a_refusing_smtp_server_is_retried_later_then_given_up(settings):
    email = OutgoingEmail.objects.create(kind="tests.hello", object_id=3, recipient="a@example.vn")
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    assert deliver(email.pk) == EmailStatus.PENDING
    email.refresh_from_db()
    assert email.attempts == 1 and "SMTPServerDisconnected" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert deliver_due() == {}  # not due yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert deliver_due() == {EmailStatus.SENT: 1}
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.last_error == "" and email.attempts == 1

    doomed = OutgoingEmail.objects.create(kind="tests.hello", object_id=4, recipient="a@example.vn")
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    for _ in range(MAX_ATTEMPTS):
        OutgoingEmail.objects.filter(pk=doomed.pk).update(next_attempt_at=timezone.now())
        deliver_due()
    doomed.refresh_from_db()
    assert doomed.status == EmailStatus.FAILED and doomed.attempts == MAX_ATTEMPTS


def test_a_message_being_delivered_is_not_taken_twice():
    email = OutgoingEmail.objects.create(kind="tests.hello", object_id=5, recipient="a@example.vn")
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() + timedelta(minutes=5))
    assert deliver(email.pk) == "" and not mail.outbox
    # A worker killed mid-delivery: once its claim expires, the message is taken up again.
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert deliver(email.pk) == EmailStatus.SENT and len(mail.outbox) == 1


def test_retry_delays_grow_and_are_capped():
    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert retry_delay(30) == timedelta(hours=6)


def test_the_command_reports_what_it_did():
    OutgoingEmail.objects.create(kind="tests.hello", object_id=9, recipient="a@example.vn")
    out = io.StringIO()
    call_command("deliver_emails", stdout=out)
    assert out.getvalue().strip() == "sent=1"
    out = io.StringIO()
    call_command("deliver_emails", stdout=out)
    assert out.getvalue().strip() == "nothing due"
