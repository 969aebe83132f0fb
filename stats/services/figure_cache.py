"""Figures kept between requests, keyed by the statistics data version (docs/statistics.md, "Cache").

Every input of the statistics figures — the usage summary (stats.DossierUsage, stats.UsageMonthly),
procedure pages and their level history, the roadmaps (targets, items, links, one-stop records),
agencies and ratings — bumps one *statistics data version*, a token kept in Django's cache, when it
is written (stats/signals.py connects the model signals, Wagtail's page signals and the catalog
importer's signal; stats.services.usage_refresh bumps after each write of the monthly cells). A
page's figures are cached under a key made of that version, the figure set's kind, its parameters,
the local date and the language, so any write makes every older key unreachable (they expire on
their own). The cache must be shared by every process that writes or serves (Redis in production,
CACHE_URL).
"""

import hashlib
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

__all__ = [
    "FIGURE_TIMEOUT",
    "bump_stats_version",
    "cached_figures",
    "figure_key",
    "query_params",
    "stats_version",
]

VERSION_KEY = "stats:data-version"
FIGURE_TIMEOUT = 24 * 3600  # seconds; any write of an input invalidates sooner
_MISSING = object()


def _new_version() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(3)}"


def stats_version() -> str:
    """The current statistics data version (created on first use, or after the cache lost it: every
    figure cached before is then out of reach, never stale)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def bump_stats_version(**kwargs) -> None:
    """A new version now and again when the surrounding transaction commits (a request served in
    between cannot keep the figures of before the write). Usable as a signal receiver."""

    def bump():
        cache.set(VERSION_KEY, _new_version(), None)

    bump()
    transaction.on_commit(bump)


def query_params(query) -> tuple:
    """What a StatsQuery selects (the figures of a page depend on nothing else of it)."""
    return (
        query.roadmap.pk if query.roadmap else None,
        query.agency.pk if query.agency else None,
        query.procedure.pk if query.procedure else None,
        query.year,
        query.day,
    )


def figure_key(kind: str, *params) -> str:
    """The cache key of one figure set: version, kind and a digest of the parameters, today's date
    (defaults such as "the current year" and "today" depend on it) and the language (labels)."""
    context = (timezone.localdate(), translation.get_language())
    digest = hashlib.blake2b(repr((params, context)).encode(), digest_size=16).hexdigest()
    return f"stats:{stats_version()}:{kind}:{digest}"


def cached_figures(kind: str, params: tuple, compute: Callable[[], Any]):
    """compute(), kept under figure_key(kind, *params) until an input of the figures is written."""
    key = figure_key(kind, *params)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, FIGURE_TIMEOUT)
    return value
