"""A page's figures computed once per request (docs/statistics.md, "Yearly series").

The summary, the yearly series and the Decision 766 index of one page ask for some of the same
figures; within `memoized()` each is computed once. Nothing is kept after the block: the figures
kept between requests are those of stats.services.figure_cache, keyed by the statistics data version.
"""

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["entries", "memoized", "recall", "remember"]

_MEMO: contextvars.ContextVar[dict | None] = contextvars.ContextVar("stats_memo", default=None)


@contextlib.contextmanager
def memoized():
    """Within the block, a figure asked for twice is computed once (see remember())."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remember(key: tuple, compute: Callable[[], Any]):
    """compute(), or what it gave for `key` earlier in the same memoized() block."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def recall(key: tuple):
    """What remember() kept for `key` in this block, else None."""
    return (_MEMO.get() or {}).get(key)


def entries(kind: str) -> Iterator[tuple[tuple, Any]]:
    """(key without its kind, value) of every figure of this kind kept in this block: a figure for
    one day can be read from a series computed for several days."""
    for key, value in list((_MEMO.get() or {}).items()):
        if key[0] == kind:
            yield key[1:], value
