"""Refreshing the usage summary (stats.DossierUsage, and its monthly cells stats.UsageMonthly) from
dossiers and their status history.

Run by the background task `stats.tasks.refresh_usage_task` (enqueued after a status change) and by
`manage.py refresh_usage`. The only place that reads dossier histories. Two paths, same rows (a test
compares them on the fixture):

- some dossiers (`dossier_ids`): each dossier's row is computed in Python from its history and
  written; then every monthly cell those dossiers were in before or are in now is recomputed from
  DossierUsage with one grouped INSERT … SELECT per cell;
- everything (no argument): set-based SQL — one INSERT … SELECT over dossiers joined with their
  history grouped per dossier (working days counted arithmetically, corrected by the holiday
  table), then one INSERT … SELECT of all monthly cells. No row passes through Python.

Every write of the monthly cells bumps the statistics data version (figure_cache): the figures the pages
kept are recomputed on their next request.
"""

import datetime
import zlib

from django.db import connection, transaction
from django.db.models import Case, Count, DateField, F, Q, When
from django.utils import timezone

from dossiers.constants import DossierStatus
from dossiers.models import Dossier, StatusChange
from workdays.constants import DayKind
from workdays.models import Holiday
from workdays.services import Calendar

from ..constants import Channel
from ..models import DossierUsage, UsageMonthly
from .figure_cache import bump_stats_version

__all__ = [
    "CLOSED_STATUSES",
    "FINISHED_STATUSES",
    "cells_of",
    "rebuild_monthly",
    "recompute_cells",
    "refresh_usage",
    "working_days_between",
]

FINISHED_STATUSES = {DossierStatus.DONE, DossierStatus.RETURNED}
CLOSED_STATUSES = FINISHED_STATUSES | {DossierStatus.REFUSED, DossierStatus.STOPPED}
BATCH = 2000
CELL = ("procedure_id", "agency_id", "month", "channel")
# The columns that split a cell into UsageMonthly rows, and what each row counts.
SPLIT = ("refused", "closed", "processing_days")


def working_days_between(calendar: Calendar, start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    days, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            days += 1
    return days


def _channel(dossier) -> str:
    # Dossier.channel: online (the wizard), counter or postal (registered by reception officers);
    # mapped here, unknown values → online.
    value = dossier.channel or Channel.ONLINE
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
    """Rewrite the summary rows of `dossier_ids` and their monthly cells; everything when None
    (set-based). Returns the number of DossierUsage rows written."""
    if dossier_ids is None:
        return _rebuild_all()
    ids = sorted(set(dossier_ids))
    if not ids:
        return 0
    cells = cells_of(ids)
    dossiers = Dossier.objects.filter(pk__in=ids).order_by("pk")
    fields = ["pk", "procedure_id", "agency_id", "submitted_at", "appointment_date", "status", "channel"]
    written = 0
    calendar = None
    batch = []
    for dossier in dossiers.only(*fields).iterator(chunk_size=BATCH):
        calendar = calendar or Calendar(timezone.localdate(dossier.submitted_at))
        batch.append(dossier)
        if len(batch) >= BATCH:
            written += _write(batch, calendar)
            batch = []
    if batch:
        written += _write(batch, calendar)
    # Dossiers that no longer exist: drop their rows (their old cells are recomputed below).
    DossierUsage.objects.filter(dossier_id__in=ids).exclude(dossier_id__in=dossiers.values("pk")).delete()
    cells |= cells_of(ids)
    recompute_cells(cells)
    return written


def recompute_cells(cells) -> None:
    """Recompute these monthly cells from DossierUsage (locked in one order: two tasks cannot
    deadlock)."""
    with transaction.atomic():
        for cell in sorted(cells, key=repr):
            _recompute_cell(cell)
    bump_stats_version()  # the figures cached for the pages (figure_cache) are out of date


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


# --- monthly cells ---------------------------------------------------------------------------------


def cells_of(ids) -> set[tuple]:
    """The monthly cells (procedure, agency, month, channel) these dossiers' rows are in."""
    return set(DossierUsage.objects.filter(dossier_id__in=ids).values_list(*CELL).distinct().order_by())


def _cell_q(cell: tuple) -> Q:
    return Q(**dict(zip(CELL, cell, strict=True)))


def _grouped_usage(usage_model):
    """DossierUsage grouped into UsageMonthly rows: (cell, split values, open due date) → counts.
    Column order = _MONTHLY_COLUMNS."""
    return (
        # The due date matters only while the dossier is open ("open past due" on any day).
        usage_model.objects.annotate(open_due_date=_open_due())
        .values(*CELL, *SPLIT, "open_due_date")
        .annotate(
            n_submitted=Count("pk"),
            n_accepted=Count("pk", filter=Q(accepted_on__isnull=False)),
            n_finished=Count("pk", filter=Q(finished_on__isnull=False)),
            n_on_time=Count("pk", filter=Q(on_time=True)),
            n_late=Count("pk", filter=Q(on_time=False)),
        )
        .order_by()
    )


def _open_due():
    return Case(When(closed=False, then=F("due_date")), default=None, output_field=DateField())


_MONTHLY_COLUMNS = (
    "procedure_id",
    "agency_id",
    "month",
    "channel",
    "refused",
    "closed",
    "processing_days",
    "open_due_date",
    "submitted",
    "accepted",
    "finished",
    "on_time",
    "late",
)


def _insert_monthly(source, monthly_model) -> None:
    """INSERT INTO usage_monthly (…) SELECT … GROUP BY … — the grouping query compiled by the ORM."""
    sql, params = source.query.sql_with_params()
    table = connection.ops.quote_name(monthly_model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _MONTHLY_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)


def _lock_cell(cell: tuple) -> None:
    """Two tasks recomputing the same cell at once would both delete, then both insert: serialise
    them (PostgreSQL advisory lock for the transaction; SQLite serialises writers anyway)."""
    if connection.vendor == "postgresql":
        key = zlib.crc32(repr(cell).encode()) - 2**31
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [8, key])


