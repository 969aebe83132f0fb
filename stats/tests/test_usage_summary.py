"""The usage summary's two refresh paths and its monthly cells (issue 8): the set-based full rebuild
writes exactly the rows the per-dossier refresh writes; the monthly cells give the same counts as the
dossiers' rows under the same conditions; the task keeps the cells in step (a dossier moving between
cells)."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count

from dossiers.constants import DossierStatus
from dossiers.models import Dossier, StatusChange
from procedures.tests.module_db import rolled_back
from stats.constants import Channel
from stats.models import DossierUsage, UsageMonthly
from stats.services.usage import UsagePeriod, monthly_rows, monthly_sums, usage_by, usage_filters
from stats.services.usage_refresh import rebuild_monthly, refresh_usage
from stats.tasks import refresh_usage_task
from workdays.constants import DayKind
from workdays.models import Holiday

from .fixtures import build_world, reload, reload_world
from .usage_fixtures import at, build_usage, make_dossier

# engine: the usage rebuild is one raw statement per engine (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
D = datetime.date
S = DossierStatus
COLUMNS = [f.attname for f in DossierUsage._meta.concrete_fields if f.name != "refreshed_at"]


def _rows() -> list[tuple]:
    return sorted(DossierUsage.objects.order_by("dossier_id").values_list(*COLUMNS))


def _cells() -> list[tuple]:
    fields = [f.attname for f in UsageMonthly._meta.concrete_fields if f.name != "id"]
    return sorted(UsageMonthly.objects.values_list(*fields), key=repr)


def build_usage_with_exceptions():
    world = build_world()
    dossiers = build_usage(world)
    # The calendar's exceptions: a weekday holiday inside d2's processing time, a make-up Saturday
    # inside d5's, a holiday on a Sunday (changes nothing), a make-up Wednesday (changes nothing).
    Holiday.objects.create(date=D(2025, 3, 12), name="Nghỉ lễ thử")
    Holiday.objects.create(date=D(2025, 4, 5), name="Làm bù thử", kind=DayKind.MAKEUP)
    Holiday.objects.create(date=D(2025, 3, 16), name="Lễ vào Chủ nhật")
    Holiday.objects.create(date=D(2025, 3, 13), name="Làm bù ngày thường", kind=DayKind.MAKEUP)
    p1, p3 = world.procedures["p1"], world.procedures["p3"]
    a, b = world.agencies["a"], world.agencies["b"]
    v1, v3 = dossiers["d1"].form_version, dossiers["d5"].form_version
    extra = {
        # finished over a weekend with a make-up Saturday; accepted late in the evening (VN date)
        "e1": make_dossier(v3, p3, b, submitted="2025-04-03", due="2025-04-09", status=S.RETURNED,
                           history=[(S.ACCEPTED, "2025-04-03"), (S.DONE, "2025-04-07"), (S.RETURNED, "2025-04-08")]),
        # stopped: closed without being finished; no due date
        "e2": make_dossier(v1, p1, a, submitted="2025-05-05", due="2025-05-09", status=S.STOPPED,
                           history=[(S.ACCEPTED, "2025-05-05"), (S.STOPPED, "2025-05-06")]),
        # finished on the day it was accepted (0 days); refused first, then finished anyway
        "e3": make_dossier(v1, p1, a, submitted="2025-05-06", due="2025-05-06", status=S.DONE,
                           history=[(S.REFUSED, "2025-05-06"), (S.ACCEPTED, "2025-05-06"), (S.DONE, "2025-05-06")]),
        # open, not accepted, submitted just before midnight Vietnam time on the last day of May
        "e4": make_dossier(v3, p3, b, submitted="2025-05-30", due="2025-06-10"),
        # finished before being accepted (start = submission date), across the New Year
        "e5": make_dossier(v3, p3, b, submitted="2024-12-30", due="2025-01-06", status=S.DONE,
                           history=[(S.DONE, "2025-01-03")]),
    }  # fmt: skip
    Dossier.objects.filter(pk=extra["e2"].pk).update(appointment_date=None)
    late_evening = datetime.datetime(
        2025, 5, 31, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    Dossier.objects.filter(pk=extra["e4"].pk).update(submitted_at=late_evening)
    Dossier.objects.filter(pk=extra["e5"].pk).update(channel=Channel.COUNTER)  # registered at the counter
    return world, {**dossiers, **extra}


@pytest.fixture(scope="module")
def _usage(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_usage_with_exceptions()


@pytest.fixture
def usage(_usage, db):
    """The world, the usage dossiers and the calendar's exceptions, built once for the module and read
    again for each test."""
    world, dossiers = _usage
    return reload_world(world), {key: reload(dossier) for key, dossier in dossiers.items()}


def test_full_rebuild_writes_the_rows_of_the_per_dossier_refresh(usage):
    _, d = usage
    ids = list(Dossier.objects.values_list("pk", flat=True))
    assert refresh_usage(dossier_ids=ids) == len(ids)  # Python, dossier by dossier
    one_by_one, cells_one_by_one = _rows(), _cells()
    assert refresh_usage() == len(ids)  # set-based SQL
    assert _rows() == one_by_one
    assert _cells() == cells_one_by_one
    rows = {r.dossier_id: r for r in DossierUsage.objects.all()}
    # hand-checked: d2 4/3 → 17/3 is 9 working days less the holiday of 12/3; e1 3/4 → 7/4 is
    # Friday 4, Saturday 5 (made up), Monday 7
    assert rows[d["d2"].pk].processing_days == 8
    assert rows[d["e1"].pk].processing_days == 3
    assert (rows[d["e2"].pk].closed, rows[d["e2"].pk].finished_on, rows[d["e2"].pk].due_date) == (
        True,
        None,
        None,
    )
    assert (rows[d["e3"].pk].refused, rows[d["e3"].pk].processing_days, rows[d["e3"].pk].on_time) == (
        True,
        0,
        True,
    )
    assert rows[d["e4"].pk].month == D(2025, 5, 1)
    assert (rows[d["e5"].pk].month, rows[d["e5"].pk].processing_days, rows[d["e5"].pk].channel) == (
        D(2024, 12, 1), 4, Channel.COUNTER,
    )  # fmt: skip


@pytest.mark.parametrize(
    "period",
    [
        UsagePeriod(D(2025, 1, 1), D(2025, 12, 31)),
        UsagePeriod(D(2024, 5, 1), D(2025, 4, 3)),
        UsagePeriod(D(2024, 7, 1), D(2025, 6, 1)),
    ],
)
def test_monthly_cells_count_what_the_dossier_rows_count(usage, period):
    """Every usage count summed over the monthly cells equals the count of DossierUsage rows under
    usage_filters() (the staff drill-down's conditions), by agency, procedure and month."""
    refresh_usage()
    first, last = period.months
    rows = DossierUsage.objects.filter(month__gte=first, month__lte=last)
    for key in ("agency_id", "procedure_id", "month"):
        direct = {
            r.pop(key): r
            for r in rows.values(key)
            .annotate(
                **{f"n_{name}": Count("pk", filter=q) for name, q in usage_filters(period.last).items()}
            )
            .order_by()
        }
        summed = {
            r.pop(key): r
            for r in monthly_rows(period)
            .values(key)
            .annotate(**{f"n_{name}": s for name, s in monthly_sums(period.last).items()})
            .order_by()
        }
        assert summed == direct
    for key, figures in usage_by("procedure", period).items():
        finished = rows.filter(procedure_id=key, processing_days__isnull=False)
        assert figures["finished"] == finished.count()


def test_the_task_moves_a_dossier_between_cells(usage):
    """A dossier whose procedure, agency or month changes leaves its old cell and joins the new one:
    after the task, the cells equal a full rebuild."""
    world, d = usage
    refresh_usage()
    dossier = d["d1"]
    Dossier.objects.filter(pk=dossier.pk).update(
        procedure=world.procedures["p3"], agency=world.agencies["b"], submitted_at=at("2025-04-02")
    )
    StatusChange.objects.create(dossier=dossier, status=S.RETURNED, at=at("2025-04-03"))
    refresh_usage_task.enqueue(dossier_ids=[dossier.pk])
    after_task = _cells()
    rebuild_monthly()
    assert after_task == _cells()
    alpha = usage_by("agency", UsagePeriod(D(2025, 3, 1), D(2025, 3, 31)))[world.agencies["a"].pk]
    assert alpha["submitted"] == 3  # d2, d3, d4 (d1 left)
    assert not UsageMonthly.objects.filter(submitted=0).exists()


def test_a_deleted_dossier_leaves_its_cell(usage, django_capture_on_commit_callbacks):
    _, d = usage
    refresh_usage()
    dossier = d["e4"]
    before = usage_by("all", UsagePeriod(D(2025, 5, 1), D(2025, 5, 31)))[None]["submitted"]
    StatusChange.objects.filter(dossier=dossier)._raw_delete(connection.alias)  # append-only model
    with django_capture_on_commit_callbacks(execute=True):  # stats.signals, after the commit
        Dossier.objects.filter(pk=dossier.pk).delete()
    assert usage_by("all", UsagePeriod(D(2025, 5, 1), D(2025, 5, 31)))[None]["submitted"] == before - 1
