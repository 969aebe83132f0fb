"""The two frames of online service levels, and how one record maps to each (docs/statistics.md).

A procedure record carries `online_level` (Decree 42/2022: toàn trình / một phần / none) and
`legacy_level` (Decree 43/2011: "1".."4", "other", ""). The level used against the roadmap's
targets (which are written in the 2011 frame) is:

- `online_level` when it is set: toàn trình → 4, một phần → 3 (inference: level 4 ≈ toàn trình,
  level 3 ≈ một phần; the 2022 field is the one editors maintain today);
- otherwise the 2011 label: "4" → 4, "3" → 3, "2" → 2, "1" → 1;
- otherwise 0: not online, level unknown (counted as "below level 3").

The 2022 frame reads the same number back: 4 → toàn trình, 3 → một phần, below 3 → not online.
`level43()` (Python, one record) and `level43_expression()` (SQL, whole querysets) must agree; a
test checks every combination.
"""

from django.db.models import Case, IntegerField, Value, When

from procedures.constants import LegacyLevel, OnlineLevel

__all__ = ["FRAME42_OF_LEVEL", "frame42", "level43", "level43_expression"]

_ONLINE = {OnlineLevel.FULL.value: 4, OnlineLevel.PARTIAL.value: 3}
_LEGACY = {
    LegacyLevel.LEVEL_4.value: 4,
    LegacyLevel.LEVEL_3.value: 3,
    LegacyLevel.LEVEL_2.value: 2,
    LegacyLevel.LEVEL_1.value: 1,
}
FRAME42_OF_LEVEL = {4: OnlineLevel.FULL.value, 3: OnlineLevel.PARTIAL.value}


def level43(online_level: str, legacy_level: str) -> int:
    if online_level in _ONLINE:
        return _ONLINE[online_level]
    return _LEGACY.get(legacy_level or "", 0)


def frame42(level: int) -> str:
    return FRAME42_OF_LEVEL.get(level, OnlineLevel.NONE.value)


def level43_expression(prefix: str = ""):
    """SQL CASE computing level43() from `<prefix>online_level` and `<prefix>legacy_level`."""
    online, legacy = f"{prefix}online_level", f"{prefix}legacy_level"
    whens = [When(**{online: value}, then=Value(level)) for value, level in _ONLINE.items()]
    whens += [When(**{legacy: value}, then=Value(level)) for value, level in _LEGACY.items()]
    return Case(*whens, default=Value(0), output_field=IntegerField())
