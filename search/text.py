"""Vietnamese text folding and tokenising: the one place where text becomes search terms.

Every engine, the indexer, the query parser, the highlighter, the query log and the synonym list use
these functions, so that "Cấp lại CCCD", "cap lai cccd" and the NFD form of the first are the same
query, and "đăng ký" matches "dang ky" both ways.

Folding: Unicode NFD (so NFC and NFD input agree), drop every combining mark (so letters with two
marks such as "ấ", "ổ", "ữ" lose both), map đ/Đ to d (it has no decomposition), lower-case, and
turn everything that is not a letter or a digit into a space.

Terms: syllables (Vietnamese words are written as space-separated syllables) plus syllable bigrams
("giay_phep", "lai_xe") built inside a phrase (punctuation ends a phrase), so that syllable pairs
can be weighted above scattered syllables.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

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

# Letters that NFD does not decompose but that readers take for a plain letter.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ı": "i", "ł": "l", "Ł": "l"})
# A phrase boundary: punctuation that separates phrases; other punctuation just separates words.
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»/\\|•\n\r\t–—]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_WORD = re.compile(r"[\W_]+")


def _strip_marks(text: str) -> str:
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():  # combining marks outside the main block (rare)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text


def fold(text: str | None) -> str:
    """'Đăng ký  Kết-hôn!' → 'dang ky ket hon'. Idempotent; NFC and NFD input give the same output."""
    if not text:
        return ""
    text = _strip_marks(text.translate(_EXTRA).lower()).translate(_EXTRA)
    return " ".join(_NOT_WORD.sub(" ", text).split())


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


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """`fold` of a single word, cached (highlighting folds the same words again and again)."""
    return fold(word)


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


def strip_diacritics(text: str) -> str:
    """Text as typed on a keyboard without Vietnamese input: marks dropped, đ → d, case and punctuation kept."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))
