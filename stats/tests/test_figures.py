"""Figures and target evaluation against the hand-computed world (stats/tests/fixtures.py); figures on
many days at once (the yearly series) in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roadmap.models import ProcedureLevelRecord
from stats.constants import ItemStatus, TargetStatus
from stats.services import (
    catalog_figures,
    catalog_figures_by_agency,
    evaluate_target,
    item_progress,
    one_stop_figures,
    parse_query,
)
from stats.services.figures import catalog_figures_on_days, one_stop_figures_on_days
from stats.services.tables import yearly_table

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def world(world_once):
    return world_once


def test_catalog_figures_by_date(world):
    assert catalog_figures(D(2015, 12, 31)) == {
        "total": 4, "complete": 3, "level3plus": 0, "level3": 0, "level4": 0, "below3": 4,
    }  # fmt: skip
    assert catalog_figures(D(2018, 12, 31)) == {
        "total": 5, "complete": 5, "level3plus": 2, "level3": 2, "level4": 0, "below3": 3,
    }  # fmt: skip
    assert catalog_figures(D(2020, 12, 31)) == {
        "total": 4, "complete": 4, "level3plus": 4, "level3": 3, "level4": 1, "below3": 0,
    }  # fmt: skip


def test_level_3_in_2018_counts_for_2018_not_2017(world):
    assert catalog_figures(D(2017, 12, 31))["level3plus"] == 0
    assert catalog_figures(D(2018, 3, 1))["level3plus"] == 1
    assert catalog_figures(D(2018, 12, 30))["level3plus"] == 1
    assert catalog_figures(D(2018, 12, 31))["level3plus"] == 2  # p3, raised on the last day
    assert catalog_figures(D(2019, 1, 1))["level3plus"] == 3  # p4, the first day of 2019


def test_figures_are_one_query(world):
    with CaptureQueriesContext(connection) as queries:
        catalog_figures(D(2018, 12, 31))
    assert len(queries) == 1


def test_figures_by_agency(world):
    rows = catalog_figures_by_agency(D(2018, 12, 31))
    a, b = world.agencies["a"].pk, world.agencies["b"].pk
    assert set(rows) == {a, b}
    assert (rows[a]["total"], rows[a]["level3plus"]) == (2, 1)
    assert (rows[b]["total"], rows[b]["level3plus"]) == (3, 1)


def test_one_stop(world):
    assert one_stop_figures(D(2016, 12, 31)) == {"total": 3, "running": 0, "reported": 0}
    assert one_stop_figures(D(2018, 12, 31)) == {"total": 3, "running": 1, "reported": 1}
    assert one_stop_figures(D(2019, 1, 1)) == {"total": 3, "running": 2, "reported": 2}


def test_targets_at_their_period_end(world):
    t = world.targets
    late = D(2025, 6, 1)
    r1 = evaluate_target(t["t1"], day=late)
    assert (r1.as_of, r1.numerator, r1.denominator, r1.actual, r1.gap, r1.status) == (
        D(2015, 12, 31), 3, 4, Decimal("75.00"), Decimal("-25.00"), TargetStatus.MISSED,
    )  # fmt: skip
    r2 = evaluate_target(t["t2"], day=late)
    assert (r2.actual, r2.status) == (Decimal(0), TargetStatus.MISSED)
    r3 = evaluate_target(t["t3"], day=late)
    assert (r3.as_of, r3.actual, r3.gap, r3.status) == (
        D(2018, 12, 31),
        Decimal("40.00"),
        Decimal(0),
        TargetStatus.MET,
    )
    r4 = evaluate_target(t["t4"], day=late)
    assert (r4.actual, r4.status, r4.above_max) == (Decimal("25.00"), TargetStatus.MET, True)
    r5 = evaluate_target(t["t5"], day=late)
    assert (r5.numerator, r5.denominator, r5.actual, r5.status) == (
        1,
        3,
        Decimal("33.33"),
        TargetStatus.MISSED,
    )
    r6 = evaluate_target(t["t6"], day=late)
    assert (r6.numerator, r6.denominator, r6.status) == (2, 3, TargetStatus.MISSED)


def test_strict_comparison_at_the_exact_threshold(world):
    t3 = world.targets["t3"]
    t3.comparison = "gt"  # "trên 40%": 40% exactly is not enough
    assert evaluate_target(t3, day=D(2019, 1, 1)).status == TargetStatus.MISSED


def test_targets_during_and_before_their_period(world):
    t = world.targets
    during = evaluate_target(t["t3"], day=D(2017, 6, 30))
    assert (during.as_of, during.actual, during.status) == (D(2017, 6, 30), Decimal(0), TargetStatus.BEHIND)
    on_track = evaluate_target(t["t3"], day=D(2018, 12, 30))
    assert (on_track.actual, on_track.status) == (Decimal("20.00"), TargetStatus.BEHIND)
    before = evaluate_target(t["t4"], day=D(2018, 6, 30))
    assert before.status == TargetStatus.NOT_STARTED
    assert (
        evaluate_target(t["t4"], day=D(2019, 7, 1)).status == TargetStatus.ON_TRACK
    )  # p2 at level 4 that day


def test_period_boundary_day_closes_the_period(world):
    t3 = world.targets["t3"]
    assert evaluate_target(t3, day=D(2018, 12, 31)).status == TargetStatus.MET
    assert evaluate_target(t3, day=D(2018, 12, 30)).status == TargetStatus.BEHIND
    # A later record (p4 on 1/1/2019) does not change a closed period.
    assert evaluate_target(t3, day=D(2019, 1, 1)).actual == Decimal("40.00")


def test_targets_for_one_agency(world):
    a = world.agencies["a"].pk
    share = evaluate_target(world.targets["t3"], day=D(2019, 1, 1), agency_id=a)
    assert (share.numerator, share.denominator, share.actual, share.status) == (
        1,
        2,
        Decimal("50.00"),
        TargetStatus.MET,
    )
    count = evaluate_target(world.targets["t2"], day=D(2019, 1, 1), agency_id=a)
    assert count.status == TargetStatus.NOT_APPLICABLE
    one_stop = evaluate_target(world.targets["t5"], day=D(2019, 1, 1), agency_id=a)
    assert one_stop.status == TargetStatus.NOT_APPLICABLE


def test_item_progress_over_time(world):
    def statuses(day):
        return {
            p.item.number: (p.linked, p.reached, p.status, p.done_year)
            for p in item_progress(world.roadmap, day=day)
        }

    assert statuses(D(2017, 12, 31)) == {
        1: (2, 0, ItemStatus.NOT_STARTED, None),
        2: (1, 0, ItemStatus.NOT_STARTED, None),
        3: (0, 0, ItemStatus.NOT_STARTED, None),
    }
    assert statuses(D(2018, 12, 31))[1] == (2, 1, ItemStatus.IN_PROGRESS, None)
    assert statuses(D(2019, 1, 1))[1] == (2, 1, ItemStatus.LATE, None)
    assert statuses(D(2019, 7, 1))[1] == (2, 2, ItemStatus.DONE, 2019)
    later = statuses(D(2021, 1, 1))
    assert later[2] == (1, 0, ItemStatus.LATE, None)  # level 3 does not fulfil a level-4 item
    assert later[3] == (0, 0, ItemStatus.LATE, None)


def test_item_links_know_the_year_each_procedure_reached_the_target(world):
    progress = item_progress(world.roadmap, day=D(2021, 1, 1), with_links=True)
    first = next(p for p in progress if p.item.number == 1)
    reached = {link.procedure.code: (link.level, link.reached_on) for link in first.links}
    assert reached == {"1.000001": (3, D(2018, 3, 1)), "1.000002": (4, D(2019, 7, 1))}


@pytest.mark.engine
def test_yearly_series_is_a_fixed_number_of_queries_with_the_figures_of_each_day(world):
    query = parse_query({"nam": "2020"})
    days = [D(year, 12, 31) for year in range(2015, 2021)]
    expected = {day: catalog_figures(day) for day in days}
    assert catalog_figures_on_days(days) == expected
    agency = world.agencies["b"].pk
    assert catalog_figures_on_days(days, agency_id=agency) == {
        day: catalog_figures(day, agency_id=agency) for day in days
    }
    assert one_stop_figures_on_days(days) == {day: one_stop_figures(day) for day in days}
    with CaptureQueriesContext(connection) as short:
        yearly_table(query)
    # a later roadmap year range gives more rows, not more queries
    query.roadmap.start_year = 2010
    with CaptureQueriesContext(connection) as long:
        table = yearly_table(query)
    assert len(long.captured_queries) == len(short.captured_queries) <= 2
    assert len(table.rows) > 6


@pytest.mark.engine
def test_same_day_records_and_later_records_pick_the_one_in_force(world):
    """Ties on the effective date: the record recorded last wins, as in ProcedureLevelRecord.on()."""
    p4 = world.procedures["p4"]
    ProcedureLevelRecord.objects.create(
        procedure=p4, effective_date=D(2019, 1, 1), online_level="full", complete=True
    )
    ProcedureLevelRecord.objects.create(
        procedure=p4, effective_date=D(2019, 1, 1), online_level="none", legacy_level="2", complete=False
    )
    days = [D(2018, 12, 31), D(2019, 1, 1), D(2019, 6, 30)]
    assert catalog_figures_on_days(days) == {day: catalog_figures(day) for day in days}
    # the last recorded of the two (level 2) is in force, not the toàn trình one; p2 reaches 4 in July
    assert catalog_figures_on_days(days)[D(2019, 1, 1)]["level4"] == 0
