"""Signal receivers: Wagtail's documented page signals keep the index current; a catalog import
(procedures' `catalog_import_started` / `catalog_imported`) defers that work to one bulk update at the
end of the run; edits to synonyms and promotions change their version token so every process
recompiles them on its next query."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from procedures.models import ProcedurePage
from procedures.signals import catalog_import_started, catalog_imported

from . import indexing

__all__ = ["connect"]


def _published(sender, instance, **kwargs):
    indexing.page_changed(instance.pk)


def _unpublished(sender, instance, **kwargs):
    indexing.pages_removed([instance.pk])


def _deleted(sender, instance, **kwargs):
    indexing.pages_removed([instance.pk])


def _moved(sender, instance, **kwargs):
    """A moved page changes the URLs of the procedures under it: reindex them."""
    ids = list(
        ProcedurePage.objects.descendant_of(instance, inclusive=True).live().values_list("pk", flat=True)
    )
    for page_id in ids:
        indexing.page_changed(page_id)


def _import_started(sender, **kwargs):
    indexing.begin_deferred()


def _imported(sender, page_ids=(), failed=False, **kwargs):
    """The run's pages and whatever the publish signals collected are indexed once, in bulk."""
    indexing.end_deferred(page_ids=page_ids, failed=failed)


def _synonyms_changed(sender, **kwargs):
    from .engines import get_engine
    from .models import SearchVersion

    SearchVersion.bump("synonyms")
    get_engine().synonyms_changed()


def _promotions_changed(sender, **kwargs):
    from .models import SearchVersion

    SearchVersion.bump("promotions")


def connect():
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from .models import Synonym

    page_published.connect(_published, sender=ProcedurePage, dispatch_uid="search_page_published")
    page_unpublished.connect(_unpublished, sender=ProcedurePage, dispatch_uid="search_page_unpublished")
    post_delete.connect(_deleted, sender=ProcedurePage, dispatch_uid="search_page_deleted")
    post_page_move.connect(_moved, dispatch_uid="search_page_moved")
    catalog_import_started.connect(_import_started, dispatch_uid="search_catalog_import_started")
    catalog_imported.connect(_imported, dispatch_uid="search_catalog_imported")
    for signal in (post_save, post_delete):
        signal.connect(_synonyms_changed, sender=Synonym, dispatch_uid=f"search_synonyms_{id(signal)}")
        for model in (SearchPromotion, Query):
            signal.connect(
                _promotions_changed,
                sender=model,
                dispatch_uid=f"search_promotions_{model.__name__}_{id(signal)}",
            )
