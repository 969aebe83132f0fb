"""Catalog figures on a date, computed in the database from the level history (docs/statistics.md).

Population on day D ("procedures in force"): procedures whose history record in force on D says
`in_force`, and that the province carries out (implementation level province, district or commune;
procedures with no level recorded count too; ministry-only procedures do not).
"""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery

from agencies.constants import AgencyKind
from agencies.models import Agency
from procedures.constants import ImplementationLevel
from procedures.models import ProcedurePage
from roadmap.levels import level43_expression
from roadmap.models import OneStopRecord, ProcedureLevelRecord

__all__ = [
    "FIGURE_KEYS",
    "catalog_figures",
    "catalog_figures_by_agency",
    "in_force_records",
    "one_stop_figures",
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
    return in_force_records(day, agency_id=agency_id).aggregate(**_aggregates())


def catalog_figures_by_agency(day: datetime.date) -> dict:
    """{agency_id or None: figures} on `day` (one grouped query)."""
    rows = (
        in_force_records(day)
        .values(agency_id=F("procedure__implementing_agency_id"))
        .annotate(**_aggregates())
        .order_by()
    )
    return {row.pop("agency_id"): row for row in rows}


def one_stop_figures(day: datetime.date) -> dict:
    """Departments (sở, ban, ngành) in existence on `day`, and how many ran an electronic one-stop."""
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


def one_stop_running_by_agency(day: datetime.date) -> dict[int, bool]:
    latest = (
        OneStopRecord.objects.filter(agency_id=OuterRef("pk"), effective_date__lte=day)
        .order_by("-effective_date", "-id")
        .values("running")[:1]
    )
    rows = Agency.objects.annotate(running=Subquery(latest)).filter(running__isnull=False)
    return dict(rows.values_list("pk", "running"))
