"""Usage of online services, from the usage summary, in the database.

Figures sum the monthly cells (stats.UsageMonthly: a few rows per procedure, agency and month);
the staff drill-down lists the dossiers' rows (stats.DossierUsage) under the same conditions.

Per procedure, agency and month: dossiers submitted (online / at the counter), accepted, refused,
finished on time, late, still open past due, the median and 90th percentile of processing time in
working days (against the legal limit), the online share, and the completion of online forms.
Definitions: docs/statistics.md.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery, Sum, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from dossiers.constants import DraftStatus
from dossiers.models import Draft
from forms.models import FormVersion
from procedures.constants import ChannelKind, TimeUnit
from procedures.models import ProcedureChannel, ProcedurePage

from ..constants import Channel
from ..models import DossierUsage, UsageMonthly
from .compiled import CompiledQuery
from .figures import _MEMO, _memo
from .tables import Column, Table, pct

__all__ = [
    "ABANDONED_AFTER_DAYS",
    "UsagePeriod",
    "forms_table",
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
    "usage_table",
    "usage_period",
]

ABANDONED_AFTER_DAYS = 2  # an open draft untouched this long counts as abandoned at its current step


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

    Memoized for the page (figures.memoized): the usage tables and the Decision 766 index read the
    same sums; "all" is folded from a grouping of the same scope the page already has."""
    scope = (period.first, period.last, agency_id, procedure_id)
    if group == "all":
        for other in ("month", "agency", "procedure"):
            known = (_MEMO.get() or {}).get(("usage", *scope, other))
            if known:  # (an empty grouping folds to nothing: the query below gives the zeros)
                return {None: _fold(known.values())}
    return _memo(("usage", *scope, group), lambda: _usage_sums(group, period, agency_id, procedure_id))


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
    """The grouped query of usage_sums (built with placeholders by CompiledQuery)."""
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


_SUMS = {
    group: CompiledQuery(lambda key=key, **values: _build_sums(key=key, **values))
    for group, key in GROUP_KEYS.items()
}


