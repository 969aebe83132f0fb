"""Level history: record a procedure's level and completeness, read it back at any date."""

import datetime

from django.db import transaction
from django.utils import timezone

from procedures.completeness import missing_fields
from procedures.constants import ProcedureStatus
from procedures.models import ProcedurePage

from ..constants import LevelSource
from ..models import ProcedureLevelRecord

__all__ = ["level_on", "levels_on", "record_level", "state_of_page", "sync_level_records"]

_COMPARED = ("online_level", "legacy_level", "complete", "in_force")


def state_of_page(page: ProcedurePage) -> dict:
    """What a record would say about `page` now. Completeness comes from procedures.completeness."""
    missing = missing_fields(page)
    return {
        "online_level": page.online_level,
        "legacy_level": page.legacy_level or "",
        "complete": not missing,
        "missing_info": missing,
        "in_force": bool(page.live) and page.status != ProcedureStatus.ABOLISHED,
    }


def level_on(procedure, day: datetime.date) -> ProcedureLevelRecord | None:
    """The record in force for `procedure` on `day` (None before its first record)."""
    procedure_id = getattr(procedure, "pk", procedure)
    return (
        ProcedureLevelRecord.objects.filter(procedure_id=procedure_id, effective_date__lte=day)
        .order_by("-effective_date", "-id")
        .first()
    )


def levels_on(day: datetime.date):
    """Queryset: one row per procedure, the record in force on `day` (a correlated subquery, in the DB)."""
    return ProcedureLevelRecord.objects.on(day)


def record_level(
    *,
    procedure: ProcedurePage,
    source: str,
    effective_date: datetime.date | None = None,
    user=None,
    note: str = "",
    only_if_changed: bool = True,
    **overrides,
) -> ProcedureLevelRecord | None:
    """Append a record for `procedure` (its current state, with `overrides`), dated `effective_date`.

    With `only_if_changed`, nothing is written when the record in force on that date says the same.
    """
    effective_date = effective_date or timezone.localdate()
    state = state_of_page(procedure)
    state.update(overrides)
    if only_if_changed:
        current = level_on(procedure, effective_date)
        if current is not None and all(getattr(current, key) == state[key] for key in _COMPARED):
            return None
    return ProcedureLevelRecord.objects.create(
        procedure=procedure,
        effective_date=effective_date,
        source=source,
        recorded_by=user if getattr(user, "pk", None) else None,
        note=note[:500],
        **state,
    )


def sync_level_records(*, day: datetime.date | None = None, queryset=None) -> int:
    """Record the current state of every procedure whose latest record differs (or that has none).

    For catalogs loaded without Wagtail's publish action (bulk imports, fixtures). A procedure
    without any record gets one dated the day it was first published on the portal (else `day`).
    Returns the number of records written.
    """
    day = day or timezone.localdate()
    pages = queryset if queryset is not None else ProcedurePage.objects.all()
    written = 0
    with transaction.atomic():
        for page in pages.prefetch_related("channels", "components", "results").iterator(chunk_size=500):
            has_any = ProcedureLevelRecord.objects.filter(procedure_id=page.pk).exists()
            effective = day
            if not has_any and page.first_published_at:
                effective = min(day, timezone.localdate(page.first_published_at))
            if record_level(procedure=page, source=LevelSource.IMPORT, effective_date=effective, note="sync"):
                written += 1
    return written
