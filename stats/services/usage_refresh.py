"""Refreshing the usage summary (stats.DossierUsage) from dossiers and their status history.

Run by the background task `stats.tasks.refresh_usage_task` (enqueue it after a status change, or
periodically) and by `manage.py refresh_usage`. The only place that reads dossier histories.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from dossiers.constants import DossierStatus
from dossiers.models import Dossier, StatusChange
from workdays.services import Calendar

from ..constants import Channel
from ..models import DossierUsage

__all__ = ["CLOSED_STATUSES", "FINISHED_STATUSES", "refresh_usage", "working_days_between"]

FINISHED_STATUSES = {DossierStatus.DONE, DossierStatus.RETURNED}
CLOSED_STATUSES = FINISHED_STATUSES | {DossierStatus.REFUSED, DossierStatus.STOPPED}
BATCH = 2000


def working_days_between(calendar: Calendar, start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    days, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            days += 1
    return days


def _channel(dossier) -> str:
    # Every dossier the portal stores today was submitted online through the wizard; counter
    # dossiers arrive with the back office (a `channel` on Dossier), mapped here.
    value = getattr(dossier, "channel", "") or Channel.ONLINE
    return value if value in Channel.values else Channel.ONLINE


def _summary(dossier, history: list[tuple[str, datetime.datetime]], calendar: Calendar) -> DossierUsage:
    local = timezone.localdate
    submitted = local(dossier.submitted_at)
    accepted = next((local(at) for status, at in history if status == DossierStatus.ACCEPTED), None)
    finished = next((local(at) for status, at in history if status in FINISHED_STATUSES), None)
    statuses = {status for status, _ in history} | {dossier.status}
    refused = DossierStatus.REFUSED in statuses
    closed = bool(statuses & CLOSED_STATUSES)
    start = accepted or submitted
    return DossierUsage(
        dossier_id=dossier.pk,
        procedure_id=dossier.procedure_id,
        agency_id=dossier.agency_id,
        month=submitted.replace(day=1),
        channel=_channel(dossier),
        accepted_on=accepted,
        refused=refused,
        finished_on=finished,
        closed=closed,
        due_date=dossier.appointment_date,
        on_time=(finished <= dossier.appointment_date) if finished and dossier.appointment_date else None,
        processing_days=working_days_between(calendar, start, finished) if finished else None,
    )


def refresh_usage(*, dossier_ids=None) -> int:
    """Rewrite the summary rows of `dossier_ids` (all dossiers when None). Returns rows written."""
    dossiers = Dossier.objects.all().order_by("pk")
    if dossier_ids is not None:
        dossiers = dossiers.filter(pk__in=list(dossier_ids))
    written = 0
    calendar = None
    batch = []
    for dossier in dossiers.only(
        "pk", "procedure_id", "agency_id", "submitted_at", "appointment_date", "status"
    ).iterator(chunk_size=BATCH):
        calendar = calendar or Calendar(timezone.localdate(dossier.submitted_at))
        batch.append(dossier)
        if len(batch) >= BATCH:
            written += _write(batch, calendar)
            batch = []
    if batch:
        written += _write(batch, calendar)
    if dossier_ids is None:
        DossierUsage.objects.exclude(dossier_id__in=Dossier.objects.values("pk")).delete()
    return written


def _write(dossiers, calendar) -> int:
    ids = [d.pk for d in dossiers]
    history: dict[int, list] = {}
    for dossier_id, status, at in (
        StatusChange.objects.filter(dossier_id__in=ids)
        .order_by("at", "pk")
        .values_list("dossier_id", "status", "at")
    ):
        history.setdefault(dossier_id, []).append((status, at))
    rows = [_summary(d, history.get(d.pk, []), calendar) for d in dossiers]
    with transaction.atomic():
        DossierUsage.objects.filter(dossier_id__in=ids).delete()
        DossierUsage.objects.bulk_create(rows)
    return len(rows)
