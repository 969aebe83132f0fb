"""Keeping the search index current: published procedures in, unpublished and deleted ones out.

The index is the `SearchDocument` table (one row per live, public `ProcedurePage`), written in the same
database transaction as the publishing that caused it, then the configured engine is told (the
embedded engine reloads from the table; Elasticsearch/OpenSearch gets the documents after commit).

Entry points:
- `search.signals` calls `page_changed` / `pages_removed` from Wagtail's documented signals
  (page_published, page_unpublished, post_page_move, post_delete of ProcedurePage);
- `deferred_indexing()` wraps bulk work (the demo loader; the importer through procedures' signals
  `catalog_import_started` / `catalog_imported`, which `search.signals` turns into `begin_deferred()` /
  `end_deferred()`): changes are collected and indexed once, in bulk, when the outermost block exits,
  then the table is reconciled with the live pages (so pages written without a publish signal are not
  missed);
- `rebuild()` rewrites the whole table (`manage.py rebuild_search_index`).
"""

import logging
import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import transaction
from wagtail.models import Page

from procedures.models import ProcedurePage

from .text import fold_phrases

__all__ = [
    "begin_deferred",
    "deferred_indexing",
    "document_values",
    "end_deferred",
    "index_pages",
    "page_changed",
    "pages_removed",
    "rebuild",
    "reconcile",
]

logger = logging.getLogger(__name__)
BATCH_SIZE = 400
_state = threading.local()


def _folded(*texts: str | None) -> str:
    """Folded text, one phrase per line (bigrams are only built inside a line)."""
    lines = []
    for text in texts:
        for phrase in fold_phrases(text):
            lines.append(" ".join(phrase))
    return "\n".join(lines)


def _procedures():
    return (
        ProcedurePage.objects.live()
        .public()
        .select_related("field", "implementing_agency")
        .prefetch_related("levels", "components", "results", "legal_bases")
    )


def document_values(page: ProcedurePage) -> dict:
    """The SearchDocument values of a procedure page (derived here, so procedures/ needs no search code)."""
    agency = page.implementing_agency
    agency_label = agency.name if agency else (page.implementing_agency_text or "")
    name = page.official_name or page.title
    levels = sorted({level.code for level in page.levels.all()})
    components = [component.name for component in page.components.all()]
    results = [result.name for result in page.results.all()]
    return {
        "page_id": page.pk,
        "code": page.code,
        "base_code": page.base_code,
        "name": name,
        "url": page.get_url() or "",
        "field_id": page.field_id,
        "agency_id": page.implementing_agency_id,
        "agency_label": agency_label[:1000],
        "levels": levels,
        "online_level": page.online_level or "",
        "legacy_level": page.legacy_level or "",
        "status": page.status or "",
        "successor_id": page.successor_id,
        "name_folded": _folded(name, page.title if page.title != name else ""),
        "keywords_folded": _folded(page.keywords.replace(",", "\n"), page.search_description),
        "field_folded": _folded(page.field.name if page.field else ""),
        "agency_folded": _folded(agency_label, page.competent_agency_text),
        "body_folded": _folded(
            page.applicants,
            page.requirements,
            page.description,
            page.results_text if not results else "",
            *results,
            *components,
        ),
    }


def _engine():
    from .engines import get_engine

    return get_engine()


def _bump() -> None:
    from .models import SearchVersion

    SearchVersion.bump("index")


def index_pages(page_ids: Iterable[int]) -> tuple[int, int]:
    """(Re)index these pages: live public procedures are written, the others removed. Returns counts."""
    from .models import SearchDocument

    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return 0, 0
    written: list[SearchDocument] = []
    removed: list[int] = []
    with transaction.atomic():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            pages = list(_procedures().filter(pk__in=chunk))
            found = {page.pk for page in pages}
            SearchDocument.objects.filter(page_id__in=chunk).delete()
            documents = [SearchDocument(**document_values(page)) for page in pages]
            written.extend(SearchDocument.objects.bulk_create(documents))
            removed.extend(pk for pk in chunk if pk not in found)
        _bump()
    _engine().documents_changed(upserted=written, removed_page_ids=removed)
    return len(written), len(removed)


def pages_removed(page_ids: Iterable[int]) -> None:
    """Remove these pages' documents (deleted or unpublished pages)."""
    from .models import SearchDocument

    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return
    if _deferring():
        _state.pending.update(ids)
        return
    with transaction.atomic():
        SearchDocument.objects.filter(page_id__in=ids).delete()
        _bump()
    _engine().documents_changed(upserted=[], removed_page_ids=ids)


def reconcile() -> tuple[int, int]:
    """Index live procedures that have no document and drop documents whose page is no longer live."""
    from .models import SearchDocument

    live = set(_procedures().values_list("pk", flat=True))
    indexed = set(SearchDocument.objects.values_list("page_id", flat=True))
    missing, stale = live - indexed, indexed - live
    if missing:
        index_pages(missing)
    if stale:
        pages_removed(stale)
    return len(missing), len(stale)


def rebuild() -> int:
    """Rewrite the whole index from the live procedures. Returns the number of documents."""
    from .models import SearchDocument

    with transaction.atomic():
        SearchDocument.objects.all().delete()
        ids = list(_procedures().order_by("pk").values_list("pk", flat=True))
        count = 0
        for start in range(0, len(ids), BATCH_SIZE):
            pages = _procedures().filter(pk__in=ids[start : start + BATCH_SIZE])
            count += len(
                SearchDocument.objects.bulk_create(SearchDocument(**document_values(p)) for p in pages)
            )
        _bump()
    _engine().rebuilt()
    return count


# --- signals and deferral --------------------------------------------------------------------------
def _deferring() -> bool:
    return getattr(_state, "depth", 0) > 0


def page_changed(page: Page | int) -> None:
    """A procedure was published, unpublished or moved: index it now, or at the end of a deferred block."""
    page_id = page if isinstance(page, int) else page.pk
    if _deferring():
        _state.pending.add(page_id)
    else:
        index_pages([page_id])


@contextmanager
def deferred_indexing():
    """Collect index work inside the block and do it once, in bulk, when the outermost block exits.

    Nesting is allowed; the state is per thread, so concurrent requests are not affected. If the
    block raises, the index is still brought up to date with what the database now holds.
    """
    begin_deferred()
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        end_deferred(failed=failed)


def begin_deferred() -> None:
    """Open a deferred block (what `deferred_indexing()` does on entry; for signal receivers)."""
    depth = getattr(_state, "depth", 0)
    if depth == 0:
        _state.pending = set()
    _state.depth = depth + 1


def end_deferred(*, page_ids: Iterable[int] = (), failed: bool = False) -> None:
    """Close a deferred block, adding `page_ids` to its work; the outermost one indexes and reconciles.

    With `failed` (the block raised), an error while indexing is logged, not raised over the block's own.
    """
    _state.pending.update(page_ids)
    _state.depth -= 1
    if _state.depth == 0:
        pending, _state.pending = _state.pending, set()
        try:
            index_pages(pending)
            reconcile()
        except Exception:
            if not failed:
                raise
            logger.exception("search index could not be updated after a failed bulk operation")