def _usage_sums(group: str, period: UsagePeriod, agency_id, procedure_id) -> dict:
    # Aggregate names carry a prefix: a name must not shadow a field of UsageMonthly in SQL.
    key = GROUP_KEYS[group]
    first, last = period.months
    result: dict = {}
    for row in _SUMS[group].rows(
        first=first, last=last, as_of=period.last, agency_id=agency_id, procedure_id=procedure_id
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


def _usage_columns(first_label: str, *, with_limit: bool = False) -> list[Column]:
    columns = [
        Column("name", first_label),
        Column("submitted", _("Hồ sơ nộp"), "int"),
        Column("online", _("Nộp trực tuyến"), "int"),
        Column("counter", _("Nộp trực tiếp / bưu chính"), "int"),
        Column("online_pct", _("Tỷ lệ trực tuyến (%)"), "pct"),
        Column("accepted", _("Được tiếp nhận"), "int"),
        Column("refused", _("Không được tiếp nhận"), "int"),
        Column("finished", _("Đã xử lý xong"), "int"),
        Column("on_time", _("Đúng hạn"), "int"),
        Column("late", _("Trễ hạn"), "int"),
        Column("open_past_due", _("Chưa xong, đã quá hạn"), "int"),
        Column("median_days", _("Trung vị (ngày làm việc)"), "int"),
        Column("p90_days", _("Phân vị 90 (ngày làm việc)"), "int"),
    ]
    if with_limit:
        columns.append(Column("legal_limit", _("Thời hạn luật định (ngày làm việc)"), "int"))
    return columns


def usage_table(query, *, group: str) -> Table:
    """Usage per procedure ("su-dung-thu-tuc"), agency ("su-dung-co-quan") or month ("su-dung-thang")."""
    period = usage_period(query)
    slug, title, first = {
        "procedure": ("su-dung-thu-tuc", _("Sử dụng theo thủ tục"), _("Thủ tục")),
        "agency": ("su-dung-co-quan", _("Sử dụng theo cơ quan"), _("Cơ quan")),
        "month": ("su-dung-thang", _("Sử dụng theo tháng"), _("Tháng")),
    }[group]
    procedure_id = query.procedure.pk if getattr(query, "procedure", None) else None
    data = usage_by(group, period, agency_id=query.agency_id, procedure_id=procedure_id)
    table = Table(
        slug,
        title,
        _usage_columns(first, with_limit=group == "procedure"),
        note=_("Từ %(first)s đến %(last)s. Hồ sơ tính theo tháng nộp; “quá hạn” tính đến ngày cuối kỳ.")
        % {"first": period.first.strftime("%d/%m/%Y"), "last": period.last.strftime("%d/%m/%Y")},
    )
    if group == "procedure":
        pages = {
            p.pk: p
            for p in ProcedurePage.objects.filter(pk__in=[k for k in data if k]).only("pk", "title", "code")
        }
        limits = legal_limit_days(pages)
        for key, figures in data.items():
            page = pages.get(key)
            name = f"{page.code} {page.title}" if page else _("Thủ tục không còn trên cổng")
            table.rows.append(
                {"name": name, **figures, "legal_limit": limits.get(key), "code": page.code if page else ""}
            )
        table.rows.sort(key=lambda r: (-r["submitted"], r["name"]))
    elif group == "agency":
        agencies = {a.pk: a for a in Agency.objects.filter(pk__in=[k for k in data if k])}
        for key, figures in data.items():
            agency = agencies.get(key)
            table.rows.append(
                {
                    "name": agency.name if agency else _("Chưa gắn cơ quan"),
                    **figures,
                    "slug": agency.slug if agency else "",
                }
            )
        table.rows.sort(key=lambda r: (-r["submitted"], r["name"]))
    else:
        for key in sorted(data):
            table.rows.append({"name": key.strftime("%m/%Y"), **data[key], "month": key})
    return table


def measured_processing(procedure) -> dict:
    """For a procedure page: the last 12 months' median / p90 processing time and its legal limit."""
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


def _drafts(*, start, end, agency_id):
    drafts = Draft.objects.filter(created_at__gte=start, created_at__lte=end)
    if agency_id is not None:
        drafts = drafts.filter(form_version__form__procedure__implementing_agency_id=agency_id)
    return drafts


def _build_form_starts(**values):
    """Per procedure: wizards started in the period, and how many of them were submitted."""
    return (
        _drafts(**values)
        .values("form_version__form__procedure_id")
        .annotate(started=Count("pk"), submitted=Count("pk", filter=Q(status=DraftStatus.SUBMITTED)))
        .order_by()
    )


def _build_form_stops(*, idle, **values):
    """Per procedure, form version and step: open drafts untouched since `idle` (abandoned there)."""
    return (
        _drafts(**values)
        .filter(status=DraftStatus.OPEN, updated_at__lt=idle)
        .annotate(step=KT("data__step"))
        .values("form_version__form__procedure_id", "form_version_id", "step")
        .annotate(n=Count("pk"))
        .order_by()
    )


_FORM_STARTS = CompiledQuery(_build_form_starts)
_FORM_STOPS = CompiledQuery(_build_form_stops)


def forms_table(query) -> Table:
    """Online forms: wizards started vs dossiers submitted, and the step where citizens stop."""
    period = usage_period(query)
    start = datetime.datetime.combine(period.first, datetime.time.min, tzinfo=timezone.get_current_timezone())
    end = datetime.datetime.combine(period.last, datetime.time.max, tzinfo=timezone.get_current_timezone())
    values = dict(start=start, end=end, agency_id=query.agency_id)
    procedure_key = "form_version__form__procedure_id"
    counts = {r[procedure_key]: r for r in _FORM_STARTS.rows(**values)}
    idle = timezone.now() - datetime.timedelta(days=ABANDONED_AFTER_DAYS)
    stops: dict = {}
    for r in _FORM_STOPS.rows(idle=idle, **values):
        stops.setdefault(r[procedure_key], []).append(r)
    for rows in stops.values():
        rows.sort(key=lambda r: -r["n"])
    schemas = dict(
        FormVersion.objects.filter(
            pk__in={r["form_version_id"] for rows in stops.values() for r in rows}
        ).values_list("pk", "schema")
    )
    pages = {
        p.pk: p
        for p in ProcedurePage.objects.filter(pk__in=[k for k in counts if k]).only("pk", "title", "code")
    }
    table = Table(
        "bieu-mau",
        _("Hoàn thành biểu mẫu trực tuyến"),
        [
            Column("name", _("Thủ tục")),
            Column("started", _("Bắt đầu điền"), "int"),
            Column("submitted", _("Đã nộp"), "int"),
            Column("completion_pct", _("Tỷ lệ hoàn thành (%)"), "pct"),
            Column("abandoned", _("Bỏ dở"), "int"),
            Column("stop_step", _("Bước dừng nhiều nhất")),
        ],
        note=_(
            "Hồ sơ nháp bị xóa sau thời gian lưu giữ; số liệu chỉ gồm các bản nháp còn lưu. Bỏ dở: chưa nộp, không sửa trong %(days)s ngày."
        )
        % {"days": ABANDONED_AFTER_DAYS},
    )
    for key, r in counts.items():
        page = pages.get(key)
        top = (stops.get(key) or [None])[0]
        table.rows.append(
            {
                "name": f"{page.code} {page.title}" if page else "—",
                "started": r["started"],
                "submitted": r["submitted"],
                "completion_pct": pct(r["submitted"], r["started"]),
                "abandoned": sum(s["n"] for s in stops.get(key, [])),
                "stop_step": _step_title(top, schemas.get(top["form_version_id"])) if top else None,
            }
        )
    table.rows.sort(key=lambda row: (-(row["started"] or 0), row["name"]))
    return table


def _step_title(row, schema) -> str:
    key = row.get("step") or ""
    for step in (schema or {}).get("steps", []):
        if step.get("key") == key:
            return f"{step.get('title') or key} ({row['n']})"
    return f"{key or '—'} ({row['n']})"
