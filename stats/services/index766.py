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

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.utils.translation import gettext as _

from agencies.models import Agency
from dossiers.constants import Action, Channel
from dossiers.models import Dossier, StatusChange
from feedback.constants import Satisfaction
from feedback.models import ServiceRating
from feedback.satisfaction import group_points
from payments.constants import PaymentStatus
from payments.models import Payment
from roadmap.levels import level43_expression
from roadmap.models import ProcedureLevelRecord
from signing.models import SignedDocument

from .figures import catalog_figures, catalog_figures_by_agency
from .memo import remember
from .tables import Column, Table
from .usage import UsagePeriod, monthly_rows, monthly_sums, usage_period, usage_sums

__all__ = [
    "IndicatorResult",
    "definitions",
    "evaluate_766",
    "evaluate_766_by_agency",
    "index766_detail_table",
    "index766_table",
]

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


# Each indicator is computed for every scope at once: one query grouped by agency (key = agency id)
# or one aggregate (key None) for the province or the one agency asked for.


def _grouped(qs, key: str | None, **aggregates) -> dict:
    if key is None:
        return {None: qs.aggregate(**aggregates)}
    return {row.pop(key): row for row in qs.values(key).annotate(**aggregates).order_by()}


class _Rows:
    """Monthly usage cells (UsageMonthly) of a period and scope, with the period's last day for
    "open past due"; the sums are usage.usage_sums, the very sums the usage tables show (a page that
    shows both computes them once)."""

    def __init__(self, period: UsagePeriod, agency_id):
        self.period = period
        self.agency_id = agency_id
        self.qs = monthly_rows(period, agency_id=agency_id)
        self.as_of = period.last
        self.sums = monthly_sums(self.as_of)

    def grouped(self, key: str | None) -> dict:
        """{scope: sums} grouped by agency (key "agency_id") or for the whole scope (key None)."""
        group = "agency" if key == "agency_id" else "all"
        return {
            scope: sums
            for scope, (sums, _histogram) in usage_sums(group, self.period, agency_id=self.agency_id).items()
        }


def _timeliness(rows: _Rows, key: str | None) -> dict:
    """{scope: (numerator, denominator)} over dossiers that were not refused (usage.timeliness_sums)."""
    result = {}
    for scope, figures in rows.grouped(key).items():
        if not figures["n_submitted"] - figures["n_refused"]:
            continue  # only refused dossiers in this scope: no figure, as a grouped query would give none
        numerator = figures["timely_on_time"] + figures["timely_open_in_time"]
        result[scope] = (numerator, numerator + figures["timely_late"] + figures["timely_open_past_due"])
    return result


def _online_full(rows: _Rows, key: str | None) -> dict:
    """{scope: (online dossiers, all dossiers) of procedures at toàn trình on the period's last day};
    a scope is left out when no counter or postal dossier is recorded in it (the share would be
    meaningless)."""
    scopes = [scope for scope, figures in rows.grouped(key).items() if figures["n_counter"]]
    if not scopes:
        return {}
    level = (
        ProcedureLevelRecord.objects.filter(
            procedure_id=OuterRef("procedure_id"), effective_date__lte=rows.as_of
        )
        .order_by("-effective_date", "-id")
        .annotate(level=level43_expression())
        .values("level")[:1]
    )
    figures = _grouped(
        rows.qs.annotate(level=Subquery(level)).filter(level=4),
        key,
        total=rows.sums["submitted"],
        online=rows.sums["online"],
    )
    empty = {"online": 0, "total": 0}
    return {
        scope: (figures.get(scope, empty)["online"], figures.get(scope, empty)["total"]) for scope in scopes
    }


def _in_period(period: UsagePeriod, prefix: str = "at") -> dict:
    return {f"{prefix}__date__gte": period.first, f"{prefix}__date__lte": period.last}


def _dossier_scope(qs, agency_id):
    return qs if agency_id is None else qs.filter(competent_agency_id=agency_id)


def _electronic_results(period: UsagePeriod, agency_id, key: str | None) -> dict:
    """{scope: (dossiers finished in the period with a result the portal signed, dossiers finished
    in the period)}, by the competent agency (signing.SignedDocument, the register of signed results)."""
    finished = _dossier_scope(Dossier.objects.filter(Exists(
        StatusChange.objects.filter(dossier=OuterRef("pk"), action=Action.FINISH, **_in_period(period))
    )), agency_id)  # fmt: skip
    signed = Exists(SignedDocument.objects.filter(dossier_code=OuterRef("code")))
    figures = _grouped(
        finished, key and "competent_agency_id", total=Count("pk"), signed=Count("pk", filter=signed)
    )
    return {scope: (f["signed"], f["total"]) for scope, f in figures.items() if f["total"]}


def _online_payments(period: UsagePeriod, agency_id, key: str | None) -> dict:
    """{scope: (dossiers paid online, dossiers with a financial obligation in the period)}: an
    obligation is a payment request made in the period, or a fee collected at filing of a dossier
    filed online in the period; paid online = a payment settled by the gateway (payments.Payment)."""
    requested = Exists(
        StatusChange.objects.filter(
            dossier=OuterRef("pk"), action=Action.REQUEST_PAYMENT, **_in_period(period)
        )
    )
    at_filing = Q(
        procedure__fee_at_submission=True, channel=Channel.ONLINE, **_in_period(period, "submitted_at")
    )
    obligated = _dossier_scope(Dossier.objects.filter(Q(requested) | at_filing), agency_id)
    paid = Exists(Payment.objects.filter(dossier=OuterRef("pk"), status=PaymentStatus.PAID))
    figures = _grouped(
        obligated, key and "competent_agency_id", total=Count("pk"), paid=Count("pk", filter=paid)
    )
    return {scope: (f["paid"], f["total"]) for scope, f in figures.items() if f["total"]}


