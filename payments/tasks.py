"""Background tasks of the payments app (Django tasks API)."""

from django_tasks import task


@task()
def settle_payments_task() -> int:
    """Settle abandoned payments with the gateway (querydr); `manage.py settle_payments`."""
    from .services import expire_abandoned

    return expire_abandoned()
