"""Test data for roadmap and stats tests, created through Wagtail's own APIs (add_child, publish)."""

import datetime
import itertools
from decimal import Decimal

from agencies.constants import AgencyKind
from agencies.models import Agency
from home.models import HomePage
from procedures.constants import ChannelKind, ImplementationLevel, OnlineLevel, TimeUnit
from procedures.models import (
    DossierComponent,
    ImplementationLevelRecord,
    ProcedureChannel,
    ProcedureIndexPage,
    ProcedurePage,
    ProcedureResult,
)
from roadmap.constants import Comparison, LevelSource, TargetKind, TargetLevels, Tier
from roadmap.models import ProcedureLevelRecord, Roadmap, RoadmapItem, RoadmapTarget

_codes = itertools.count(200001)
_slugs = itertools.count(1)


def catalog_index() -> ProcedureIndexPage:
    existing = ProcedureIndexPage.objects.first()
    if existing is not None:
        return existing
    home = HomePage.objects.first()
    index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
    home.add_child(instance=index)
    index.save_revision().publish()
    return ProcedureIndexPage.objects.get(pk=index.pk)


def make_agency(name: str = "", *, kind: str = AgencyKind.DEPARTMENT, slug: str = "", **kwargs) -> Agency:
    n = next(_slugs)
    return Agency.objects.create(name=name or f"Sở thử {n}", slug=slug or f"so-thu-{n}", kind=kind, **kwargs)


def make_procedure(
    title: str = "",
    *,
    code: str = "",
    agency: Agency | None = None,
    online_level: str = OnlineLevel.NONE,
    legacy_level: str = "",
    complete: bool = True,
    levels=(ImplementationLevel.PROVINCE,),
    publish: bool = True,
) -> ProcedurePage:
    """A procedure page under the catalog index; `complete` fills every field Decree 63 Art. 8 requires."""
    code = code or f"1.{next(_codes):06d}"
    page = ProcedurePage(
        title=title or f"Thủ tục thử {code}",
        slug=f"thu-tuc-{code.replace('.', '-').lower()}",
        code=code,
        online_level=online_level,
        legacy_level=legacy_level,
        implementing_agency=agency,
        steps="Bước 1: nộp hồ sơ." if complete else "",
        applicants="Công dân Việt Nam" if complete else "",
    )
    if complete:
        page.channels = [
            ProcedureChannel(
                kind=ChannelKind.DIRECT,
                time_limit_text="5 ngày làm việc",
                time_limit_value=Decimal(5),
                time_limit_unit=TimeUnit.WORKING_DAYS,
            )
        ]
        page.components = [DossierComponent(name="Tờ khai")]
        page.results = [ProcedureResult(name="Giấy chứng nhận")]
        if agency is None:
            page.implementing_agency_text = "Ủy ban nhân dân cấp xã"
    page.levels = list(ImplementationLevelRecord.objects.filter(code__in=list(levels)))
    catalog_index().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def set_level(
    procedure,
    day: datetime.date,
    *,
    online_level=OnlineLevel.NONE,
    legacy_level="",
    complete=True,
    in_force=True,
):
    """A manual history record (what a monitor enters for a change made without a page edit)."""
    return ProcedureLevelRecord.objects.create(
        procedure=procedure,
        effective_date=day,
        online_level=online_level,
        legacy_level=legacy_level,
        complete=complete,
        in_force=in_force,
        source=LevelSource.MANUAL,
    )


def make_roadmap(number: str = "", *, start: int = 2015, end: int = 2020, targets=(), **kwargs) -> Roadmap:
    n = next(_slugs)
    roadmap = Roadmap(
        number=number or f"{n}/QĐ-UBND",
        slug=kwargs.pop("slug", f"lo-trinh-{n}"),
        title=kwargs.pop("title", "Lộ trình thử"),
        issued_on=kwargs.pop("issued_on", datetime.date(start, 4, 22)),
        issuer="Ủy ban nhân dân tỉnh",
        start_year=start,
        end_year=end,
        **kwargs,
    )
    roadmap.targets = [RoadmapTarget(**t) for t in targets]
    roadmap.save()
    return roadmap


def target(
    kind: str, threshold, *, start: int, end: int, comparison: str = Comparison.AT_LEAST, maximum=None
) -> dict:
    return {
        "kind": kind,
        "threshold": Decimal(str(threshold)),
        "threshold_max": None if maximum is None else Decimal(str(maximum)),
        "comparison": comparison,
        "period_start": start,
        "period_end": end,
    }


def make_item(
    roadmap: Roadmap,
    number: int,
    service: str = "",
    *,
    agency=None,
    tier=Tier.PROVINCE,
    start=2016,
    end=2020,
    levels=TargetLevels.LEVEL_3_4,
) -> RoadmapItem:
    return RoadmapItem.objects.create(
        roadmap=roadmap,
        number=number,
        tier=tier,
        service=service or f"Dịch vụ {number}",
        agency=agency,
        start_year=start,
        end_year=end,
        target_levels=levels,
    )


__all__ = [
    "TargetKind",
    "catalog_index",
    "make_agency",
    "make_item",
    "make_procedure",
    "make_roadmap",
    "set_level",
    "target",
]