def _recompute_cell(cell: tuple) -> None:
    """One cell from DossierUsage: delete its monthly rows, insert them again (one grouped query)."""
    with transaction.atomic():
        _lock_cell(cell)
        UsageMonthly.objects.filter(_cell_q(cell)).delete()
        _insert_monthly(_grouped_usage(DossierUsage).filter(_cell_q(cell)), UsageMonthly)


def rebuild_monthly(usage_model=DossierUsage, monthly_model=UsageMonthly) -> int:
    """Every monthly cell from DossierUsage (one INSERT … SELECT); the models may be migration
    models. Returns the rows written."""
    with transaction.atomic():
        monthly_model.objects.all().delete()
        _insert_monthly(_grouped_usage(usage_model), monthly_model)
    bump_stats_version()
    return monthly_model.objects.count()


# --- full rebuild, set-based ---------------------------------------------------------------------

EPOCH = "1970-01-05"  # a Monday: day numbers from it give the weekday (n % 7: 0 Monday … 6 Sunday)


def _sql_parts() -> dict:
    """The few expressions that differ between PostgreSQL and SQLite."""
    if connection.vendor == "postgresql":
        return {
            "day_number": lambda x: f"(({x}) - DATE '{EPOCH}')",
            "month_of": lambda x: f"CAST(DATE_TRUNC('month', {x}) AS date)",
        }
    if connection.vendor == "sqlite":
        return {
            "day_number": lambda x: f"CAST(julianday({x}) - julianday('{EPOCH}') AS INTEGER)",
            "month_of": lambda x: f"strftime('%%Y-%%m-01', {x})",
        }
    raise NotImplementedError(f"refresh_usage: no set-based rebuild for {connection.vendor}")


def _weekdays_to(n: str) -> str:
    """Weekdays (Monday–Friday) among day numbers 0…n."""
    return f"(5 * (({n}) / 7) + CASE WHEN ({n}) %% 7 >= 4 THEN 5 ELSE ({n}) %% 7 + 1 END)"


