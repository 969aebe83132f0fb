"""The usage figures kept between requests (stats.services.figure_cache): keyed by the statistics
data version, they equal the hand-computed figures, are read again without a query, and a refresh of
the summary (the task after a status change) gives new ones at once (every other input:
test_stats_version.py)."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossiers.constants import Channel
from dossiers.models import Dossier
from stats.services.figure_cache import figure_key, stats_version
from stats.services.usage import UsagePeriod, usage_by
from stats.services.usage_refresh import refresh_usage

# engine: the summary refresh writes the monthly cells with INSERT … SELECT (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
YEAR = UsagePeriod(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
COUNTS = (
    "submitted",
    "online",
    "counter",
    "accepted",
    "refused",
    "finished",
    "on_time",
    "late",
    "open_past_due",
)


@pytest.fixture
def usage(usage_once):
    world, dossiers, _refreshed = usage_once
    return world, dossiers


def _counts(figures: dict) -> tuple:
    return tuple(figures[name] for name in COUNTS)


def test_cached_figures_equal_the_hand_computed_ones_and_cost_no_query(usage):
    world, _dossiers = usage
    alpha, beta = world.agencies["a"].pk, world.agencies["b"].pk
    expected = {  # usage_fixtures.py: d1–d4 at Alpha, d5–d6 at Beta, all online
        alpha: (4, 4, 0, 3, 1, 2, 1, 1, 1),
        beta: (2, 2, 0, 1, 0, 1, 1, 0, 1),
    }
    first = usage_by("agency", YEAR)
    assert {key: _counts(figures) for key, figures in first.items()} == expected
    assert (first[alpha]["median_days"], first[alpha]["p90_days"]) == (2, 9)
    with CaptureQueriesContext(connection) as queries:
        again = usage_by("agency", YEAR)
    assert again == first
    assert not [q for q in queries.captured_queries if "usagemonthly" in q["sql"].lower()]


def test_a_refresh_changes_the_key_and_the_figures(usage):
    world, dossiers = usage
    beta = world.agencies["b"].pk
    assert usage_by("agency", YEAR)[beta]["counter"] == 0
    version, key = stats_version(), figure_key("usage", YEAR.first, YEAR.last, None, None, "agency")
    Dossier.objects.filter(pk=dossiers["d6"].pk).update(channel=Channel.COUNTER)
    refresh_usage(dossier_ids=[dossiers["d6"].pk])  # what the task does after a status change
    assert stats_version() != version
    assert figure_key("usage", YEAR.first, YEAR.last, None, None, "agency") != key
    after = usage_by("agency", YEAR)[beta]
    assert (after["submitted"], after["online"], after["counter"], after["online_pct"]) == (2, 1, 1, 50)


def test_the_page_shows_new_figures_after_a_refresh(usage, client):
    world, dossiers = usage
    url = reverse("stats:agency", args=[world.agencies["b"].slug])

    def page() -> str:  # (each chart has an id of its own, counted per process; the form a token)
        html = client.get(url, {"nam": "2025"}).content.decode()
        return re.sub(r'chart-\d+-|name="csrfmiddlewaretoken" value="\w+"', "", html)

    before = page()
    assert page() == before  # served from the cache
    Dossier.objects.filter(pk=dossiers["d6"].pk).update(channel=Channel.COUNTER)
    refresh_usage(dossier_ids=[dossiers["d6"].pk])
    after = page()
    assert after != before
    cache.clear()  # nothing kept: the page computed afresh is the same
    assert page() == after
