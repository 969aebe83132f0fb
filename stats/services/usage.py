"""Usage of online services, from the usage summary, in the database.

Figures sum the monthly cells (stats.UsageMonthly: a few rows per procedure, agency and month);
the staff drill-down lists the dossiers' rows (stats.DossierUsage) under the same conditions.

Per procedure, agency and month: dossiers submitted (online / at the counter), accepted, refused,
finished on time, late, still open past due, the median and 90th percentile of processing time in
working days (against the legal limit) and the online share. Definitions: docs/statistics.md.
The tables: usage_tables.py; the online forms' completion: online_forms.py.
"""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from procedures.constants import ChannelKind, TimeUnit
from procedures.models import ProcedureChannel, ProcedurePage

from ..constants import Channel
from ..models import DossierUsage, UsageMonthly
from .figure_cache import cached_figures
from .memo import recall, remember
from .tables import pct

__all__ = [
    "UsagePeriod",
    "legal_limit_days",
    "measured_processing",
    "monthly_rows",
    "monthly_sums",
    "percentile",
    "timeliness_sums",
    "usage_by",
    "usage_filters",
    "usage_records",
    "usage_sums",
    "usage_period",
]


@dataclass
class UsagePeriod:
    first: datetime.date  # first day of the first month
    last: datetime.date  # last day of the period (or today)

    @property
    def months(self) -> tuple[datetime.date, datetime.date]:
        return self.first.replace(day=1), self.last.replace(day=1)


