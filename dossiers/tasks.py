"""Background tasks of the dossiers app (Django tasks API)."""

from django_tasks import task


@task()
def cleanup_abandoned_drafts_task() -> int:
    """Delete abandoned drafts and their files (run daily: `manage.py cleanup_drafts`)."""
    from .services.drafts import cleanup_abandoned_drafts

    return cleanup_abandoned_drafts()
