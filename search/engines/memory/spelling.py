"""Spelling suggestions ("did you mean") and prefix lookups over the index vocabulary.

Symmetric-delete lookup (as in SymSpell): every vocabulary syllable is stored under the strings made by
deleting up to two of its letters; an unknown query syllable looks up its own deletions, and the
candidates are checked with a true edit distance. The most frequent candidate at the smallest
distance wins.
"""

from bisect import bisect_left

__all__ = ["SpellingIndex", "edit_distance"]

MIN_DOCUMENT_FREQUENCY = 1


def _deletes(word: str, depth: int) -> set[str]:
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        result |= frontier
    return result


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class SpellingIndex:
    def __init__(self, source, max_distance: int = 2):
        self.source = source
        self.max_distance = max_distance
        vocabulary = source.vocabulary()
        self.frequency = {word: df for word, df in vocabulary.items() if df >= MIN_DOCUMENT_FREQUENCY}
        self.sorted_words = sorted(vocabulary)
        self._deletes: dict[str, list[str]] | None = None

    def _delete_map(self) -> dict[str, list[str]]:
        if self._deletes is None:
            mapping: dict[str, list[str]] = {}
            for word in self.frequency:
                for variant in _deletes(word, self.max_distance if len(word) > 3 else 1):
                    mapping.setdefault(variant, []).append(word)
            self._deletes = mapping
        return self._deletes

    def correct(self, word: str, *, previous: str = "", following: str = "") -> str | None:
        """The closest known syllable. Ties go to the one that forms a known pair with a neighbouring
        word ("ket hom" → "ket hon"), then to the same length (a mistyped letter), then to frequency."""
        if len(word) < 2:
            return None
        limit = 1 if len(word) <= 4 else self.max_distance
        mapping = self._delete_map()
        candidates = set()
        for variant in _deletes(word, limit):
            candidates.update(mapping.get(variant, ()))
        best = None
        for candidate in candidates:
            distance = edit_distance(word, candidate)
            if distance == 0 or distance > limit:
                continue
            pairs = self.source.df(f"{previous}_{candidate}") if previous else 0
            pairs += self.source.df(f"{candidate}_{following}") if following else 0
            key = (distance, -pairs, len(candidate) != len(word), -self.frequency[candidate], candidate)
            if best is None or key < best:
                best = key
        return best[-1] if best else None

    def words_with_prefix(self, prefix: str, *, limit: int) -> list[str]:
        """Vocabulary syllables that start with `prefix`, the most frequent first."""
        start = bisect_left(self.sorted_words, prefix)
        matches = []
        for word in self.sorted_words[start:]:
            if not word.startswith(prefix):
                break
            matches.append(word)
        vocabulary = self.source.vocabulary()
        matches.sort(key=lambda word: -vocabulary.get(word, 0))
        return matches[:limit]
