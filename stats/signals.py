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

    transaction.on_commit(enqueue, robust=True)


@receiver(pre_delete, sender=Dossier, dispatch_uid="stats_usage_cells_after_dossier_delete")
def recompute_cells_after_dossier_delete(sender, instance, **kwargs):
    """A deleted dossier takes its summary row with it (cascade): recompute the monthly cell it was
    counted in once the deletion is committed."""
    from .services.usage_refresh import cells_of, recompute_cells

    cells = cells_of([instance.pk])
    if cells:
        transaction.on_commit(lambda: recompute_cells(cells), robust=True)


# --- the statistics data version (stats.services.figure_cache; docs/statistics.md, "Cache") -------


def _bump(sender=None, **kwargs):
    from .services.figure_cache import bump_stats_version

    bump_stats_version()


def _bump_for_procedure_page(sender, instance=None, **kwargs):
    from procedures.models import ProcedurePage

    if isinstance(instance, ProcedurePage):
        _bump()


def stats_input_models() -> list:
    """The models the cached figures read (written through the ORM: post_save / post_delete)."""
    from django.apps import apps

    from agencies.models import Agency
    from feedback.models import ServiceRating
    from procedures.models import ImplementationLevelRecord, ProcedureChannel, ProcedurePage

    roadmap_models = list(apps.get_app_config("roadmap").get_models())
    return [
        *roadmap_models,
        ProcedurePage,
        ProcedureChannel,
        ImplementationLevelRecord,
        Agency,
        ServiceRating,
    ]


def connect_version_bumps() -> None:
    """Every write of an input of the cached figures bumps the statistics data version."""
    from django.db.models.signals import m2m_changed, post_delete
    from wagtail.signals import page_published, page_unpublished

    from procedures.models import ProcedurePage
    from procedures.signals import catalog_imported

    for model in stats_input_models():
        uid = f"stats_version_{model._meta.label_lower}"
        post_save.connect(_bump, sender=model, dispatch_uid=f"{uid}_save", weak=False)
        post_delete.connect(_bump, sender=model, dispatch_uid=f"{uid}_delete", weak=False)
    m2m_changed.connect(_bump, sender=ProcedurePage.levels.through, dispatch_uid="stats_version_levels")
    # Publishing writes the live page (and may append a level record); unpublishing may write no row.
    page_published.connect(_bump_for_procedure_page, dispatch_uid="stats_version_published")
    page_unpublished.connect(_bump_for_procedure_page, dispatch_uid="stats_version_unpublished")
    # The catalog importer writes pages, channels and levels with bulk_create and raw SQL.
    catalog_imported.connect(_bump, dispatch_uid="stats_version_catalog_imported")
