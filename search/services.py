"""Public API of the search app (the search helper replaces this placeholder)."""

from contextlib import contextmanager

__all__ = ["deferred_indexing"]


@contextmanager
def deferred_indexing():
    """Bulk operations (the importer, the demo loader) run inside this; the index is refreshed once at exit."""
    yield