def _build_ratings(*, first, last, agency_id, by_agency):
    qs = ServiceRating.objects.filter(created_at__date__gte=first, created_at__date__lte=last)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    # One group for the whole scope: a constant grouping column, dropped by _ratings.
    qs = qs.values("agency_id") if by_agency else qs.annotate(scope=Value(1)).values("scope")
    return qs.annotate(
        very=Count("pk", filter=Q(level=Satisfaction.VERY_SATISFIED)),
        satisfied=Count("pk", filter=Q(level=Satisfaction.SATISFIED)),
        not_satisfied=Count("pk", filter=Q(level=Satisfaction.NOT_SATISFIED)),
    ).order_by()


def _ratings(period: UsagePeriod, agency_id, key: str | None) -> dict:
    """{scope: (very satisfied, satisfied, not satisfied)} rated in the period."""
    rows = list(
        _build_ratings(first=period.first, last=period.last, agency_id=agency_id, by_agency=key is not None)
    )
    if key is None:
        c = rows[0] if rows else {"very": 0, "satisfied": 0, "not_satisfied": 0}
        return {None: (c["very"], c["satisfied"], c["not_satisfied"])}
    return {c[key]: (c["very"], c["satisfied"], c["not_satisfied"]) for c in rows}


def _inputs(period: UsagePeriod, agency_id: int | None, *, by_agency: bool = False) -> dict:
    """The data of every computable indicator, {compute kind: {scope: value}}, in a fixed number of
    queries whatever the number of agencies (by_agency: scope = agency id, else None)."""
    rows = _Rows(period, agency_id)
    key = "agency_id" if by_agency else None
    if by_agency:
        catalog = catalog_figures_by_agency(period.last)
    else:
        catalog = {None: catalog_figures(period.last, agency_id=agency_id)}
    return {
        "complete_share": {scope: (f["complete"], f["total"]) for scope, f in catalog.items()},
        "timeliness": _timeliness(rows, key),
        "online_full_share": _online_full(rows, key),
        "satisfaction": _ratings(period, agency_id, key),
        "electronic_results": _electronic_results(period, agency_id, key),
        "online_payments": _online_payments(period, agency_id, key),
    }


def _evaluate(inputs: dict, scope) -> list[IndicatorResult]:
    results = []
    for spec in definitions()["indicators"]:
        points = None if spec["points"] is None else Decimal(spec["points"])
        result = IndicatorResult(
            spec["code"], spec["group"], spec["name"], points, reason=spec.get("reason", "")
        )
        kind = spec["compute"]
        if kind in ("complete_share", "timeliness", "electronic_results", "online_payments"):
            result.numerator, result.denominator = inputs[kind].get(scope, (0, 0))
        elif kind == "online_full_share":
            pair = inputs[kind].get(scope)
            if pair is None:
                result.reason = spec["reason_if_no_counter"]
            else:
                result.numerator, result.denominator = pair
        elif kind == "satisfaction":
            very, satisfied, not_satisfied = inputs[kind].get(scope, (0, 0, 0))
            # The satisfaction group is defined once, by the feedback app: its function gives the points.
            result.score = group_points(very, satisfied, not_satisfied)
            if result.score is not None:
                result.numerator, result.denominator = very + satisfied, very + satisfied + not_satisfied
        if not result.computable and not result.reason:
            result.reason = _("Chưa có số liệu trong kỳ.")
        results.append(result)
    return results


def _inputs_empty() -> dict:
    return {
        "complete_share": {}, "timeliness": {}, "online_full_share": {}, "satisfaction": {},
        "electronic_results": {}, "online_payments": {},
    }  # fmt: skip


def evaluate_766(period: UsagePeriod, *, agency_id: int | None = None) -> list[IndicatorResult]:
    """Every indicator for the province (agency_id None) or for one agency."""
    key = ("766", period.first, period.last, agency_id)
    return remember(key, lambda: _evaluate(_inputs(period, agency_id), None))


def evaluate_766_by_agency(period: UsagePeriod) -> dict:
    """{agency id: every indicator} for every agency at once (same definitions as evaluate_766)."""
    inputs = _inputs(period, None, by_agency=True)
    return {scope: _evaluate(inputs, scope) for scope in set().union(*(v.keys() for v in inputs.values()))}


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
        agency_ids = [pk for pk in usage_sums("agency", period) if pk is not None]  # agencies with cells
        scopes += [(a.pk, a.name) for a in Agency.objects.filter(pk__in=agency_ids).order_by("name")]
    own = evaluate_766(period, agency_id=query.agency_id)  # the province, or the agency asked for
    by_agency = evaluate_766_by_agency(period) if query.agency is None else {}
    for agency_id, name in scopes:
        if agency_id == query.agency_id:
            results = own
        else:  # an agency with only refused dossiers has no grouped row: its figures are empty
            results = by_agency.get(agency_id) or _evaluate(_inputs_empty(), agency_id)
        grouped = _group_points(results)
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
