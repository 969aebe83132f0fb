"""The editor-kept synonym list, compiled once per version and applied to queries.

Editing a `Synonym` record bumps the "synonyms" version token (see `search.signals`); every process
compares its compiled table with the stored token on the next query and recompiles when it differs,
so a change applies at once, without a restart.
"""

import threading
from dataclasses import dataclass

from .text import fold

__all__ = ["CompiledSynonyms", "compiled_synonyms", "synonym_pairs"]


@dataclass(frozen=True)
class CompiledSynonyms:
    token: str
    # folded variant as a tuple of syllables -> folded expansions (each a tuple of syllables)
    table: dict
    longest: int

    def match(self, words: list[str], start: int):
        """(end, variant, expansions) of the longest variant starting at words[start], or None."""
        for size in range(min(self.longest, len(words) - start), 0, -1):
            variant = tuple(words[start : start + size])
            expansions = self.table.get(variant)
            if expansions:
                return start + size, variant, expansions
        return None


_lock = threading.Lock()
_cache: dict[str, CompiledSynonyms] = {}


def synonym_pairs() -> list[tuple[str, str]]:
    """(variant, expansion) pairs of the active synonyms, as editors wrote them."""
    from .models import Synonym

    pairs = []
    for synonym in Synonym.objects.filter(active=True).order_by("pk"):
        for term in synonym.term_list():
            pairs.append((term, synonym.expansion))
    return pairs


def compiled_synonyms(token: str) -> CompiledSynonyms:
    """The compiled active synonyms for this version token (compiled at most once per token)."""
    current = _cache.get("current")
    if current is not None and current.token == token:
        return current
    with _lock:
        current = _cache.get("current")
        if current is not None and current.token == token:
            return current
        table: dict[tuple, list[tuple]] = {}
        for term, expansion in synonym_pairs():
            variant = tuple(fold(term).split())
            target = tuple(fold(expansion).split())
            if not variant or not target or variant == target:
                continue
            targets = table.setdefault(variant, [])
            if target not in targets:
                targets.append(target)
        longest = max((len(v) for v in table), default=0)
        current = CompiledSynonyms(token=token, table=table, longest=longest)
        _cache["current"] = current
        return current