def _rebuild_sql() -> tuple[str, list]:
    q = connection.ops.quote_name
    parts = _sql_parts()
    day_number = parts["day_number"]
    tzname = timezone.get_current_timezone_name()

    def local_date(column: str) -> tuple[str, list]:
        sql, params = connection.ops.datetime_cast_date_sql(column, (), tzname)
        return sql, list(params)

    dossier, change, holiday = (q(m._meta.db_table) for m in (Dossier, StatusChange, Holiday))
    usage = q(DossierUsage._meta.db_table)

    def status_list(statuses) -> str:
        return ", ".join(f"'{s}'" for s in sorted(str(s) for s in statuses))

    finished, closed = status_list(FINISHED_STATUSES), status_list(CLOSED_STATUSES)
    refused, accepted = f"'{DossierStatus.REFUSED}'", f"'{DossierStatus.ACCEPTED}'"
    channels = ", ".join(f"'{c}'" for c in Channel.values)
    channel = f"CASE WHEN d.channel IN ({channels}) THEN d.channel ELSE '{Channel.ONLINE}' END"

    submitted_sql, submitted_params = local_date("d.submitted_at")
    accepted_sql, accepted_params = local_date("h.accepted_at")
    finished_sql, finished_params = local_date("h.finished_at")
    # x: one row per dossier with its local dates; the outer SELECT derives the summary columns.
    x = (
        f"SELECT d.id AS dossier_id, d.procedure_id, d.agency_id, d.appointment_date AS due_date, "
        f"{channel} AS channel, {submitted_sql} AS submitted_on, {accepted_sql} AS accepted_on, "
        f"{finished_sql} AS finished_on, "
        f"(d.status = {refused} OR COALESCE(h.refused, 0) = 1) AS refused, "
        f"(d.status IN ({closed}) OR COALESCE(h.closed, 0) = 1) AS closed "
        f"FROM {dossier} d LEFT JOIN ("
        f"SELECT dossier_id, "
        f"MIN(CASE WHEN status = {accepted} THEN at END) AS accepted_at, "
        f"MIN(CASE WHEN status IN ({finished}) THEN at END) AS finished_at, "
        f"MAX(CASE WHEN status = {refused} THEN 1 ELSE 0 END) AS refused, "
        f"MAX(CASE WHEN status IN ({closed}) THEN 1 ELSE 0 END) AS closed "
        f"FROM {change} GROUP BY dossier_id) h ON h.dossier_id = d.id"
    )
    params = [*submitted_params, *accepted_params, *finished_params]
    start = "COALESCE(x.accepted_on, x.submitted_on)"
    # Working days after start up to and including finished_on: weekdays, plus make-up days that
    # fall on a weekend, minus holidays that fall on a weekday (workdays.services.Calendar's rule).
    hd = day_number("hd.date")

    def calendar_days(kind: str, weekend: bool) -> str:
        condition = f"{hd} %% 7 >= 5" if weekend else f"{hd} %% 7 < 5"
        return (
            f"(SELECT COUNT(*) FROM {holiday} hd WHERE hd.kind = '{kind}' AND hd.date > {start} "
            f"AND hd.date <= x.finished_on AND {condition})"
        )

    processing = (
        f"CASE WHEN x.finished_on IS NULL THEN NULL WHEN x.finished_on <= {start} THEN 0 ELSE "
        f"{_weekdays_to(day_number('x.finished_on'))} - {_weekdays_to(day_number(start))} "
        f"+ {calendar_days(DayKind.MAKEUP, True)} - {calendar_days(DayKind.HOLIDAY, False)} END"
    )
    columns = [
        "dossier_id",
        "procedure_id",
        "agency_id",
        "month",
        "channel",
        "accepted_on",
        "refused",
        "finished_on",
        "closed",
        "due_date",
        "on_time",
        "processing_days",
        "refreshed_at",
    ]
    select = [
        "x.dossier_id",
        "x.procedure_id",
        "x.agency_id",
        parts["month_of"]("x.submitted_on"),
        "x.channel",
        "x.accepted_on",
        "x.refused",
        "x.finished_on",
        "x.closed",
        "x.due_date",
        "CASE WHEN x.finished_on IS NOT NULL AND x.due_date IS NOT NULL THEN x.finished_on <= x.due_date END",
        processing,
        "%s",
    ]
    sql = f"INSERT INTO {usage} ({', '.join(q(c) for c in columns)}) SELECT {', '.join(select)} FROM ({x}) x"
    return sql, [connection.ops.adapt_datetimefield_value(timezone.now()), *params]


def _rebuild_all() -> int:
    sql, params = _rebuild_sql()
    with transaction.atomic():
        DossierUsage.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            written = cursor.rowcount
        rebuild_monthly()
    return written
