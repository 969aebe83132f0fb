"""Catalog figures on a date, computed in the database from the level history (docs/statistics.md).

Population on day D ("procedures in force"): procedures whose history record in force on D says
`in_force`, and that the province carries out (implementation level province, district or commune;
procedures with no level recorded count too; ministry-only procedures do not).
"""

import datetime

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery

from agencies.constants import AgencyKind
from agencies.models import Agency
from procedures.constants import ImplementationLevel
from procedures.models import ProcedurePage
from roadmap.levels import level43_expression
from roadmap.models import OneStopRecord, ProcedureLevelRecord

from .memo import entries, remember

__all__ = [
    "FIGURE_KEYS",
    "catalog_figures",
    "catalog_figures_by_agency",
    "catalog_figures_on_days",
    "in_force_records",
    "one_stop_figures",
    "one_stop_figures_on_days",
]

LOCAL_LEVELS = [ImplementationLevel.PROVINCE, ImplementationLevel.DISTRICT, ImplementationLevel.COMMUNE]
FIGURE_KEYS = ("total", "complete", "level3plus", "level3", "level4", "below3")


def _population_q() -> Q:
    through = ProcedurePage.levels.through
    has_local = Exists(
        through.objects.filter(
            procedurepage_id=OuterRef("procedure_id"), implementationlevelrecord__code__in=LOCAL_LEVELS
        )
    )
    has_any = Exists(through.objects.filter(procedurepage_id=OuterRef("procedure_id")))
    return Q(has_local) | ~Q(has_any)


def in_force_records(day: datetime.date, *, agency_id: int | None = None, procedure_ids=None):
    """Records in force on `day` for the procedures counted that day, annotated with `level` (2011 frame)."""
    qs = ProcedureLevelRecord.objects.on(day).filter(in_force=True).filter(_population_q())
    if agency_id is not None:
        qs = qs.filter(procedure__implementing_agency_id=agency_id)
    if procedure_ids is not None:
        qs = qs.filter(procedure_id__in=procedure_ids)
    return qs.annotate(level=level43_expression())


# Each figure is a condition on the records in force; counts and drill-down lists use the same one.
FIGURE_FILTERS = {
    "total": Q(),
    "complete": Q(complete=True),
    "incomplete": Q(complete=False),
    "level3plus": Q(level__gte=3),
    "level3": Q(level=3),
    "level4": Q(level=4),
    "below3": Q(level__lt=3),
}


def _aggregates() -> dict:
    return {key: Count("id", filter=FIGURE_FILTERS[key]) for key in FIGURE_KEYS}


def figure_records(day: datetime.date, figure: str, *, agency_id: int | None = None):
    """The records behind one figure (for staff drill-down): same population, same condition."""
    return (
        in_force_records(day, agency_id=agency_id)
        .filter(FIGURE_FILTERS[figure])
        .select_related("procedure", "procedure__implementing_agency")
        .order_by("procedure__code")
    )


def catalog_figures(day: datetime.date, *, agency_id: int | None = None) -> dict:
    """{total, complete, level3plus, level3, level4, below3} on `day` (one aggregate query)."""
    for (days, known_agency), figures in entries("catalog"):  # the page's yearly series has it
        if known_agency == agency_id and day in days:
            return figures[day]
    return remember(
        ("catalog_day", day, agency_id),
        lambda: in_force_records(day, agency_id=agency_id).aggregate(**_aggregates()),
    )


# FIGURE_FILTERS written over the columns of _days_sql's records (a test compares every day with
# catalog_figures, which applies FIGURE_FILTERS).
_FIGURE_SQL = {
    "total": "1 = 1",
    "complete": "r.complete",
    "level3plus": 'r."level" >= 3',
    "level3": 'r."level" = 3',
    "level4": 'r."level" = 4',
    "below3": 'r."level" < 3',
}


def _days_sql(days) -> tuple[str, list]:
    """A derived table of the days, one row each (column `day`)."""
    select = "SELECT CAST(%s AS date) AS day" if connection.vendor == "postgresql" else "SELECT %s AS day"
    return " UNION ALL ".join([select] * len(days)), [connection.ops.adapt_datefield_value(d) for d in days]


def catalog_figures_on_days(days, *, agency_id: int | None = None) -> dict:
    """{day: catalog figures} for several days in one query grouped by day (the yearly series).

    A record is the one in force on D when effective_date ≤ D < the effective date of the
    procedure's next record in (effective_date, id) order — the same record `on(D)` picks (the
    latest effective_date ≤ D, ties: the latest recorded); `in_force` and the population are then
    checked on it, as in in_force_records(). One query, whatever the number of days."""
    days = sorted(set(days))
    for (known_days, known_agency), figures in entries("catalog"):  # computed on this page already
        if known_agency == agency_id and set(days) <= set(known_days):
            return {day: figures[day] for day in days}
    key = ("catalog", tuple(days), agency_id)
    return remember(key, lambda: _catalog_on_days(days, agency_id))


