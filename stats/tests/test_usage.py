"""Usage figures and the Decision 766 index on a hand-computed set of dossiers (usage_fixtures.py)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from stats.models import DossierUsage
from stats.services import parse_query
from stats.services.index766 import evaluate_766, index766_table
from stats.services.usage import UsagePeriod, percentile, usage_by
from stats.services.usage_refresh import rebuild_monthly, refresh_usage, working_days_between
from stats.services.usage_tables import usage_table
from stats.tasks import refresh_usage_task
from workdays.models import Holiday
from workdays.services import Calendar

# engine: raw SQL, JSON keys and date extraction in the statistics (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
D = datetime.date
YEAR_2025 = UsagePeriod(D(2025, 1, 1), D(2025, 12, 31))


@pytest.fixture
def usage(usage_once):
    world, dossiers, refreshed = usage_once
    assert refreshed == 6
    return world, dossiers


def test_summary_rows(usage):
    _, d = usage
    rows = {r.dossier_id: r for r in DossierUsage.objects.all()}
    r1, r2, r3, r4 = (rows[d[k].pk] for k in ("d1", "d2", "d3", "d4"))
    assert (r1.accepted_on, r1.finished_on, r1.on_time, r1.processing_days) == (
        D(2025, 3, 3),
        D(2025, 3, 5),
        True,
        2,
    )
    assert (r2.on_time, r2.processing_days) == (False, 9)
    assert (r3.closed, r3.on_time, r3.finished_on) == (False, None, None)
    assert (r4.refused, r4.closed) == (True, True)
    assert rows[d["d5"].pk].processing_days == 3
    assert r1.month == D(2025, 3, 1)


def test_refresh_is_idempotent_and_follows_status_changes(usage):
    _, d = usage
    assert refresh_usage() == 6 and DossierUsage.objects.count() == 6
    from dossiers.models import StatusChange

    StatusChange.objects.create(
        dossier=d["d3"], status="9", at=datetime.datetime(2025, 3, 20, 9, tzinfo=datetime.UTC)
    )
    refresh_usage_task.enqueue(dossier_ids=[d["d3"].pk])  # immediate backend in tests
    row = DossierUsage.objects.get(dossier=d["d3"])
    assert (row.finished_on, row.on_time, row.processing_days) == (D(2025, 3, 20), False, 8)


def test_a_status_change_refreshes_the_summary_after_commit(usage, django_capture_on_commit_callbacks):
    """stats.signals: recording a status change enqueues the refresh of that dossier once committed."""
    _, d = usage
    from dossiers.models import StatusChange

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StatusChange.objects.create(
            dossier=d["d3"], status="9", at=datetime.datetime(2025, 3, 20, 9, tzinfo=datetime.UTC)
        )
        # not refreshed before the commit
        assert DossierUsage.objects.get(dossier=d["d3"]).finished_on is None
    assert callbacks  # at the commit the task ran (immediate backend in tests)
    row = DossierUsage.objects.get(dossier=d["d3"])
    assert (row.finished_on, row.on_time, row.processing_days) == (D(2025, 3, 20), False, 8)
    assert DossierUsage.objects.get(dossier=d["d1"]).finished_on == D(2025, 3, 5)  # others untouched


def test_usage_for_the_province_an_agency_and_by_month(usage):
    world, _ = usage
    province = usage_by("all", YEAR_2025)[None]
    assert {k: province[k] for k in ("submitted", "online", "counter", "accepted", "refused", "finished")} == {
        "submitted": 6, "online": 6, "counter": 0, "accepted": 4, "refused": 1, "finished": 3,
    }  # fmt: skip
    assert (province["on_time"], province["late"], province["open_past_due"]) == (2, 1, 2)
    assert (province["median_days"], province["p90_days"]) == (3, 9)
    assert province["online_pct"] is None  # no counter dossiers recorded: no share
    alpha = usage_by("agency", YEAR_2025)[world.agencies["a"].pk]
    assert (alpha["submitted"], alpha["finished"], alpha["median_days"], alpha["p90_days"]) == (4, 2, 2, 9)
    months = usage_by("month", YEAR_2025)
    assert {k: v["submitted"] for k, v in months.items()} == {D(2025, 3, 1): 4, D(2025, 4, 1): 2}


def test_open_in_time_depends_on_the_period_end(usage):
    april = UsagePeriod(D(2024, 5, 1), D(2025, 4, 3))
    figures = usage_by("all", april)[None]
    assert (figures["open_past_due"], figures["open_in_time"]) == (1, 1)  # d3 past due, d6 still in time


@pytest.mark.parametrize(
    "histogram,p50,p90",
    [
        ([], None, None),
        ([(5, 1)], 5, 5),
        ([(2, 1), (3, 1), (9, 1)], 3, 9),
        ([(1, 9), (10, 1)], 1, 1),
        ([(1, 8), (10, 2)], 1, 10),
    ],
)
def test_nearest_rank_percentile(histogram, p50, p90):
    assert (percentile(histogram, 0.5), percentile(histogram, 0.9)) == (p50, p90)


def test_working_days_skip_weekends_and_holidays():
    Holiday.objects.create(date=D(2025, 4, 30), name="Ngày Giải phóng miền Nam")
    calendar = Calendar(D(2025, 4, 1))
    assert (
        working_days_between(calendar, D(2025, 4, 25), D(2025, 5, 2)) == 4
    )  # 28, 29, (30 off), 1/5 is a weekday
    assert working_days_between(calendar, D(2025, 3, 3), D(2025, 3, 3)) == 0


def test_decision_766_on_the_fixture(usage):
    results = {r.code: r for r in evaluate_766(YEAR_2025)}
    timeliness = results["2.1"]
    assert (timeliness.numerator, timeliness.denominator, timeliness.points) == (2, 5, Decimal("8.00"))
    complete = results["1.3"]  # 4 procedures in force on 31/12/2025, all complete
    assert (complete.numerator, complete.denominator, complete.points) == (4, 4, Decimal("2.00"))
    assert results["1.1"].points is None and "thời hạn" in results["1.1"].reason
    assert results["4.1"].points is None and "trực tiếp" in results["4.1"].reason
    assert results["5.1"].points is None  # no ratings: no score, not 0
    table = index766_table(parse_query({"nam": "2025"}))
    province = table.rows[0]
    assert (province["g1"], province["g2"], province["g3"], province["total"], province["possible"]) == (
        Decimal("2.00"), Decimal("8.00"), None, Decimal("10.00"), Decimal(22),
    )  # fmt: skip


def test_decision_766_per_agency_hand_computed_and_batched_like_single(usage):
    """The province table computes every agency in grouped queries: same numbers as one agency alone.

    Summary rows adjusted by hand: d2 and d3 belong to p2 (toàn trình since 2019), d3 came at the
    counter. Alpha: timeliness d1 on time / (d1, d2 late, d3 open past due) = 1/3 → 6.67; complete
    p1, p2 = 2/2 → 2.00; online toàn trình d2 / (d2, d3) = 1/2 → 12 × 0.5 = 6.00. Beta: timeliness
    d5 / (d5, d6 open past due on 31/12) = 1/2 → 10.00; complete p3, p4 → 2.00; no counter dossier
    → 4.1 not computed. Province: 4.1 = 1/2 → 6.00."""
    world, d = usage
    from stats.constants import Channel
    from stats.services.index766 import evaluate_766_by_agency

    p2 = world.procedures["p2"]
    DossierUsage.objects.filter(dossier__in=[d["d2"], d["d3"]]).update(procedure=p2)
    DossierUsage.objects.filter(dossier=d["d3"]).update(channel=Channel.COUNTER)
    rebuild_monthly()  # the monthly cells follow the hand-edited summary rows
    alpha, beta = world.agencies["a"], world.agencies["b"]

    def points(results):
        return {r.code: r.points for r in results if r.points is not None}

    assert points(evaluate_766(YEAR_2025, agency_id=alpha.pk)) == {
        "1.3": Decimal("2.00"), "2.1": Decimal("6.67"), "4.1": Decimal("6.00"),
    }  # fmt: skip
    assert points(evaluate_766(YEAR_2025, agency_id=beta.pk)) == {
        "1.3": Decimal("2.00"),
        "2.1": Decimal("10.00"),
    }
    assert points(evaluate_766(YEAR_2025))["4.1"] == Decimal("6.00")
    batched = evaluate_766_by_agency(YEAR_2025)
    for agency in (alpha, beta):
        single = evaluate_766(YEAR_2025, agency_id=agency.pk)
        assert [(r.code, r.numerator, r.denominator, r.points, r.reason) for r in batched[agency.pk]] == [
            (r.code, r.numerator, r.denominator, r.points, r.reason) for r in single
        ]
    rows = {row["name"]: row for row in index766_table(parse_query({"nam": "2025"})).rows}
    assert (rows["Sở Alpha"]["g1"], rows["Sở Alpha"]["g2"], rows["Sở Alpha"]["g4"]) == (
        Decimal("2.00"), Decimal("6.67"), Decimal("6.00"),
    )  # fmt: skip
    assert (rows["Sở Beta"]["g2"], rows["Sở Beta"]["g4"], rows["Sở Beta"]["total"]) == (
        Decimal("10.00"), None, Decimal("12.00"),
    )  # fmt: skip
    assert rows["Toàn tỉnh"]["g4"] == Decimal("6.00")


def test_satisfaction_group_uses_the_feedback_definition(usage):
    from feedback.constants import Satisfaction
    from feedback.satisfaction import rate_dossier

    _, d = usage
    rate_dossier(dossier=d["d1"], level=Satisfaction.VERY_SATISFIED)
    rate_dossier(dossier=d["d2"], level=Satisfaction.NOT_SATISFIED, reason="Trễ hẹn")
    today = datetime.date.today()
    results = {r.code: r for r in evaluate_766(UsagePeriod(today.replace(month=1, day=1), today))}
    assert results["5.1"].points == Decimal("9.00")  # 18 × 1/2


def test_forms_completion_and_stop_step(usage, client):
    rows = _csv(client.get(reverse("stats:export", args=["bieu-mau", "csv"]), {"nam": "2025"}))
    header, first = rows[0], rows[1]
    assert first[header.index("Bắt đầu điền")] == "3" and first[header.index("Đã nộp")] == "2"
    assert first[header.index("Tỷ lệ hoàn thành (%)")] == "66.67"
    assert first[header.index("Bước dừng nhiều nhất")] == "Người nộp (1)"


def test_usage_pages_and_exports_agree(usage, client):
    html = client.get(reverse("stats:province"), {"nam": "2025"}).content.decode()
    assert "Sử dụng theo cơ quan" in html and "Chỉ số phục vụ" in html
    rows = _csv(client.get(reverse("stats:export", args=["su-dung-co-quan", "csv"]), {"nam": "2025"}))
    header = rows[0]
    alpha = next(r for r in rows[1:] if r[0] == "Sở Alpha")
    assert alpha[header.index("Hồ sơ nộp")] == "4" and alpha[header.index("Trễ hạn")] == "1"
    table = usage_table(parse_query({"nam": "2025"}), group="procedure")
    first = next(r for r in table.rows if r["name"].startswith("1.000001"))
    assert first["legal_limit"] == 5  # "5 ngày làm việc" on the procedure's channel
    agency = client.get(reverse("stats:agency", args=["so-alpha"]), {"nam": "2025"}).content.decode()
    assert "Sử dụng theo thủ tục" in agency and "1.000001" in agency
    procedure = client.get(reverse("stats:procedure", args=["1.000001"]), {"nam": "2025"})
    assert procedure.status_code == 200 and "Sử dụng theo tháng" in procedure.content.decode()
    detail = client.get("/du-lieu-mo/v1/thong-ke/chi-so-766-chi-tiet.json", {"nam": "2025"}).json()
    assert {row["code"] for row in detail["rows"]} >= {"1.1", "2.1", "5.1"}


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_staff_drill_down_from_a_usage_count_to_its_dossiers(usage, client):
    from django.contrib.auth.models import Group, User

    from roadmap.constants import MONITOR_GROUP_NAME

    _, d = usage
    monitor = User.objects.create_user("giamsat", password="x")
    monitor.groups.add(Group.objects.get(name=MONITOR_GROUP_NAME))
    client.force_login(monitor)
    dashboard = client.get(reverse("stats_admin:dashboard"), {"nam": "2025"}).content.decode()
    assert "/admin/thong-ke/ho-so/?" in dashboard
    late = client.get(reverse("stats_admin:dossiers"), {"nam": "2025", "chi_so": "late"})
    assert [r.dossier_id for r in late.context["page_obj"]] == [d["d2"].pk]
    html = late.content.decode()
    assert d["d2"].code in html and "Nguyễn Văn A" not in html  # no applicant data
    past_due = client.get(
        reverse("stats_admin:dossiers"), {"nam": "2025", "chi_so": "open_past_due", "co_quan": "so-beta"}
    )
    assert [r.dossier_id for r in past_due.context["page_obj"]] == [d["d6"].pk]
