"""The one rate limiter (docs/security.md): counters in the shared cache, several windows per scope.

Used by the status lookup (dossiers), the feedback, survey and rating forms (feedback), password
resets (accounts). Identities (addresses, contacts, dossier codes) are personal data: the cache
only sees a keyed hash of them. In production the default cache must be shared by every worker
(CACHE_URL=redis://…), or each worker would count alone.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

__all__ = ["RateLimited", "check_rate_limit", "clear_attempts", "count_attempt", "is_limited"]

_KEY_PREFIX = "ratelimit:"


class RateLimited(Exception):
    """Too many attempts for one identity in a scope; `retry_after` is in seconds."""

    def __init__(self, scope: str, retry_after: int):
        super().__init__(scope)
        self.scope = scope
        self.retry_after = retry_after


def _digest(identity: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), identity.encode(), hashlib.sha256).hexdigest()[:32]


def check_rate_limit(scope: str, identity: str, limits) -> None:
    """Count one attempt for `identity` under `scope`, or raise RateLimited when a window is full.

    `limits`: (max attempts, seconds) pairs. Each window starts at the first attempt (the counter
    expires `seconds` later), so there is no boundary at which a burst gets a fresh budget. A refused
    attempt is not counted."""
    if not identity or not limits:
        return
    digest = _digest(identity)
    keys = [(f"{_KEY_PREFIX}{scope}:{seconds}:{digest}", maximum, seconds) for maximum, seconds in limits]
    counts = cache.get_many([key for key, _m, _s in keys])
    for key, maximum, seconds in keys:
        if counts.get(key, 0) >= maximum:
            raise RateLimited(scope, seconds)
    for key, _maximum, seconds in keys:
        if cache.add(key, 1, timeout=seconds):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds)


def _keys(scope: str, identity: str, limits) -> list[tuple[str, int, int]]:
    digest = _digest(identity)
    return [(f"{_KEY_PREFIX}{scope}:{seconds}:{digest}", maximum, seconds) for maximum, seconds in limits]


def is_limited(scope: str, identity: str, limits) -> bool:
    """Whether a window of `scope` is full for `identity`, counting nothing (see count_attempt)."""
    if not identity or not limits:
        return False
    keys = _keys(scope, identity, limits)
    counts = cache.get_many([key for key, _m, _s in keys])
    return any(counts.get(key, 0) >= maximum for key, maximum, _s in keys)


def count_attempt(scope: str, identity: str, limits) -> None:
    """Count one attempt (a failure, say) for `identity`, refusing nothing; is_limited() checks."""
    if not identity or not limits:
        return
    for key, _maximum, seconds in _keys(scope, identity, limits):
        if cache.add(key, 1, timeout=seconds):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, 1, timeout=seconds)


def clear_attempts(scope: str, identity: str, limits) -> None:
    """Forget the attempts of `identity` in `scope` (an administrator lifting a lockout)."""
    if identity and limits:
        cache.delete_many([key for key, _m, _s in _keys(scope, identity, limits)])
