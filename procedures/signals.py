"""Signals the catalog sends, for the apps that keep something derived from it (search's index).

The importer knows nothing of its subscribers: they connect in their AppConfig.ready().

- `catalog_import_started`: an import run is about to write pages (sent once, before the first
  batch). Subscribers may start collecting work (search defers its per-page indexing).
- `catalog_imported`: the run is over (sent once, also when it failed, inside the dry run's
  transaction before it is rolled back). Arguments: `page_ids` (frozenset of the pages the run
  created or changed), `dry_run`, `failed` (the run is raising: a subscriber should log its own
  errors rather than hide the run's).
"""

from contextlib import contextmanager

from django.dispatch import Signal

__all__ = ["catalog_import_started", "catalog_imported", "catalog_import_run"]

catalog_import_started = Signal()
catalog_imported = Signal()


@contextmanager
def catalog_import_run(sender, *, dry_run: bool = False):
    """Send `catalog_import_started`, run the block, then `catalog_imported` with the page ids the
    block added to the yielded set."""
    page_ids: set[int] = set()
    catalog_import_started.send(sender=sender, dry_run=dry_run)
    failed = False
    try:
        yield page_ids
    except BaseException:
        failed = True
        raise
    finally:
        catalog_imported.send(sender=sender, page_ids=frozenset(page_ids), dry_run=dry_run, failed=failed)
