"""Background tasks of the notifications app (Django tasks API)."""

from django_tasks import task


@task()
def deliver_email(*, email_id: int) -> str:
    """Deliver one queued e-mail (enqueued on commit by services.queue_email)."""
    from .services import deliver

    return deliver(email_id)
