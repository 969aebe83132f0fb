"""Per-dossier satisfaction ratings and the satisfaction group (18 points) of Decision 766/QĐ-TTg.

The formula implemented (docs/feedback.md explains what is read from the decision and what is
inference):

    points = 18 × (w_very × N_very + w_sat × N_satisfied + w_not × N_not_satisfied) / N_rated

with WEIGHTS = 1, 1, 0: the share of rated dossiers whose applicant was satisfied or very satisfied,
scaled to 18. No ratings: no score (not 0, not 18). Computed per agency (the dossier's agency when it
was rated), for the province, and per year (of the rating).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from .constants import REASON_MAX_LENGTH, Satisfaction
from .models import ServiceRating

__all__ = [
    "GROUP_POINTS",
    "WEIGHTS",
    "AlreadyRated",
    "NotRatable",
    "SatisfactionRow",
    "can_rate",
    "group_points",
    "rate_dossier",
    "rating_state",
    "rating_years",
    "satisfaction_by_agency",
]

GROUP_POINTS = 18
WEIGHTS = {
    Satisfaction.VERY_SATISFIED: Decimal(1),
    Satisfaction.SATISFIED: Decimal(1),
    Satisfaction.NOT_SATISFIED: Decimal(0),
}


class AlreadyRated(Exception):
    pass


class NotRatable(Exception):
    pass


def can_rate(dossier) -> bool:
    """A dossier can be rated once it reached a status in FEEDBACK_RATABLE_DOSSIER_STATUSES (empty:
    any submitted dossier, which is the rule until the back office returns results) and has no rating."""
    statuses = getattr(settings, "FEEDBACK_RATABLE_DOSSIER_STATUSES", [])
    if statuses and dossier.status not in statuses:
        return False
    return not ServiceRating.objects.filter(dossier=dossier).exists()


def rating_state(dossier) -> tuple[str, ServiceRating | None]:
    """("rated", rating) once rated; ("open", None) when it can be rated now; ("later", None) while the
    dossier has not reached a ratable status."""
    rating = ServiceRating.objects.filter(dossier=dossier).first()
    if rating is not None:
        return "rated", rating
    statuses = getattr(settings, "FEEDBACK_RATABLE_DOSSIER_STATUSES", [])
    if statuses and dossier.status not in statuses:
        return "later", None
    return "open", None


def rate_dossier(*, dossier, level: str, reason: str = "") -> ServiceRating:
    """Record the applicant's rating; once per dossier; a reason is required when not satisfied."""
    if level not in Satisfaction.values:
        raise ValueError(f"unknown satisfaction level {level!r}")
    reason = (reason or "").strip()
    if level == Satisfaction.NOT_SATISFIED and not reason:
        raise ValueError("a reason is required when not satisfied")
    if len(reason) > REASON_MAX_LENGTH:
        raise ValueError("reason too long")
    statuses = getattr(settings, "FEEDBACK_RATABLE_DOSSIER_STATUSES", [])
    if statuses and dossier.status not in statuses:
        raise NotRatable(_("Hồ sơ chưa được trả kết quả nên chưa thể đánh giá."))
    try:
        with transaction.atomic():
            return ServiceRating.objects.create(
                dossier=dossier,
                agency_id=dossier.agency_id,
                procedure_id=dossier.procedure_id,
                level=level,
                reason=reason if level == Satisfaction.NOT_SATISFIED else "",
            )
    except IntegrityError:
        raise AlreadyRated(_("Hồ sơ này đã được đánh giá."))


def group_points(very: int, satisfied: int, not_satisfied: int) -> Decimal | None:
    """Decision 766's satisfaction points (0–18, two decimals) from the three counts; None without data."""
    total = very + satisfied + not_satisfied
    if not total:
        return None
    weighted = (
        WEIGHTS[Satisfaction.VERY_SATISFIED] * very
        + WEIGHTS[Satisfaction.SATISFIED] * satisfied
        + WEIGHTS[Satisfaction.NOT_SATISFIED] * not_satisfied
    )
    return (GROUP_POINTS * weighted / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class SatisfactionRow:
    agency_id: int | None
    name: str
    very: int
    satisfied: int
    not_satisfied: int

    @property
    def total(self) -> int:
        return self.very + self.satisfied + self.not_satisfied

    def share(self, count: int) -> Decimal:
        if not self.total:
            return Decimal(0)
        return (Decimal(100) * count / self.total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def very_pct(self) -> Decimal:
        return self.share(self.very)

    @property
    def satisfied_pct(self) -> Decimal:
        return self.share(self.satisfied)

    @property
    def not_satisfied_pct(self) -> Decimal:
        return self.share(self.not_satisfied)

    @property
    def satisfied_or_better_pct(self) -> Decimal:
        return self.share(self.very + self.satisfied)

    @property
    def points(self) -> Decimal | None:
        return group_points(self.very, self.satisfied, self.not_satisfied)


def _counts():
    return {
        "very": Count("pk", filter=Q(level=Satisfaction.VERY_SATISFIED)),
        "satisfied": Count("pk", filter=Q(level=Satisfaction.SATISFIED)),
        "not_satisfied": Count("pk", filter=Q(level=Satisfaction.NOT_SATISFIED)),
    }


def satisfaction_by_agency(*, year: int | None = None) -> tuple[list[SatisfactionRow], SatisfactionRow]:
    """One row per agency with ratings (by name), and the province-wide row."""
    ratings = ServiceRating.objects.all()
    if year:
        ratings = ratings.filter(created_at__year=year)
    grouped = ratings.values("agency_id", "agency__name").annotate(**_counts()).order_by("agency__name")
    rows = [
        SatisfactionRow(
            agency_id=row["agency_id"],
            name=row["agency__name"] or _("Chưa xác định cơ quan"),
            very=row["very"],
            satisfied=row["satisfied"],
            not_satisfied=row["not_satisfied"],
        )
        for row in grouped
    ]
    totals = ratings.aggregate(**_counts())
    overall = SatisfactionRow(agency_id=None, name=_("Toàn tỉnh"), **totals)
    return rows, overall


def rating_years() -> list[int]:
    years = ServiceRating.objects.annotate(y=ExtractYear("created_at")).values_list("y", flat=True).distinct()
    return sorted({y for y in years if y}, reverse=True)
