"""Evaluating a roadmap's targets on a date, for the province or one agency (docs/statistics.md)."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roadmap.constants import Comparison, TargetKind
from roadmap.models import Roadmap, RoadmapTarget

from ..constants import TargetStatus
from .figures import catalog_figures, one_stop_figures
from .memo import remember

__all__ = [
    "TargetResult",
    "evaluate_target",
    "evaluate_targets",
    "evaluation_day",
    "frame_labels",
    "roadmap_targets",
]

# What each kind counts, in the figures of services.figures: (numerator, denominator or None).
_MEASURE = {
    TargetKind.LEVEL2_COMPLETE_SHARE: ("complete", "total"),
    TargetKind.LEVEL3_COUNT: ("level3plus", None),
    TargetKind.LEVEL3_SHARE: ("level3plus", "total"),
    TargetKind.LEVEL4_COUNT: ("level4", None),
    TargetKind.LEVEL4_SHARE: ("level4", "total"),
}
# The same target read in the two frames (inference: level 4 ≈ toàn trình, level 3 ≈ một phần).
FRAME_LABELS = {
    TargetKind.LEVEL2_COMPLETE_SHARE: (
        _("Mức độ 2: thông tin đầy đủ"),
        _("Thông tin đầy đủ (NĐ 63/2010 Điều 8)"),
    ),
    TargetKind.LEVEL3_COUNT: (_("Mức độ 3 trở lên"), _("Một phần hoặc toàn trình")),
    TargetKind.LEVEL3_SHARE: (_("Mức độ 3 trở lên"), _("Một phần hoặc toàn trình")),
    TargetKind.LEVEL4_COUNT: (_("Mức độ 4"), _("Toàn trình")),
    TargetKind.LEVEL4_SHARE: (_("Mức độ 4"), _("Toàn trình")),
    TargetKind.ONE_STOP_SHARE: (_("Một cửa điện tử"), _("Một cửa điện tử")),
}
HUNDRED = Decimal(100)


def frame_labels(kind: str) -> tuple[str, str]:
    """(frame of Decree 43/2011, frame of Decree 42/2022) for a target kind, in the active language."""
    labels = FRAME_LABELS.get(kind)
    return (str(labels[0]), str(labels[1])) if labels else ("", "")


@dataclass
class TargetResult:
    target: RoadmapTarget
    as_of: datetime.date
    numerator: int | None
    denominator: int | None
    actual: Decimal | None  # percent for shares, count for counts
    gap: Decimal | None  # actual − threshold (≥ 0 when reached)
    status: str
    above_max: bool = False

    @property
    def status_label(self) -> str:
        return str(TargetStatus(self.status).label)


def evaluation_day(target: RoadmapTarget, day: datetime.date) -> datetime.date:
    """The period's last day once it has passed, else `day` (today by default)."""
    return min(day, target.period_end_date)


def _reached(target: RoadmapTarget, numerator: int, denominator: int | None) -> bool:
    """Exact comparison (no rounding): share n/d against threshold t% is n·100 ≥ t·d."""
    scaled = Decimal(numerator) * (HUNDRED if denominator is not None else 1)
    bound = target.threshold * (denominator if denominator is not None else 1)
    if target.comparison == Comparison.MORE_THAN:
        return scaled > bound
    return scaled >= bound  # AT_LEAST, and BETWEEN's lower bound


def _above_max(target: RoadmapTarget, numerator: int, denominator: int | None) -> bool:
    if target.comparison != Comparison.BETWEEN or target.threshold_max is None:
        return False
    scaled = Decimal(numerator) * (HUNDRED if denominator is not None else 1)
    return scaled > target.threshold_max * (denominator if denominator is not None else 1)


def _status(target: RoadmapTarget, day: datetime.date, reached: bool) -> str:
    if day < target.period_start_date:
        return TargetStatus.NOT_STARTED
    if day >= target.period_end_date:
        return TargetStatus.MET if reached else TargetStatus.MISSED
    return TargetStatus.ON_TRACK if reached else TargetStatus.BEHIND


def evaluate_target(
    target: RoadmapTarget, *, day: datetime.date | None = None, agency_id: int | None = None, cache=None
) -> TargetResult:
    """The target on min(day, period end): actual, gap, status. `cache` shares figures between targets."""
    day = day or timezone.localdate()
    as_of = evaluation_day(target, day)
    cache = {} if cache is None else cache
    if target.kind == TargetKind.ONE_STOP_SHARE:
        if agency_id is not None:
            return TargetResult(target, as_of, None, None, None, None, TargetStatus.NOT_APPLICABLE)
        key = ("one_stop", as_of)
        if key not in cache:
            cache[key] = one_stop_figures(as_of)
        numerator, denominator = cache[key]["running"], cache[key]["total"]
        if not cache[key]["reported"]:
            # No department has any one-stop record on that day: unknown, not "0%".
            return TargetResult(target, as_of, None, denominator, None, None, TargetStatus.NO_DATA)
    else:
        key = ("catalog", as_of, agency_id)
        if key not in cache:
            cache[key] = catalog_figures(as_of, agency_id=agency_id)
        num_key, den_key = _MEASURE[target.kind]
        numerator = cache[key][num_key]
        denominator = cache[key][den_key] if den_key else None
        if agency_id is not None and den_key is None:
            # Count targets are province-wide: an agency's count is shown, not judged.
            return TargetResult(
                target, as_of, numerator, None, Decimal(numerator), None, TargetStatus.NOT_APPLICABLE
            )
    if denominator == 0:
        return TargetResult(target, as_of, numerator, denominator, None, None, TargetStatus.NO_DATA)
    if denominator is None:
        actual = Decimal(numerator)
    else:
        actual = (Decimal(numerator) * HUNDRED / denominator).quantize(Decimal("0.01"), ROUND_HALF_UP)
    reached = _reached(target, numerator, denominator)
    return TargetResult(
        target,
        as_of,
        numerator,
        denominator,
        actual,
        actual - target.threshold,
        _status(target, day, reached),
        _above_max(target, numerator, denominator),
    )


def evaluate_targets(
    roadmap: Roadmap, *, day: datetime.date | None = None, agency_id: int | None = None
) -> list[TargetResult]:
    day = day or timezone.localdate()
    cache: dict = {}
    return [evaluate_target(t, day=day, agency_id=agency_id, cache=cache) for t in roadmap_targets(roadmap)]


def roadmap_targets(roadmap) -> list:
    """The roadmap's targets in the order of the targets table (read once per page: the targets
    table and the charts of a page use them)."""
    return remember(
        ("targets", roadmap.pk),
        lambda: list(roadmap.targets.all().order_by("period_end", "period_start", "kind", "pk")),
    )
