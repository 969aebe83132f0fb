"""Background tasks of the stats app (django-tasks)."""

from django_tasks import task

from .services.usage_refresh import refresh_usage


@task()
def refresh_usage_task(dossier_ids: list[int] | None = None) -> int:
    """Refresh the usage summary of these dossiers (all when None). Enqueue after a status change:
    `transaction.on_commit(lambda: refresh_usage_task.enqueue(dossier_ids=[dossier.pk]))`."""
    return refresh_usage(dossier_ids=dossier_ids)
