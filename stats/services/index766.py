"""The service index of Decision 766/QĐ-TTg computed from the portal's own data, per agency and month.

Weights and formulas are data (stats/data/decision766.json, explained in docs/statistics.md); an
indicator the portal cannot compute is shown with its reason and scores nothing, never a guess.
Points of an indicator = its maximum × the ratio (0–1) (inference).
"""

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from agencies.models import Agency
from feedback.constants import Satisfaction
from feedback.models import ServiceRating
from feedback.satisfaction import group_points
from roadmap.levels import level43_expression
from roadmap.models import ProcedureLevelRecord

from ..constants import Channel
from ..models import DossierUsage
from .figures import catalog_figures
from .tables import Column, Table
from .usage import UsagePeriod, usage_period

__all__ = ["IndicatorResult", "definitions", "evaluate_766", "index766_detail_table", "index766_table"]

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "decision766.json"
TWO = Decimal("0.01")


@cache
def definitions() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@dataclass
class IndicatorResult:
    code: str
    group: str
    name: str
    max_points: Decimal | None
    numerator: int | None = None
    denominator: int | None = None
    reason: str = ""
    score: Decimal | None = None  # set when another app owns the formula (satisfaction)

    @property
    def ratio(self) -> Decimal | None:
        if self.numerator is None or not self.denominator:
            return None
        return Decimal(self.numerator) / self.denominator

    @property
    def points(self) -> Decimal | None:
        if self.score is not None:
            return self.score
        if self.max_points is None or self.ratio is None:
            return None
        return (self.max_points * self.ratio).quantize(TWO, ROUND_HALF_UP)

    @property
    def computable(self) -> bool:
        return self.points is not None


def _timeliness(rows: "_Rows") -> tuple[int, int]:
    # Aggregate names must not shadow DossierUsage fields (on_time), hence the n_ prefix.
    figures = rows.qs.exclude(refused=True).aggregate(
        n_on_time=Count("pk", filter=Q(on_time=True)),
        n_late=Count("pk", filter=Q(on_time=False)),
        n_open_in_time=Count(
            "pk", filter=Q(closed=False) & (Q(due_date__gte=rows.as_of) | Q(due_date__isnull=True))
        ),
        n_open_late=Count("pk", filter=Q(closed=False, due_date__lt=rows.as_of)),
    )
    numerator = figures["n_on_time"] + figures["n_open_in_time"]
    return numerator, numerator + figures["n_late"] + figures["n_open_late"]


class _Rows:
    """DossierUsage rows of a period and scope, with the period's last day for "open past due"."""

    def __init__(self, period: UsagePeriod, agency_id):
        first, last = period.months
        self.qs = DossierUsage.objects.filter(month__gte=first, month__lte=last)
        if agency_id is not None:
            self.qs = self.qs.filter(agency_id=agency_id)
        self.as_of = period.last


def _online_full(rows: _Rows) -> tuple[int, int] | None:
    """(online dossiers, all dossiers) of procedures at toàn trình on the period's last day; None when
    no counter or postal dossier is recorded in the scope (the share would be meaningless)."""
    if not rows.qs.exclude(channel=Channel.ONLINE).exists():
        return None
    level = (
        ProcedureLevelRecord.objects.filter(
            procedure_id=OuterRef("procedure_id"), effective_date__lte=rows.as_of
        )
        .order_by("-effective_date", "-id")
        .annotate(level=level43_expression())
        .values("level")[:1]
    )
    figures = (
        rows.qs.annotate(level=Subquery(level))
        .filter(level=4)
        .aggregate(total=Count("pk"), online=Count("pk", filter=Q(channel=Channel.ONLINE)))
    )
    return figures["online"], figures["total"]


def _ratings(period: UsagePeriod, agency_id) -> tuple[int, int, int]:
    qs = ServiceRating.objects.filter(created_at__date__gte=period.first, created_at__date__lte=period.last)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    counts = qs.aggregate(
        very=Count("pk", filter=Q(level=Satisfaction.VERY_SATISFIED)),
        satisfied=Count("pk", filter=Q(level=Satisfaction.SATISFIED)),
        not_satisfied=Count("pk", filter=Q(level=Satisfaction.NOT_SATISFIED)),
    )
    return counts["very"], counts["satisfied"], counts["not_satisfied"]


