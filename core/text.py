"""Vietnamese text folding: the one implementation (search, the catalog's sort order, SMS texts).

Unicode decomposition (so NFC and NFD input agree), every combining mark dropped (so letters with
two marks such as "ấ", "ổ", "ữ" lose both), and đ/Đ mapped to d/D (they have no decomposition).

- `strip_diacritics`: text as typed on a keyboard without Vietnamese input; case and punctuation kept.
- `fold`: the comparison form: lower-case, compatibility decomposition, everything that is not a
  letter or a digit turned into a single space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_word", "strip_diacritics"]

# Letters that Unicode does not decompose but that readers take for a plain letter.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i", "ł": "l", "Ł": "L"})
_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_WORD = re.compile(r"[\W_]+")


def _drop_marks(text: str, form: str) -> str:
    text = _MARKS.sub("", unicodedata.normalize(form, text.translate(_LETTERS)))
    if not text.isascii():  # combining marks outside the main block (rare)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LETTERS)


def strip_diacritics(text: str | None) -> str:
    """'Đăng ký kết hôn?' → 'Dang ky ket hon?': marks dropped, đ → d, case and punctuation kept."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", _drop_marks(text, "NFD"))


def fold(text: str | None) -> str:
    """'Đăng ký  Kết-hôn!' → 'dang ky ket hon'. Idempotent; NFC and NFD input give the same output."""
    if not text:
        return ""
    return " ".join(_NOT_WORD.sub(" ", _drop_marks(text.lower(), "NFKD")).split())


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """`fold` of a single word, cached (highlighting folds the same words again and again)."""
    return fold(word)
