"""The statistics pages' figures kept by the statistics data version (stats.services.figure_cache,
docs/statistics.md, "Cache"): for each kind of input, the page right after a change shows the new
figure and equals the page computed with an empty cache (never stale); a second request with
nothing changed runs far fewer queries."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from procedures.constants import OnlineLevel
from procedures.models import ProcedurePage
from procedures.signals import catalog_import_run
from roadmap.models import ItemProcedureLink, OneStopRecord, ProcedureLevelRecord
from roadmap.tests.factories import set_level
from stats.services.figure_cache import stats_version

# engine: the yearly series and the usage refresh run SQL written per engine (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def _page(client, url, params=None) -> str:
    # (each chart has an id of its own, counted per process; the form a token)
    response = client.get(url, params or {})
    assert response.status_code == 200
    return re.sub(r'chart-\d+-|name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())


def assert_fresh_after(client, url, params, change, *, changes=True):
    """The page is served from the cache, then right after `change` shows what an empty cache gives."""
    before = _page(client, url, params)
    assert _page(client, url, params) == before  # served from the cache
    version = stats_version()
    change()
    assert stats_version() != version
    after = _page(client, url, params)
    cache.clear()  # nothing kept: the page computed afresh
    assert _page(client, url, params) == after
    if changes:
        assert after != before


def _today():
    return timezone.localdate()


# --- a second request ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, args, params",
    [
        ("stats:province", [], {"nam": "2018"}),
        ("stats:province", [], {}),
        ("stats:agency", ["so-alpha"], {"nam": "2018"}),
        ("stats:procedure", ["1.000001"], {}),
        ("roadmap:detail", ["lo-trinh-thu"], {"nam": "2018"}),
    ],
)
def test_a_second_request_runs_far_fewer_queries(world_once, client, name, args, params):
    url = reverse(name, args=args)
    with CaptureQueriesContext(connection) as first:
        before = _page(client, url, params)
    with CaptureQueriesContext(connection) as second:
        again = _page(client, url, params)
    assert again == before
    assert len(second) <= len(first) // 2, (len(first), len(second))


def test_a_second_export_runs_no_figure_query(world_once, client):
    url = reverse("stats:export", args=["co-quan", "csv"])
    first = client.get(url, {"nam": "2018"}).content
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"nam": "2018"}).content == first
    assert not [q for q in queries.captured_queries if "procedurelevelrecord" in q["sql"].lower()]


# --- procedure pages and their level history -------------------------------------------------------


def test_publishing_a_procedure_page_with_a_new_level(world_once, client):
    page = ProcedurePage.objects.get(pk=world_once.procedures["p4"].pk)

    def publish():
        page.online_level = OnlineLevel.FULL
        page.save_revision().publish()  # page_published: a level record from today

    assert_fresh_after(client, reverse("stats:province"), {}, publish)


def test_a_level_record_entered_by_a_monitor(world_once, client):
    p3 = world_once.procedures["p3"]
    assert_fresh_after(
        client,
        reverse("stats:procedure", args=[p3.code]),
        {},
        lambda: set_level(p3, _today(), online_level=OnlineLevel.FULL),
    )


def test_a_level_record_deleted(world_once, client):
    p3 = world_once.procedures["p3"]
    record = ProcedureLevelRecord.objects.get(procedure=p3, effective_date=datetime.date(2018, 12, 31))
    assert_fresh_after(client, reverse("stats:province"), {"nam": "2018"}, record.delete)


def test_unpublishing_a_procedure_page(world_once, client):
    page = ProcedurePage.objects.get(pk=world_once.procedures["p1"].pk)
    assert_fresh_after(client, reverse("stats:province"), {}, page.unpublish)


def test_a_catalog_import_writing_without_model_signals(world_once, client):
    p1, beta = world_once.procedures["p1"], world_once.agencies["b"]

    def import_run():  # the importer writes with bulk_create and raw SQL, then sends catalog_imported
        with catalog_import_run(sender=None) as page_ids:
            ProcedurePage.objects.filter(pk=p1.pk).update(implementing_agency=beta)
            page_ids.add(p1.pk)

    assert_fresh_after(client, reverse("stats:agency", args=["so-alpha"]), {}, import_run)


# --- roadmaps, one-stop records, agencies --------------------------------------------------------------


def test_a_roadmap_target_edited(world_once, client):
    target = world_once.targets["t3"]

    def edit():
        target.threshold = 10
        target.save()

    url = reverse("roadmap:detail", args=[world_once.roadmap.slug])
    assert_fresh_after(client, url, {"nam": "2018"}, edit)

    def edit_again():
        target.threshold = 60
        target.save()

    assert_fresh_after(client, reverse("stats:province"), {"nam": "2018"}, edit_again)


def test_a_roadmap_item_edited_and_linked(world_once, client):
    item, p4 = world_once.items["i3"], world_once.procedures["p4"]
    url = reverse("roadmap:detail", args=[world_once.roadmap.slug])

    def rename():
        item.service = "Dịch vụ đã đổi tên"
        item.save()

    assert_fresh_after(client, url, {"nam": "2020"}, rename)

    def link():
        return ItemProcedureLink.objects.create(item=item, procedure=p4, confirmed_at=timezone.now())

    assert_fresh_after(client, url, {"nam": "2020"}, link)
    assert_fresh_after(
        client, url, {"nam": "2020"}, lambda: ItemProcedureLink.objects.filter(item=item).delete()
    )


def test_a_one_stop_record(world_once, client):
    gamma = world_once.agencies["c"]

    def add():
        return OneStopRecord.objects.create(
            agency=gamma, effective_date=datetime.date(2018, 1, 1), running=True
        )

    assert_fresh_after(client, reverse("stats:province"), {"nam": "2018"}, add)


def test_an_agency_renamed(world_once, client):
    alpha = world_once.agencies["a"]

    def rename():
        alpha.name = "Sở Alpha Mới"
        alpha.save()

    assert_fresh_after(client, reverse("stats:province"), {"nam": "2018"}, rename)


def test_exports_and_open_data_follow_a_change(world_once, client):
    target = world_once.targets["t3"]
    for url in (
        reverse("stats:export", args=["muc-tieu", "csv"]),
        reverse("opendata:statistics", args=["muc-tieu", "json"]),
    ):
        before = client.get(url, {"nam": "2018"}).content
        target.threshold = target.threshold + 1
        target.save()
        after = client.get(url, {"nam": "2018"}).content
        assert after != before
        cache.clear()
        fresh = client.get(url, {"nam": "2018"}).content

        def strip(body):
            return re.sub(rb'"generated_at": "[^"]+"', b"", body)

        assert strip(fresh) == strip(after)
