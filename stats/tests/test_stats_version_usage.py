"""The statistics pages' figures kept by the statistics data version (docs/statistics.md, "Cache"):
the usage summary's refresh, ratings and drafts (test_stats_version.py: the catalog and roadmaps;
a separate module, as each builds its own world once)."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from dossiers.constants import Channel, DraftStatus
from dossiers.models import Dossier, Draft
from stats.services.usage_refresh import refresh_usage

from .test_stats_version import _page, assert_fresh_after

# engine: the usage refresh writes the monthly cells with INSERT … SELECT (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def usage(usage_once):
    world, dossiers, _refreshed = usage_once
    return world, dossiers


def test_a_usage_refresh(usage, client):
    _world, dossiers = usage

    def refresh():
        Dossier.objects.filter(pk=dossiers["d6"].pk).update(channel=Channel.COUNTER)
        refresh_usage(dossier_ids=[dossiers["d6"].pk])  # what the task does after a status change

    assert_fresh_after(client, reverse("stats:province"), {"nam": "2025"}, refresh)


def test_a_rating(usage, client):
    from feedback.constants import Satisfaction
    from feedback.satisfaction import rate_dossier

    _world, dossiers = usage

    def rate():
        return rate_dossier(dossier=dossiers["d5"], level=Satisfaction.NOT_SATISFIED, reason="Chậm")

    assert_fresh_after(client, reverse("stats:province"), {}, rate)


def test_drafts_are_counted_on_each_request(usage, client):
    """The online forms table counts open drafts untouched for two days: a figure time alone changes,
    so it is computed on each request (a draft written, or one growing old, shows at once)."""
    world, _dossiers = usage
    url, params = reverse("stats:agency", args=[world.agencies["a"].slug]), {"nam": "2025"}
    before = _page(client, url, params)
    draft = Draft.objects.filter(status=DraftStatus.OPEN).first()
    new = Draft.objects.create(user=draft.user, form_version=draft.form_version, data={"step": "noi-dung"})
    march = datetime.datetime(2025, 3, 7, 9, tzinfo=datetime.UTC)
    Draft.objects.filter(pk=new.pk).update(created_at=march, updated_at=timezone.now())
    started = _page(client, url, params)
    assert started != before  # one more started
    Draft.objects.filter(pk=new.pk).update(updated_at=march)  # untouched for days: abandoned now
    abandoned = _page(client, url, params)
    assert abandoned != started
    cache.clear()
    assert _page(client, url, params) == abandoned