def usage_period(query) -> UsagePeriod:
    """A year picked → that year (to today); a date → the 12 months ending that month; default: 12 months."""
    today = timezone.localdate()
    if query.year:
        return UsagePeriod(datetime.date(query.year, 1, 1), min(today, datetime.date(query.year, 12, 31)))
    end = query.day
    start_month = (end.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    return UsagePeriod(start_month, end)


def percentile(histogram: list[tuple[int, int]], p: float) -> int | None:
    """Nearest-rank percentile from (value, count) pairs: the smallest value v with count(≤ v) ≥ p·N."""
    total = sum(n for _, n in histogram)
    if not total:
        return None
    rank = max(1, -(-int(p * 1000) * total // 1000))  # ceil(p·N) without floats
    seen = 0
    for value, n in sorted(histogram):
        seen += n
        if seen >= rank:
            return value
    return None


def _rows(period: UsagePeriod, *, agency_id=None, procedure_id=None):
    first, last = period.months
    qs = DossierUsage.objects.filter(month__gte=first, month__lte=last)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    if procedure_id is not None:
        qs = qs.filter(procedure_id=procedure_id)
    return qs


def usage_filters(as_of: datetime.date) -> dict[str, Q]:
    """Each usage count as a condition on DossierUsage: counts and staff drill-down lists share it."""
    return {
        "submitted": Q(),
        "online": Q(channel=Channel.ONLINE),
        "counter": ~Q(channel=Channel.ONLINE),
        "accepted": Q(accepted_on__isnull=False),
        "refused": Q(refused=True),
        "finished": Q(finished_on__isnull=False),
        "on_time": Q(on_time=True),
        "late": Q(on_time=False),
        "open_past_due": Q(closed=False, due_date__lt=as_of),
        "open_in_time": Q(closed=False) & (Q(due_date__gte=as_of) | Q(due_date__isnull=True)),
    }


def usage_records(query, figure: str):
    """The dossiers behind one usage count (for staff): same period, scope and condition."""
    period = usage_period(query)
    return (
        _rows(period, agency_id=query.agency_id, procedure_id=query.procedure.pk if query.procedure else None)
        .filter(usage_filters(period.last)[figure])
        .select_related("dossier", "procedure", "agency")
        .order_by("dossier__submitted_at", "dossier_id")
    )


def monthly_rows(period: UsagePeriod, *, agency_id=None, procedure_id=None):
    """The monthly cells (UsageMonthly rows) of a period and scope."""
    first, last = period.months
    qs = UsageMonthly.objects.filter(month__gte=first, month__lte=last)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    if procedure_id is not None:
        qs = qs.filter(procedure_id=procedure_id)
    return qs


def monthly_sums(as_of: datetime.date) -> dict:
    """Each count of usage_filters() as a sum over monthly cells: the counted column of the rows
    meeting the same condition (a test checks both give the same numbers)."""
    sums = {
        "submitted": ("submitted", Q()),
        "online": ("submitted", Q(channel=Channel.ONLINE)),
        "counter": ("submitted", ~Q(channel=Channel.ONLINE)),
        "accepted": ("accepted", Q()),
        "refused": ("submitted", Q(refused=True)),
        "finished": ("finished", Q()),
        "on_time": ("on_time", Q()),
        "late": ("late", Q()),
        "open_past_due": ("submitted", Q(closed=False, open_due_date__lt=as_of)),
        "open_in_time": (
            "submitted",
            Q(closed=False) & (Q(open_due_date__gte=as_of) | Q(open_due_date__isnull=True)),
        ),
    }
    return {
        key: Coalesce(Sum(column, filter=condition or None), Value(0))
        for key, (column, condition) in sums.items()
    }


def timeliness_sums(as_of: datetime.date) -> dict:
    """The counts of the Decision 766 timeliness indicator: those of monthly_sums() over dossiers
    that were not refused (index766._timeliness)."""
    base = monthly_sums(as_of)
    not_refused = Q(refused=False)
    conditions = {
        "on_time": ("on_time", not_refused),
        "late": ("late", not_refused),
        "open_in_time": (
            "submitted",
            not_refused & Q(closed=False) & (Q(open_due_date__gte=as_of) | Q(open_due_date__isnull=True)),
        ),
        "open_past_due": ("submitted", not_refused & Q(closed=False, open_due_date__lt=as_of)),
    }
    assert set(conditions) <= set(base)
    return {
        f"timely_{key}": Coalesce(Sum(column, filter=condition), Value(0))
        for key, (column, condition) in conditions.items()
    }


GROUP_KEYS = {"procedure": "procedure_id", "agency": "agency_id", "month": "month", "all": None}


def usage_sums(group: str, period: UsagePeriod, *, agency_id=None, procedure_id=None) -> dict:
    """{group value: (raw sums, processing-time histogram)} in ONE query over the monthly cells,
    grouped by the group's column and the processing days, folded here. The sums are monthly_sums()
    and timeliness_sums(); the histogram is [(working days, dossiers finished)].

    Memoized for the page (memo.memoized): the usage tables and the Decision 766 index read the
    same sums; "all" is folded from a grouping of the same scope the page already has."""
    scope = (period.first, period.last, agency_id, procedure_id)
    if group == "all":
        for other in ("month", "agency", "procedure"):
            known = recall(("usage", *scope, other))
            if known:  # (an empty grouping folds to nothing: the query below gives the zeros)
                return {None: _fold(known.values())}
    return remember(
        ("usage", *scope, group),
        lambda: cached_figures(
            "usage", (*scope, group), lambda: _usage_sums(group, period, agency_id, procedure_id)
        ),
    )


def _fold(groups) -> tuple[dict, list]:
    sums: dict = {}
    histogram: dict = {}
    for group_sums, group_histogram in groups:
        for key, value in group_sums.items():
            sums[key] = sums.get(key, 0) + value
        for days, n in group_histogram:
            histogram[days] = histogram.get(days, 0) + n
    return sums, sorted(histogram.items())


def _build_sums(*, key, first, last, as_of, agency_id, procedure_id):
    """The grouped query of usage_sums."""
    aggregates = {f"n_{name}": value for name, value in monthly_sums(as_of).items()}
    aggregates.update(timeliness_sums(as_of))
    aggregates["finished_days"] = Sum("finished")
    rows = UsageMonthly.objects.filter(month__gte=first, month__lte=last)
    if agency_id is not None:
        rows = rows.filter(agency_id=agency_id)
    if procedure_id is not None:
        rows = rows.filter(procedure_id=procedure_id)
    columns = ["processing_days"] if key is None else [key, "processing_days"]
    return rows.values(*columns).annotate(**aggregates).order_by()


def _usage_sums(group: str, period: UsagePeriod, agency_id, procedure_id) -> dict:
    # Aggregate names carry a prefix: a name must not shadow a field of UsageMonthly in SQL.
    key = GROUP_KEYS[group]
    first, last = period.months
    result: dict = {}
    for row in _build_sums(
        key=key, first=first, last=last, as_of=period.last, agency_id=agency_id, procedure_id=procedure_id
    ):
        scope = row.pop(key) if key is not None else None
        days, finished = row.pop("processing_days"), row.pop("finished_days")
        sums, histogram = result.setdefault(scope, ({}, []))
        for name, value in row.items():
            sums[name] = sums.get(name, 0) + value
        if days is not None:
            histogram.append((days, finished))
    if key is None and not result:  # no cell: the figures are zeros, as an aggregate gives them
        zeros = {f"n_{name}": 0 for name in monthly_sums(period.last)}
        result[None] = ({**zeros, **{name: 0 for name in timeliness_sums(period.last)}}, [])
    return result


def usage_by(group: str, period: UsagePeriod, *, agency_id=None, procedure_id=None) -> dict:
    """{group value: figures} for group in "procedure", "agency", "month" or "all" (usage_sums: one
    grouped query over the monthly cells for the counts and the processing-time histogram)."""
    result = {}
    for value, (sums, histogram) in usage_sums(
        group, period, agency_id=agency_id, procedure_id=procedure_id
    ).items():
        figures = {name.removeprefix("n_"): n for name, n in sums.items() if name.startswith("n_")}
        figures["median_days"] = percentile(histogram, 0.5)
        figures["p90_days"] = percentile(histogram, 0.9)
        # Online share only means something once counter dossiers are registered too.
        figures["online_pct"] = pct(figures["online"], figures["submitted"]) if figures["counter"] else None
        result[value] = figures
    return result


def legal_limit_days(procedure_ids) -> dict[int, int]:
    """The legal time limit in working days per procedure: its online channel's, else the shortest."""
    in_working_days = ProcedureChannel.objects.filter(
        page_id=OuterRef("pk"), time_limit_unit=TimeUnit.WORKING_DAYS, time_limit_value__isnull=False
    )
    online = in_working_days.filter(kind=ChannelKind.ONLINE).order_by("time_limit_value")
    shortest = in_working_days.order_by("time_limit_value")
    rows = (
        ProcedurePage.objects.filter(pk__in=list(procedure_ids))
        .annotate(
            online=Subquery(online.values("time_limit_value")[:1]),
            any_limit=Subquery(shortest.values("time_limit_value")[:1]),
        )
        .values_list("pk", "online", "any_limit")
    )
    result = {}
    for pk, online_limit, any_limit in rows:
        value = online_limit if online_limit is not None else any_limit
        if value is not None:
            result[pk] = int(value)
    return result


def measured_processing(procedure) -> dict:
    """For a procedure page: the last 12 months' median / p90 processing time and its legal limit
    (kept by the statistics data version, figure_cache)."""
    return cached_figures("processing", (procedure.pk,), lambda: _measured_processing(procedure))


def _measured_processing(procedure) -> dict:
    today = timezone.localdate()
    period = UsagePeriod((today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1), today)
    figures = usage_by("all", period, procedure_id=procedure.pk)[None]
    return {
        "finished": figures["finished"],
        "median_days": figures["median_days"],
        "p90_days": figures["p90_days"],
        "on_time_pct": pct(figures["on_time"], figures["on_time"] + figures["late"]),
        "legal_limit": legal_limit_days([procedure.pk]).get(procedure.pk),
        "period": period,
    }
