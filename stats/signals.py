"""Keep the usage summary (stats.DossierUsage) current: after each recorded status change of a dossier
(a new dossiers.StatusChange row, submission included), refresh that dossier's summary row in a
background task once the transaction commits. `manage.py refresh_usage` rebuilds everything."""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from dossiers.models import Dossier, StatusChange


@receiver(post_save, sender=StatusChange, dispatch_uid="stats_refresh_usage_after_status_change")
def refresh_usage_after_status_change(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    dossier_id = instance.dossier_id

    def enqueue():
        from .tasks import refresh_usage_task

        refresh_usage_task.enqueue(dossier_ids=[dossier_id])

    transaction.on_commit(enqueue)


@receiver(pre_delete, sender=Dossier, dispatch_uid="stats_usage_cells_after_dossier_delete")
def recompute_cells_after_dossier_delete(sender, instance, **kwargs):
    """A deleted dossier takes its summary row with it (cascade): recompute the monthly cell it was
    counted in once the deletion is committed."""
    from .services.usage_refresh import cells_of, recompute_cells

    cells = cells_of([instance.pk])
    if cells:
        transaction.on_commit(lambda: recompute_cells(cells))
