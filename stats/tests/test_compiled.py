"""CompiledQuery (stats.services.compiled): a statistics query compiled once gives, for any values,
exactly the rows the ORM gives when it builds the same query afresh; values written into the SQL
text are refused; None values give their own compiled form."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, Max, Sum
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext

from dossiers.models import Dossier, Draft
from feedback.constants import Satisfaction
from feedback.models import ServiceRating
from feedback.satisfaction import rate_dossier
from stats.models import UsageMonthly
from stats.services.compiled import CompiledQuery
from stats.services.figures import _build_by_agency, _build_one_stop_running
from stats.services.index766 import _build_ratings
from stats.services.items import _build_item_counts
from stats.services.usage import _build_form_starts, _build_form_stops, _build_sums, monthly_sums

# engine: compiled queries and vendor SQL in the statistics (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
D = datetime.date


@pytest.fixture
def usage(usage_once):
    world, _dossiers, _refreshed = usage_once
    return world


def _sorted(rows):
    return sorted(rows, key=repr)


@pytest.mark.parametrize("key", ["agency_id", "month", "procedure_id", None])
def test_usage_sums_equal_the_orm_for_every_period_and_scope(usage, key):
    compiled = CompiledQuery(lambda **values: _build_sums(key=key, **values))
    alpha = usage.agencies["a"].pk
    cases = [
        dict(
            first=D(2025, 1, 1), last=D(2025, 12, 1), as_of=D(2025, 12, 31), agency_id=None, procedure_id=None
        ),
        dict(
            first=D(2025, 3, 1), last=D(2025, 3, 1), as_of=D(2025, 3, 12), agency_id=None, procedure_id=None
        ),
        dict(
            first=D(2025, 1, 1), last=D(2025, 12, 1), as_of=D(2025, 4, 1), agency_id=alpha, procedure_id=None
        ),
        dict(
            first=D(2024, 1, 1),
            last=D(2024, 12, 1),
            as_of=D(2024, 12, 31),
            agency_id=alpha,
            procedure_id=None,
        ),
    ]
    seen_rows = False
    for values in cases:
        expected = list(_build_sums(key=key, **values))
        got = compiled.rows(**values)
        assert _sorted(got) == _sorted(expected), values
        seen_rows = seen_rows or bool(got)
    assert seen_rows, "the fixture should give rows"
    if key == "month":  # Django's converters ran: dates, not the strings SQLite returns
        assert all(isinstance(row["month"], datetime.date) for row in compiled.rows(**cases[0]))


def test_catalog_and_item_queries_equal_the_orm(usage):
    by_agency = CompiledQuery(_build_by_agency)
    for day in (D(2015, 12, 31), D(2018, 12, 31), D(2019, 1, 1), D(2025, 6, 30)):
        assert _sorted(by_agency.rows(day=day)) == _sorted(_build_by_agency(day=day))
    running = CompiledQuery(_build_one_stop_running)
    found = 0
    for day in (D(2015, 12, 31), D(2017, 6, 30), D(2019, 1, 1), D(2025, 6, 30)):
        rows = running.rows(day=day)
        assert _sorted(rows) == _sorted(_build_one_stop_running(day=day))
        found += len(rows)
    assert found, "the world has one-stop records"
    counts = CompiledQuery(_build_item_counts)
    roadmap = usage.roadmap
    agency_ids = [None, *[a.pk for a in usage.agencies.values()]]
    for day in (D(2017, 12, 31), D(2018, 12, 31), D(2025, 1, 1)):
        for agency_id in agency_ids:
            values = dict(day=day, roadmap_id=roadmap.pk, agency_id=agency_id)
            assert _sorted(counts.rows(**values)) == _sorted(_build_item_counts(**values))


def test_draft_and_rating_queries_with_datetimes_equal_the_orm(usage):
    """Aware datetimes are placeholders too (the online forms' period and idle time)."""
    Draft.objects.update(updated_at=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))
    starts, stops = CompiledQuery(_build_form_starts), CompiledQuery(_build_form_stops)
    vn = datetime.timezone(datetime.timedelta(hours=7))
    found = 0
    for start, end in [
        ((2025, 1, 1), (2025, 12, 31)),
        ((2025, 3, 4), (2025, 3, 31)),
        ((2024, 1, 1), (2024, 12, 31)),
    ]:
        for agency_id in (None, usage.agencies["a"].pk):
            values = dict(
                start=datetime.datetime(*start, tzinfo=vn),
                end=datetime.datetime(*end, 23, 59, 59, 999999, tzinfo=vn),
                agency_id=agency_id,
            )
            assert _sorted(starts.rows(**values)) == _sorted(_build_form_starts(**values))
            idle = datetime.datetime(2025, 7, 1, tzinfo=datetime.UTC)
            got = stops.rows(idle=idle, **values)
            assert _sorted(got) == _sorted(_build_form_stops(idle=idle, **values))
            found += len(got)
    assert found, "the fixture has an abandoned draft"
    levels = [Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.NOT_SATISFIED]
    for index, dossier in enumerate(Dossier.objects.order_by("pk")[:3]):
        rating = rate_dossier(dossier=dossier, level=levels[index], reason="Chậm" if index == 2 else "")
        ServiceRating.objects.filter(pk=rating.pk).update(
            created_at=datetime.datetime(2025, 3 + index, 10, tzinfo=datetime.UTC)
        )
    for by_agency in (False, True):
        ratings = CompiledQuery(lambda by_agency=by_agency, **v: _build_ratings(by_agency=by_agency, **v))
        for first, last, agency_id in [
            (D(2025, 1, 1), D(2025, 12, 31), None),
            (D(2025, 4, 1), D(2025, 12, 31), None),
            (D(2025, 1, 1), D(2025, 12, 31), usage.agencies["a"].pk),
        ]:
            values = dict(first=first, last=last, agency_id=agency_id)
            expected = list(_build_ratings(by_agency=by_agency, **values))
            assert sum(r["very"] + r["satisfied"] + r["not_satisfied"] for r in expected) > 0
            assert _sorted(ratings.rows(**values)) == _sorted(expected)


