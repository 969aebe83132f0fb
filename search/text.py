"""Vietnamese tokenising: the one place where text becomes search terms.

Every engine, the indexer, the query parser, the highlighter, the query log and the synonym list use
these functions, so that "Cấp lại CCCD", "cap lai cccd" and the NFD form of the first are the same
query, and "đăng ký" matches "dang ky" both ways.

Folding (`fold`, `fold_word`, `strip_diacritics`) is `core.text`'s, the project's one implementation,
re-exported here for the search modules.

Terms: syllables (Vietnamese words are written as space-separated syllables) plus syllable bigrams
("giay_phep", "lai_xe") built inside a phrase (punctuation ends a phrase), so that syllable pairs
can be weighted above scattered syllables.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator

from core.text import fold, fold_word, strip_diacritics

__all__ = [
    "BIGRAM_JOINER",
    "CODE_TOKEN_PREFIX",
    "bigrams",
    "code_term",
    "fold",
    "fold_word",
    "fold_phrases",
    "iter_words",
    "strip_diacritics",
    "terms",
    "tokens",
]

BIGRAM_JOINER = "_"
CODE_TOKEN_PREFIX = "#"

# A phrase boundary: punctuation that separates phrases; other punctuation just separates words.
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»/\\|•\n\r\t–—]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold_phrases(text: str | None) -> list[list[str]]:
    """The folded syllables of each phrase of the text (punctuation separates phrases)."""
    if not text:
        return []
    phrases = []
    for part in _PHRASE_BREAK.split(text):
        words = fold(part).split()
        if words:
            phrases.append(words)
    return phrases


def tokens(text: str | None) -> list[str]:
    """The folded syllables of the text, in order."""
    return fold(text).split()


def bigrams(words: list[str]) -> list[str]:
    return [f"{a}{BIGRAM_JOINER}{b}" for a, b in zip(words, words[1:], strict=False)]


def terms(text: str | None) -> tuple[list[str], list[str]]:
    """(syllables, bigrams inside phrases) of the text: what an index stores for it."""
    unigrams: list[str] = []
    pairs: list[str] = []
    for phrase in fold_phrases(text):
        unigrams.extend(phrase)
        pairs.extend(bigrams(phrase))
    return unigrams, pairs


def code_term(code: str) -> str:
    """The single index term of a procedure code (kept whole, lower-cased): '#1.005461.000.00.00.h36'."""
    return CODE_TOKEN_PREFIX + unicodedata.normalize("NFC", code).strip().lower()


def iter_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of the original text, for highlighting."""
    for match in _WORD.finditer(text):
        folded = fold_word(match.group())
        if folded:
            yield match.start(), match.end(), folded


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
