"""Progress of roadmap items: linked procedures, their level against the target, year reached, status."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from roadmap.constants import TargetLevels
from roadmap.levels import level43_expression
from roadmap.models import ItemProcedureLink, ProcedureLevelRecord, Roadmap, RoadmapItem

from ..constants import ItemStatus
from .memo import remember

__all__ = ["ItemProgress", "item_progress", "linked_procedures"]


def _min_level_expression(prefix: str = ""):
    return Case(
        When(**{f"{prefix}target_levels": TargetLevels.LEVEL_4}, then=Value(4)),
        default=Value(3),
        output_field=IntegerField(),
    )


def linked_procedures(day: datetime.date, *, items=None):
    """Links annotated (in the DB) with the procedure's level and in-force flag on `day`, the item's
    minimum target level, and the first date on or before `day` the procedure reached it."""
    on_day = ProcedureLevelRecord.objects.filter(
        procedure_id=OuterRef("procedure_id"), effective_date__lte=day
    ).order_by("-effective_date", "-id")
    reached = (
        ProcedureLevelRecord.objects.filter(
            procedure_id=OuterRef("procedure_id"), effective_date__lte=day, in_force=True
        )
        .annotate(level=level43_expression())
        .filter(level__gte=OuterRef("min_level"))
        .order_by("effective_date", "id")
        .values("effective_date")[:1]
    )
    qs = ItemProcedureLink.objects.all()
    if items is not None:
        qs = qs.filter(item__in=items)
    return qs.annotate(
        min_level=_min_level_expression("item__"),
        level=Coalesce(Subquery(on_day.annotate(level=level43_expression()).values("level")[:1]), Value(0)),
        in_force=Subquery(on_day.values("in_force")[:1]),
        reached_on=Subquery(reached),
    )


def _build_item_counts(*, day, roadmap_id, agency_id):
    """Per item of a roadmap (of one agency): links, links whose procedure reached the item's target
    level and is in force on `day`, and the latest date one of them reached it."""
    items = RoadmapItem.objects.filter(roadmap_id=roadmap_id)
    if agency_id is not None:
        items = items.filter(agency_id=agency_id)
    reached_q = Q(level__gte=F("min_level"), in_force=True)
    return (
        linked_procedures(day, items=items)
        .values("item_id")
        .annotate(linked=Count("id"), reached=Count("id", filter=reached_q), done_on=Max("reached_on"))
        .order_by()
    )


@dataclass
class ItemProgress:
    item: RoadmapItem
    linked: int
    reached: int
    done_on: datetime.date | None
    status: str
    links: list = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(ItemStatus(self.status).label)

    @property
    def done_year(self) -> int | None:
        return self.done_on.year if self.done_on else None


def _status(item: RoadmapItem, day: datetime.date, linked: int, reached: int) -> str:
    if linked and reached == linked:
        return ItemStatus.DONE
    if day > item.end_date:
        return ItemStatus.LATE
    if reached:
        return ItemStatus.IN_PROGRESS
    return ItemStatus.NOT_STARTED


def item_progress(
    roadmap: Roadmap,
    *,
    day: datetime.date | None = None,
    agency_id: int | None = None,
    with_links: bool = False,
) -> list[ItemProgress]:
    """One ItemProgress per item of `roadmap` (optionally of one agency), counts from one grouped query
    (computed once per page: the agency page's item counts and items table share it)."""
    day = day or timezone.localdate()
    key = ("items", roadmap.pk, day, agency_id, with_links)
    return remember(key, lambda: _item_progress(roadmap, day, agency_id, with_links))


def _item_progress(roadmap: Roadmap, day: datetime.date, agency_id, with_links: bool) -> list[ItemProgress]:
    items = roadmap.items.select_related("agency").order_by("tier", "number")
    if agency_id is not None:
        items = items.filter(agency_id=agency_id)
    counts = {
        row.pop("item_id"): row
        for row in _build_item_counts(day=day, roadmap_id=roadmap.pk, agency_id=agency_id)
    }
    by_item: dict[int, list] = {}
    if with_links:
        links = linked_procedures(day, items=items)
        for link in links.select_related("procedure").order_by("procedure__code"):
            by_item.setdefault(link.item_id, []).append(link)
    result = []
    for item in items:
        row = counts.get(item.pk, {"linked": 0, "reached": 0, "done_on": None})
        status = _status(item, day, row["linked"], row["reached"])
        done_on = row["done_on"] if status == ItemStatus.DONE else None
        result.append(
            ItemProgress(item, row["linked"], row["reached"], done_on, status, by_item.get(item.pk, []))
        )
    return result
