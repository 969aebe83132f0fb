"""Small text helpers of the importer: whitespace, ASCII folding, titles, slugs."""

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from django.utils.text import slugify

from core.text import strip_diacritics

__all__ = ["clean", "clean_name", "fold", "cut_title", "ascii_slug", "TITLE_MAX"]

TITLE_MAX = 255
_SPACES = re.compile(r"\s+")


def clean(value: str) -> str:
    """NFC, strip, and Windows line ends made plain; inner line breaks kept (steps are multi-line)."""
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_name(value: str) -> str:
    """A one-line name: NFC and every run of whitespace (line breaks included) made one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


@lru_cache(maxsize=16384)
def fold(value: str) -> str:
    """Lower-case ASCII form of Vietnamese text (`Cấp Bộ` → `cap bo`, `Đồng` → `dong`) for the parsers:
    unlike `core.text.fold` it keeps punctuation (the parsers split on it), which anyascii turns into
    ASCII (`–` → `-`); the Vietnamese letters are folded by core.text, the one implementation."""
    return _SPACES.sub(" ", anyascii(strip_diacritics(value)).lower()).strip()


def cut_title(name: str, limit: int = TITLE_MAX) -> str:
    """`name` cut to at most `limit` characters on a word boundary, marked with an ellipsis when cut."""
    name = clean_name(name)
    if len(name) <= limit:
        return name
    head = name[: limit - 1]
    if " " in head and not name[limit - 1].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


def ascii_slug(value: str, max_length: int = 255) -> str:
    """Django's slugify of the ASCII-folded text; dots and other punctuation become hyphens."""
    text = re.sub(r"[^0-9A-Za-z]+", "-", anyascii(unicodedata.normalize("NFC", value)))
    return slugify(text)[:max_length].strip("-")