def evaluate_766(period: UsagePeriod, *, agency_id: int | None = None) -> list[IndicatorResult]:
    rows = _Rows(period, agency_id)
    results = []
    for spec in definitions()["indicators"]:
        points = None if spec["points"] is None else Decimal(spec["points"])
        result = IndicatorResult(
            spec["code"], spec["group"], spec["name"], points, reason=spec.get("reason", "")
        )
        kind = spec["compute"]
        if kind == "complete_share":
            figures = catalog_figures(period.last, agency_id=agency_id)
            result.numerator, result.denominator = figures["complete"], figures["total"]
        elif kind == "timeliness":
            result.numerator, result.denominator = _timeliness(rows)
        elif kind == "online_full_share":
            pair = _online_full(rows)
            if pair is None:
                result.reason = spec["reason_if_no_counter"]
            else:
                result.numerator, result.denominator = pair
        elif kind == "satisfaction":
            very, satisfied, not_satisfied = _ratings(period, agency_id)
            total = very + satisfied + not_satisfied
            # The satisfaction group is defined once, by the feedback app: its function gives the points.
            result.score = group_points(very, satisfied, not_satisfied)
            if result.score is not None:
                result.numerator, result.denominator = very + satisfied, total
        if not result.computable and not result.reason:
            result.reason = _("Chưa có số liệu trong kỳ.")
        results.append(result)
    return results


def _group_points(results: list[IndicatorResult]) -> dict[str, tuple[Decimal | None, Decimal]]:
    """{group: (points computed or None, maximum of the computed indicators)}."""
    groups: dict[str, tuple[Decimal | None, Decimal]] = {}
    for result in results:
        got, possible = groups.get(result.group, (None, Decimal(0)))
        if result.computable:
            got = (got or Decimal(0)) + result.points
            possible += result.max_points
        groups[result.group] = (got, possible)
    return groups


def index766_table(query) -> Table:
    """Per agency (and the province): points per group and in total, with the points computable."""
    period = usage_period(query)
    groups = definitions()["groups"]
    columns = [Column("name", _("Cơ quan"))]
    for group in groups:
        columns.append(
            Column(f"g{group['code']}", f"{group['code']}. {group['name']} ({group['points']})", "num")
        )
    columns += [
        Column("total", _("Điểm tính được"), "num"),
        Column("possible", _("Trên tổng điểm tính được"), "num"),
    ]
    table = Table(
        "chi-so-766",
        _("Chỉ số phục vụ (Quyết định 766/QĐ-TTg)"),
        columns,
        note=_("Từ %(first)s đến %(last)s. Chỉ số cổng chưa tính được không được chấm (xem bảng chi tiết).")
        % {"first": period.first.strftime("%d/%m/%Y"), "last": period.last.strftime("%d/%m/%Y")},
    )
    scopes = [(None, _("Toàn tỉnh"))] if query.agency is None else [(query.agency.pk, query.agency.name)]
    if query.agency is None:
        agency_ids = DossierUsage.objects.filter(
            month__gte=period.months[0], month__lte=period.months[1]
        ).values("agency_id")
        scopes += [(a.pk, a.name) for a in Agency.objects.filter(pk__in=agency_ids).order_by("name")]
    for agency_id, name in scopes:
        grouped = _group_points(evaluate_766(period, agency_id=agency_id))
        row = {"name": name}
        total, possible = Decimal(0), Decimal(0)
        for group in groups:
            got, group_possible = grouped.get(group["code"], (None, Decimal(0)))
            row[f"g{group['code']}"] = got
            if got is not None:
                total += got
                possible += group_possible
        row.update(total=total if possible else None, possible=possible)
        table.rows.append(row)
    return table


def index766_detail_table(query) -> Table:
    period = usage_period(query)
    results = evaluate_766(period, agency_id=query.agency_id)
    table = Table(
        "chi-so-766-chi-tiet",
        _("Chỉ số 766: từng chỉ tiêu"),
        [
            Column("code", _("Mã")),
            Column("name", _("Chỉ tiêu")),
            Column("max_points", _("Điểm tối đa"), "num"),
            Column("numerator", _("Tử số"), "int"),
            Column("denominator", _("Mẫu số"), "int"),
            Column("ratio_pct", _("Tỷ lệ (%)"), "pct"),
            Column("points", _("Điểm"), "num"),
            Column("note", _("Cách tính / lý do chưa tính")),
        ],
    )
    specs = {spec["code"]: spec for spec in definitions()["indicators"]}
    for r in results:
        table.rows.append(
            {
                "code": r.code,
                "name": r.name,
                "max_points": r.max_points,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "ratio_pct": (r.ratio * 100).quantize(TWO, ROUND_HALF_UP) if r.ratio is not None else None,
                "points": r.points,
                "note": specs[r.code].get("formula", "") if r.computable else r.reason,
            }
        )
    return table
