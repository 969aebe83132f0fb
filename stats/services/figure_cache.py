"""Figures kept between requests, keyed by the usage-refresh version (docs/statistics.md, "Cache").

The usage figures are sums over the monthly cells (stats.UsageMonthly), which change only when
stats.services.usage_refresh writes them. Each write bumps the *usage version*, a token kept in
Django's cache; a figure is cached under a key made of that version, the figure's kind and its
parameters, so a refresh makes every older key unreachable (they expire on their own). The cache
must be shared by every process that refreshes or serves (Redis in production, CACHE_URL).
"""

import hashlib
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction

__all__ = ["FIGURE_TIMEOUT", "bump_usage_version", "cached_figures", "figure_key", "usage_version"]

VERSION_KEY = "stats:usage-version"
FIGURE_TIMEOUT = 24 * 3600  # seconds; a refresh invalidates sooner
_MISSING = object()


def _new_version() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(3)}"


def usage_version() -> str:
    """The current usage-refresh version (created on first use, or after the cache lost it: every
    figure cached before is then out of reach, never stale)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def bump_usage_version() -> None:
    """A new version now and again when the surrounding transaction commits (a request served in
    between cannot keep the figures of before the refresh)."""

    def bump():
        cache.set(VERSION_KEY, _new_version(), None)

    bump()
    transaction.on_commit(bump)


def figure_key(kind: str, *params) -> str:
    """The cache key of one figure: usage version, kind and a digest of the parameters."""
    digest = hashlib.blake2b(repr(params).encode(), digest_size=16).hexdigest()
    return f"stats:{usage_version()}:{kind}:{digest}"


def cached_figures(kind: str, params: tuple, compute: Callable[[], Any]):
    """compute(), kept under figure_key(kind, *params) until the next usage refresh."""
    key = figure_key(kind, *params)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, FIGURE_TIMEOUT)
    return value
