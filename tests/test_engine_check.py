"""The watcher that fails unmarked tests touching engine-specific behaviour (tests/engine_check.py)."""

import threading

import pytest
from django.db import connection, connections

from dossiers.models import Dossier
from tests.engine_check import RECORDER, reached

pytestmark = pytest.mark.django_db


@pytest.fixture
def watch():
    """Run the recorder around a block, inside a test that is itself being watched: what the outer
    test recorded so far is put back afterwards (this module's tests are marked)."""
    saved = (set(RECORDER.features), set(RECORDER.threads), RECORDER.locks)

    class Block:
        def __enter__(self):
            RECORDER.start()
            return self

        def __exit__(self, *exc):
            self.features, self.threads, self.locks = RECORDER.stop()
            RECORDER.start()
            RECORDER.features, RECORDER.threads, RECORDER.locks = saved

    return Block


class _Item:
    """Just enough of a pytest item for `reached()`."""

    def __init__(self, **markers):
        self.markers = markers

    def get_closest_marker(self, name):
        return self.markers.get(name)


def test_orm_queries_are_not_engine_specific(watch):
    with watch() as block:
        list(Dossier.objects.filter(code__startswith="H53").order_by("-submitted_at")[:5])
        Dossier.objects.filter(code__icontains="abc").exists()
    assert block.features == set()


@pytest.mark.engine
def test_raw_sql_from_our_code_is_recorded_with_its_place(watch):
    with watch() as block, connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert [
        feature for feature in block.features if feature.startswith("raw SQL (tests/test_engine_check.py:")
    ]


@pytest.mark.engine
def test_engine_specific_lookups_and_functions_are_recorded(watch):
    from django.db.models.functions import TruncMonth, Upper

    with watch() as block:
        Dossier.objects.filter(code__icontains="Đ").exists()
        Dossier.objects.filter(code__regex=r"^H5[0-9]").exists()
        list(
            Dossier.objects.annotate(month=TruncMonth("submitted_at"), big=Upper("code")).values(
                "month", "big"
            )
        )
    assert {
        "case-insensitive match on non-ASCII text",
        "regular expression",
        "date truncation or extraction",
        "UPPER/LOWER",
    } <= block.features


@pytest.mark.engine
def test_json_key_lookups_are_recorded(watch):
    from django.db.models import JSONField, Value

    with watch() as block:
        Dossier.objects.annotate(doc=Value({"a": 1}, output_field=JSONField())).filter(doc__a=1).exists()
    assert "JSON key lookup" in block.features


@pytest.mark.engine
def test_sql_from_a_second_thread_and_locks_are_recorded(watch):
    def query():
        try:
            Dossier.objects.exists()
        finally:
            connections.close_all()

    with watch() as block:
        worker = threading.Thread(target=query)
        worker.start()
        worker.join()
        list(Dossier.objects.select_for_update().filter(pk=0))
    assert len(block.threads) == 2 and block.locks


def test_reached_names_threads_and_real_locks_but_spares_browser_tests():
    plain, transactional = _Item(), _Item(django_db=pytest.mark.django_db(transaction=True).mark)
    browser = _Item(browser=pytest.mark.browser.mark)
    assert reached(plain, set(), {1}, True) == []  # a lock inside one rolled-back transaction is a no-op
    assert reached(transactional, set(), {1}, True) == ["select_for_update with real commits"]
    assert reached(plain, {"regular expression"}, {1, 2}, False) == [
        "SQL from several threads",
        "regular expression",
    ]
    assert reached(browser, {"raw SQL (stats/services/figures.py:1)"}, {1, 2}, True) == []


def test_an_unmarked_test_that_reaches_engine_behaviour_fails(pytester):
    pytester.makepyfile(
        test_inner="""
        import pytest
        from tests.engine_check import RECORDER

        def test_unmarked():
            RECORDER.add("raw SQL (somewhere.py:1)")

        @pytest.mark.engine
        def test_marked():
            RECORDER.add("raw SQL (somewhere.py:1)")

        def test_plain():
            pass
        """
    )
    result = pytester.runpytest_inprocess(
        "-p", "tests.engine_check", "-p", "no:cacheprovider", "-p", "no:django", "-p", "no:playwright"
    )
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        ["*test_unmarked reached engine-specific behaviour: raw SQL (somewhere.py:1)*"]
    )