def test_compiled_once_per_shape_then_only_run(usage):
    calls = []

    def build(**values):
        calls.append(values)
        return _build_sums(key="agency_id", procedure_id=None, **values)

    compiled = CompiledQuery(build)
    year = dict(first=D(2025, 1, 1), last=D(2025, 12, 1), as_of=D(2025, 12, 31))
    compiled.rows(agency_id=None, **year)
    compiled.rows(agency_id=None, first=D(2025, 3, 1), last=D(2025, 3, 1), as_of=D(2025, 3, 31))
    assert len(calls) == 1
    with CaptureQueriesContext(connection) as queries:
        compiled.rows(agency_id=usage.agencies["a"].pk, **year)  # a filter more: another shape
    assert len(calls) == 2 and len(queries) == 1
    compiled.rows(agency_id=usage.agencies["b"].pk, **year)
    assert len(calls) == 2


def test_values_written_into_the_sql_or_of_unknown_types_are_refused(usage):
    inlined = CompiledQuery(
        lambda *, day: (
            UsageMonthly.objects.filter(month__lte=RawSQL(f"'{day.isoformat()}'", []))
            .values("agency_id")
            .annotate(n=Count("id"))
        )
    )
    with pytest.raises(ValueError, match="day"):
        inlined.rows(day=D(2025, 1, 1))
    plain = CompiledQuery(lambda *, name: UsageMonthly.objects.filter(channel=name).values("id"))
    with pytest.raises(TypeError):
        plain.rows(name="online")
    with pytest.raises(TypeError):  # a naive datetime: which time zone would it be in?
        CompiledQuery(lambda *, at: UsageMonthly.objects.values("id")).rows(at=datetime.datetime(2025, 1, 1))


def test_a_constant_equal_to_no_placeholder_is_left_alone(usage):
    """Parameters that are not placeholders (a constant 0, a channel code) keep their values."""
    compiled = CompiledQuery(
        lambda *, as_of: UsageMonthly.objects.values("channel").annotate(
            n=monthly_sums(as_of)["online"], days=Max("processing_days"), total=Sum("submitted")
        )
    )
    as_of = D(2025, 12, 31)
    expected = UsageMonthly.objects.values("channel").annotate(
        n=monthly_sums(as_of)["online"], days=Max("processing_days"), total=Sum("submitted")
    )
    assert _sorted(compiled.rows(as_of=as_of)) == _sorted(expected)
