"""What a procedure's name says about its level, so that ranking can tell "which procedure" from "at
which level".

The catalog publishes one procedure several times, once per level of government, with names that differ
only by a level or authority qualifier ("level twins"):
- in parentheses: "Cấp thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)" / "(thực hiện tại cấp trung ương)",
  "(cấp Bộ)", "(cấp TW)";
- as a trailing clause: "… hồ chứa nước thuộc thẩm quyền của UBND cấp tỉnh" / "… thuộc thẩm quyền của
  Bộ Nông nghiệp và Môi trường quản lý", "… do Chủ tịch UBND cấp tỉnh phân cấp …", "… cấp Trung ương".

`name_parts` returns the folded name without those qualifiers (the twins' shared *family*) and the
qualifier's syllables and syllable pairs. Other parenthesised text ("(đối với giống bố mẹ)") is content
and stays in the family.
"""

import re
from dataclasses import dataclass

from .text import BIGRAM_JOINER, fold

__all__ = ["LEVEL_WORDS", "NameParts", "name_parts"]

_PARENTHESISED = re.compile(r"\(([^()]*)\)?")
_LEVEL = r"(?:tinh|xa|huyen|bo|tw|trung uong)"
_LEVEL_IN_PARENTHESES = re.compile(rf"^(?:thuc hien )?(?:(?:tai|o) )?cap {_LEVEL}$")
_AUTHORITY = r"(?:chu tich )?(?:uy ban nhan dan|ubnd|bo|thu tuong|chinh phu|so|ban quan ly)"
_LEVEL_TAIL = re.compile(
    rf" (?:thuoc tham quyen (?:giai quyet )?cua .*|do {_AUTHORITY} .*"
    rf"|(?:thuc hien )?(?:tai|o) cap {_LEVEL}|cap {_LEVEL})$"
)
# Syllables that name a level on their own: a query containing one of them chooses among twins itself.
LEVEL_WORDS = frozenset({"tinh", "xa", "huyen", "trung", "uong", "tw"})


@dataclass(frozen=True, slots=True)
class NameParts:
    family: str  # folded name without level qualifiers ("cap the bao hiem y te")
    head_words: frozenset  # the name's syllables without any parenthesised text or level clause
    qualifier_words: frozenset  # syllables of the level qualifiers
    qualifier_pairs: frozenset  # syllable pairs of the level qualifiers ("cap_tinh", "trung_uong")


def _drop_level_parentheses(match: re.Match) -> str:
    return " " if _LEVEL_IN_PARENTHESES.match(fold(match.group(1))) else match.group(0)


def _without_tail(folded: str) -> str:
    return _LEVEL_TAIL.sub("", " " + folded).strip()


def name_parts(name: str | None) -> NameParts:
    name = name or ""
    folded = fold(name)
    if "(" in name:
        family = _without_tail(fold(_PARENTHESISED.sub(_drop_level_parentheses, name)))
        head = _without_tail(fold(_PARENTHESISED.sub(" ", name)))
    else:
        family = head = _without_tail(folded)
    words = folded.split()
    kept = family.split()
    if words[: len(kept)] == kept:
        qualifier = words[len(kept) :]
    else:  # a level parenthesis in the middle of the name
        family_words = set(kept)
        qualifier = [word for word in words if word not in family_words]
    return NameParts(
        family=family,
        head_words=frozenset(head.split()) or frozenset(words),
        qualifier_words=frozenset(qualifier),
        qualifier_pairs=frozenset(
            f"{a}{BIGRAM_JOINER}{b}" for a, b in zip(qualifier, qualifier[1:], strict=False)
        ),
    )
