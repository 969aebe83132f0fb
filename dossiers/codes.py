"""Dossier codes (Circular 01/2018/TT-VPCP Art. 19): `<agency code>-<YYMMDD>-<NNNN>`.

The NNNN sequence restarts every day for every agency. It is kept in one `DailySequence` row per
agency and day, incremented with an UPDATE (which locks the row until the surrounding transaction
ends), so concurrent submissions on PostgreSQL wait for each other instead of taking the same
number; the very first number of a day is created in a savepoint that tolerates a concurrent
insert. Past 9,999 dossiers in a day the number simply grows a fifth digit.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import DailySequence

__all__ = ["format_code", "next_sequence"]


def format_code(*, agency_code: str, day: date, number: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{number:04d}"


def next_sequence(*, agency_code: str, day: date) -> int:
    """The next number of the day for the agency. Must run inside the submission's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_sequence() must run inside transaction.atomic()")
    rows = DailySequence.objects.filter(agency_code=agency_code, day=day)
    for _attempt in range(3):
        if rows.update(last=F("last") + 1):
            return rows.values_list("last", flat=True).get()
        try:
            with transaction.atomic():
                DailySequence.objects.create(agency_code=agency_code, day=day, last=1)
            return 1
        except IntegrityError:
            continue  # another transaction created the row first: increment it
    raise RuntimeError("could not allocate a dossier number")
