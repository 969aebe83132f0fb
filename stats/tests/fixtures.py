"""A small, hand-computed world for the statistics tests (numbers in docs/statistics.md's example).

Agencies A, B, C (departments). Province-level procedures and their history:
  p1 (A): 2015-01-01 level 2 complete; 2018-03-01 một phần (level 3)
  p2 (A): 2015-01-01 level 2 incomplete; 2016-06-01 complete; 2019-07-01 toàn trình (level 4)
  p3 (B): 2015-01-01 level 2 complete; 2018-12-31 level 3            (counts for 2018)
  p4 (B): 2015-01-01 level 2 complete; 2019-01-01 level 3            (does not count for 2018)
  p5 (B): 2017-01-01 level 2 complete; 2020-01-01 abolished
  p6 (ministry only, toàn trình since 2015): never counted
One-stop: A running from 2017-01-01, B from 2019-01-01, C never.

On 31/12/2018: 5 procedures, 5 complete, 2 from level 3 (40%), 0 at level 4, one-stop 1/3.
On 31/12/2015: 4 procedures, 3 complete (75%).  On 31/12/2020: 4 procedures, 4 from level 3, 1 at level 4 (25%).
"""

import datetime
from dataclasses import dataclass

from procedures.constants import ImplementationLevel, OnlineLevel, ProcedureStatus
from procedures.models import ProcedurePage
from roadmap.constants import Comparison, TargetKind, TargetLevels
from roadmap.models import ItemProcedureLink, OneStopRecord
from roadmap.tests.factories import make_agency, make_item, make_procedure, make_roadmap, set_level, target

D = datetime.date


@dataclass
class World:
    roadmap: object
    agencies: dict
    procedures: dict
    items: dict
    targets: dict


def build_world() -> World:
    a = make_agency("Sở Alpha", slug="so-alpha")
    b = make_agency("Sở Beta", slug="so-beta")
    c = make_agency("Sở Gamma", slug="so-gamma")
    p1 = make_procedure("Cấp phép alpha một", code="1.000001", agency=a, online_level=OnlineLevel.PARTIAL)
    p2 = make_procedure("Cấp phép alpha hai", code="1.000002", agency=a, online_level=OnlineLevel.FULL)
    p3 = make_procedure("Đăng ký beta ba", code="1.000003", agency=b, online_level=OnlineLevel.PARTIAL)
    p4 = make_procedure("Đăng ký beta bốn", code="1.000004", agency=b, online_level=OnlineLevel.PARTIAL)
    p5 = make_procedure("Đăng ký beta năm", code="1.000005", agency=b)
    p6 = make_procedure(
        "Thủ tục cấp bộ",
        code="1.000006",
        online_level=OnlineLevel.FULL,
        levels=(ImplementationLevel.MINISTRY,),
    )
    # p5 is abolished today too (its publish record says so).
    ProcedurePage.objects.filter(pk=p5.pk).update(status=ProcedureStatus.ABOLISHED)
    p5.refresh_from_db()
    p5.save_revision().publish()

    set_level(p1, D(2015, 1, 1), legacy_level="2")
    set_level(p1, D(2018, 3, 1), online_level=OnlineLevel.PARTIAL)
    set_level(p2, D(2015, 1, 1), legacy_level="2", complete=False)
    set_level(p2, D(2016, 6, 1), legacy_level="2")
    set_level(p2, D(2019, 7, 1), online_level=OnlineLevel.FULL)
    set_level(p3, D(2015, 1, 1), legacy_level="2")
    set_level(p3, D(2018, 12, 31), legacy_level="3")
    set_level(p4, D(2015, 1, 1), legacy_level="2")
    set_level(p4, D(2019, 1, 1), online_level=OnlineLevel.PARTIAL)
    set_level(p5, D(2017, 1, 1), legacy_level="2")
    set_level(p5, D(2020, 1, 1), legacy_level="2", in_force=False)
    set_level(p6, D(2015, 1, 1), online_level=OnlineLevel.FULL)

    OneStopRecord.objects.create(agency=a, effective_date=D(2017, 1, 1), running=True)
    OneStopRecord.objects.create(agency=b, effective_date=D(2019, 1, 1), running=True)

    targets = {
        "t1": target(TargetKind.LEVEL2_COMPLETE_SHARE, 100, start=2015, end=2015),
        "t2": target(TargetKind.LEVEL3_COUNT, 1, start=2015, end=2015),
        "t3": target(TargetKind.LEVEL3_SHARE, 40, start=2016, end=2018),
        "t4": target(
            TargetKind.LEVEL4_SHARE, 3, start=2019, end=2020, comparison=Comparison.BETWEEN, maximum=5
        ),
        "t5": target(TargetKind.ONE_STOP_SHARE, 50, start=2016, end=2018, comparison=Comparison.MORE_THAN),
        "t6": target(TargetKind.ONE_STOP_SHARE, 100, start=2019, end=2020),
    }
    roadmap = make_roadmap("1/QĐ-TEST", slug="lo-trinh-thu", targets=targets.values())
    by_kind = {}
    for t in roadmap.targets.all():
        for key, spec in targets.items():
            if (t.kind, t.period_end, t.comparison) == (spec["kind"], spec["period_end"], spec["comparison"]):
                by_kind[key] = t
    i1 = make_item(roadmap, 1, "Cấp phép alpha", agency=a, start=2016, end=2018)
    i2 = make_item(roadmap, 2, "Đăng ký beta", agency=b, levels=TargetLevels.LEVEL_4)
    i3 = make_item(roadmap, 3, "Dịch vụ chưa liên kết", agency=c, start=2019, end=2020)
    now = datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC)
    for item, page in ((i1, p1), (i1, p2), (i2, p3)):
        ItemProcedureLink.objects.create(item=item, procedure=page, confirmed_at=now)
    return World(
        roadmap=roadmap,
        agencies={"a": a, "b": b, "c": c},
        procedures={"p1": p1, "p2": p2, "p3": p3, "p4": p4, "p5": p5, "p6": p6},
        items={"i1": i1, "i2": i2, "i3": i3},
        targets=by_kind,
    )


def reload(instance):
    """The same row read again (a fresh instance: what a test changes in memory stays with it)."""
    return type(instance)._default_manager.get(pk=instance.pk)


def reload_world(world: World) -> World:
    """The world read again from the database, for a test using a world built once per module."""
    return World(
        roadmap=reload(world.roadmap),
        **{
            name: {key: reload(value) for key, value in getattr(world, name).items()}
            for name in ("agencies", "procedures", "items", "targets")
        },
    )