def _build_in_force_until(*, last_day, agency_id):
    """Records in force on some day up to `last_day`, with the date the next record replaces them."""
    following = ProcedureLevelRecord.objects.filter(procedure_id=OuterRef("procedure_id")).filter(
        Q(effective_date__gt=OuterRef("effective_date"))
        | Q(effective_date=OuterRef("effective_date"), id__gt=OuterRef("id"))
    )
    records = ProcedureLevelRecord.objects.filter(in_force=True, effective_date__lte=last_day).filter(
        _population_q()
    )
    if agency_id is not None:
        records = records.filter(procedure__implementing_agency_id=agency_id)
    return records.annotate(
        level=level43_expression(),
        until=Subquery(following.order_by("effective_date", "id").values("effective_date")[:1]),
    ).values("id", "effective_date", "until", "complete", "level")


def _catalog_on_days(days, agency_id) -> dict:
    records_sql, records_params = _build_in_force_until(
        last_day=days[-1], agency_id=agency_id
    ).query.sql_with_params()
    days_sql, days_params = _days_sql(days)
    counts = ", ".join(f"COUNT(r.id) FILTER (WHERE {_FIGURE_SQL[key]})" for key in FIGURE_KEYS)
    sql = (
        f"SELECT dd.day, {counts} FROM ({days_sql}) dd "
        f"LEFT JOIN ({records_sql}) r ON r.effective_date <= dd.day "
        f'AND (r."until" > dd.day OR r."until" IS NULL) GROUP BY dd.day'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*days_params, *records_params])
        rows = {str(row[0])[:10]: row[1:] for row in cursor.fetchall()}
    return {day: dict(zip(FIGURE_KEYS, rows[day.isoformat()], strict=True)) for day in days}


def _build_by_agency(*, day):
    return (
        in_force_records(day)
        .values(agency_id=F("procedure__implementing_agency_id"))
        .annotate(**_aggregates())
        .order_by()
    )


def catalog_figures_by_agency(day: datetime.date) -> dict:
    """{agency_id or None: figures} on `day` (one grouped query)."""

    def compute():
        return {row.pop("agency_id"): row for row in _build_by_agency(day=day)}

    return remember(("catalog_by_agency", day), compute)


def one_stop_figures(day: datetime.date) -> dict:
    """Departments (sở, ban, ngành) in existence on `day`, and how many ran an electronic one-stop."""
    for (days,), figures in entries("one_stop"):  # the page's yearly series has it
        if day in days:
            return figures[day]
    latest = (
        OneStopRecord.objects.filter(agency_id=OuterRef("pk"), effective_date__lte=day)
        .order_by("-effective_date", "-id")
        .values("running")[:1]
    )
    return (
        Agency.objects.active_on(day)
        .filter(kind=AgencyKind.DEPARTMENT)
        .annotate(is_running=Subquery(latest))
        .aggregate(
            total=Count("id"),
            running=Count("id", filter=Q(is_running=True)),
            reported=Count("id", filter=Q(is_running__isnull=False)),
        )
    )


def one_stop_figures_on_days(days) -> dict:
    """{day: one-stop figures} for several days in one query grouped by day (the yearly series; a
    test compares every day with one_stop_figures)."""
    days = sorted(set(days))
    for (known_days,), figures in entries("one_stop"):  # already computed on this page with more days
        if set(days) <= set(known_days):
            return {day: figures[day] for day in days}
    return remember(("one_stop", tuple(days)), lambda: _one_stop_on_days(days))


def _one_stop_on_days(days) -> dict:
    days_sql, days_params = _days_sql(days)
    q = connection.ops.quote_name
    agency, record = q(Agency._meta.db_table), q(OneStopRecord._meta.db_table)
    # Agency.objects.active_on(day) and the latest record on the day, for every day at once.
    sql = (
        f"SELECT x.day, COUNT(x.id), COUNT(x.id) FILTER (WHERE x.running), COUNT(x.running) FROM ("
        f"SELECT dd.day, a.id, (SELECT o.running FROM {record} o WHERE o.agency_id = a.id "
        f"AND o.effective_date <= dd.day ORDER BY o.effective_date DESC, o.id DESC LIMIT 1) AS running "
        f"FROM ({days_sql}) dd JOIN {agency} a ON a.kind = %s "
        f"AND (a.valid_from IS NULL OR a.valid_from <= dd.day) "
        f"AND (a.valid_to IS NULL OR a.valid_to >= dd.day)) x GROUP BY x.day"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*days_params, str(AgencyKind.DEPARTMENT)])
        rows = {str(row[0])[:10]: row[1:] for row in cursor.fetchall()}
    return {
        day: dict(zip(("total", "running", "reported"), rows.get(day.isoformat(), (0, 0, 0)), strict=True))
        for day in days
    }


def _build_one_stop_running(*, day):
    latest = (
        OneStopRecord.objects.filter(agency_id=OuterRef("pk"), effective_date__lte=day)
        .order_by("-effective_date", "-id")
        .values("running")[:1]
    )
    return (
        Agency.objects.annotate(running=Subquery(latest))
        .filter(running__isnull=False)
        .values("pk", "running")
    )


def one_stop_running_by_agency(day: datetime.date) -> dict[int, bool]:
    """{agency id: running an electronic one-stop on `day`} for agencies with a record by then."""
    return {row["pk"]: row["running"] for row in _build_one_stop_running(day=day)}
