"""Marking the words of a query in a text, safely: everything else is escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import fold_word

__all__ = ["highlight"]

_SPLIT = re.compile(r"([^\W_]+)")


def highlight(text: str, words: frozenset[str] | set[str]) -> SafeString:
    """`text` escaped, with each word whose folded form is in `words` wrapped in <mark>."""
    text = text or ""
    if not words:
        return escape(text)
    pieces: list[str] = []
    pending: list[str] = []
    for position, part in enumerate(_SPLIT.split(text)):
        if position % 2 and fold_word(part) in words:
            pieces.append(escape("".join(pending)))
            pending = []
            pieces.append(f"<mark>{escape(part)}</mark>")
        else:
            pending.append(part)
    pieces.append(escape("".join(pending)))
    return mark_safe("".join(pieces))
