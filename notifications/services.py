"""Public API of the notifications app: the outbox of e-mails to citizens.

- `queue_email()` inside the transaction that makes the news (a dossier received, a status change):
  the row commits with it or not at all; after the commit the task queue is asked to deliver it.
- `deliver()` sends one message, at most once at a time (a claim on the row), and records the
  outcome: sent, nothing to send, or an error with the time of the next attempt.
- `deliver_due()` (`manage.py deliver_emails`, every few minutes) sends what is still pending: a
  message whose enqueue was lost (broker down, process killed) or whose SMTP server refused it.
Delivery is at least once: a worker killed between the SMTP server's acceptance and the row's update
sends that message again after the claim expires (CLAIM_SECONDS).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .constants import CLAIM_SECONDS, MAX_ATTEMPTS, EmailStatus
from .models import OutgoingEmail
from .registry import renderer

__all__ = ["deliver", "deliver_due", "queue_email", "retry", "retry_delay"]

logger = logging.getLogger(__name__)


def queue_email(kind: str, object_id: int, recipient: str) -> OutgoingEmail | None:
    """Owe `recipient` the e-mail `kind` about object `object_id`; delivered after the commit."""
    if not recipient:
        return None
    renderer(kind)  # an unknown kind fails here, in the caller's transaction, not later in a worker
    email = OutgoingEmail.objects.create(kind=kind, object_id=object_id, recipient=recipient[:254])
    _deliver_after_commit(email.pk)
    return email


def _deliver_after_commit(email_id: int) -> None:
    """Ask the task queue to deliver once committed. A broker that is down is logged (robust) and
    never undoes the commit: deliver_due() sends the message later."""

    def enqueue():
        from .tasks import deliver_email

        deliver_email.enqueue(email_id=email_id)

    transaction.on_commit(enqueue, robust=True)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after each failure, at most 6 hours (8 attempts span about 4 hours)."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _claim(email_id: int) -> bool:
    now = timezone.now()
    return bool(
        OutgoingEmail.objects.filter(pk=email_id, status=EmailStatus.PENDING)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
    )


def deliver(email_id: int) -> str:
    """Send one pending message. Returns its status afterwards ('' when another worker holds it or it
    is no longer pending)."""
    if not _claim(email_id):
        return ""
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        message = renderer(email.kind)(email.object_id)
        if message is None:
            email.status = EmailStatus.SKIPPED
        else:
            message.send()
            email.status, email.sent_at = EmailStatus.SENT, timezone.now()
        email.last_error = ""
    except Exception as exc:
        email.attempts += 1
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if email.attempts >= MAX_ATTEMPTS:
            email.status = EmailStatus.FAILED
            logger.error(
                "E-mail %s (%s) given up after %s attempts: %s", email.pk, email.kind, email.attempts, exc
            )
        else:
            email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
            logger.warning(
                "E-mail %s (%s) not sent, attempt %s: %s", email.pk, email.kind, email.attempts, exc
            )
    email.claimed_until = None
    email.save(
        update_fields=["status", "sent_at", "attempts", "last_error", "next_attempt_at", "claimed_until"]
    )
    return email.status


def deliver_due(*, limit: int = 500) -> dict[str, int]:
    """Send every pending message whose time has come; counts by outcome."""
    counts: dict[str, int] = {}
    due = OutgoingEmail.objects.filter(status=EmailStatus.PENDING, next_attempt_at__lte=timezone.now())
    for email_id in due.order_by("next_attempt_at").values_list("pk", flat=True)[:limit]:
        outcome = deliver(email_id)
        if outcome:
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def retry(email: OutgoingEmail) -> bool:
    """An administrator sends again a message given up: pending, with a fresh count of attempts,
    delivered after commit. False when it was not given up."""
    changed = OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
        status=EmailStatus.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_until=None
    )
    if changed:
        _deliver_after_commit(email.pk)
    return bool(changed)
