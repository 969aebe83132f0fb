"""The two detailed ministry files of ../shared/data/catalog, each imported once for the whole module.

The defence file (207 records) is imported first, by a module fixture, and checked alone; the national
file (2,642 records, the long import) is imported once on top of it, and every other test reads those
same pages: the importer's checks (import, re-import unchanged, export → import round trip, a sound
page tree) and the search quality targets on the real evaluation sets. Both imports are rolled back at
the end of the module; what a test writes is undone after it (its own savepoint).
"""

import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from conftest import shared_file
from procedures.constants import ImplementationLevel
from procedures.importer import import_files
from procedures.importer.parsers import parse_levels
from procedures.importer.report import ImportReport
from procedures.models import LegalBasis, ProcedureChannel, ProcedurePage
from procedures.tests.module_db import rolled_back

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]


@dataclass(frozen=True)
class Imported:
    path: Path
    records: list[dict]
    report: ImportReport

    @property
    def codes(self) -> set[str]:
        return {record["ma_thu_tuc"] for record in self.records}

    def pages(self):
        return ProcedurePage.objects.filter(code__in=self.codes)


def read_records(path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assert_round_trip(tmp_path, expected_pages: int) -> None:
    revisions = Revision.objects.count()
    exported = tmp_path / "export.jsonl"
    call_command("export_procedures", "--output", str(exported), stdout=io.StringIO())
    assert sum(1 for _ in exported.open(encoding="utf-8")) == expected_pages
    report = import_files([exported])
    assert (report.imported, report.updated, report.unchanged, report.errors) == (0, 0, expected_pages, [])
    assert Revision.objects.count() == revisions


@pytest.fixture(scope="module")
def defence(django_db_setup, django_db_blocker):
    path = shared_file("catalog/defence-ministry-207.jsonl")
    with rolled_back(django_db_blocker):
        yield Imported(path, read_records(path), import_files([path]))


@pytest.fixture(scope="module")
def national(defence, django_db_blocker):
    """The national file imported on top of the defence file (their codes are disjoint)."""
    path = shared_file("catalog/national-ministries-2642.jsonl")
    with rolled_back(django_db_blocker):
        yield Imported(path, read_records(path), import_files([path]))


@pytest.mark.engine
def test_defence_file(defence, tmp_path):
    records, report = defence.records, defence.report
    assert (report.imported, report.errors) == (len(records), [])
    pages = defence.pages()
    assert pages.count() == len(records)
    rows = sum(len(record["can_cu_phap_ly"]) for record in records)
    assert LegalBasis.objects.filter(page__in=pages).count() == rows > 0
    assert not pages.exclude(legal_basis_text="").exists()
    assert ProcedureChannel.objects.filter(page__in=pages, fee_text="Phí : 0 Đồng", fee_amount=0).exists()
    # Alone in the module's database unless the national file was imported already (test order).
    assert_round_trip(tmp_path, ProcedurePage.objects.count())


@pytest.mark.slow
@pytest.mark.engine
def test_national_file_imports_and_reimports_unchanged(national):
    records, report = national.records, national.report
    assert report.errors == [] and report.skipped == []
    pages = national.pages()
    assert report.imported == len(records) == pages.count()

    channels = [channel for record in records for channel in record["cach_thuc_thuc_hien"]]
    stored = ProcedureChannel.objects.filter(page__in=pages)
    assert stored.count() == len(channels)
    glued = [channel for channel in channels if channel.get("thoi_han_phi_dinh_lien")]
    assert stored.exclude(unsplit_text="").count() == len(glued) > 0
    unitless = [channel for channel in channels if re.fullmatch(r"\d+", channel["thoi_han"].strip())]
    stored_unitless = stored.filter(time_limit_text__regex=r"^[0-9]+$")
    assert stored_unitless.count() == len(unitless) > 0
    assert not stored_unitless.filter(time_limit_value__isnull=False).exists()
    with_unit = stored.exclude(time_limit_text="").exclude(time_limit_text__regex=r"^[0-9]+$")
    assert not with_unit.filter(time_limit_value__isnull=True).exists()  # every "N unit" was parsed
    assert stored.filter(fee_text="Miễn phí", fee_amount=0).exists()

    # levels: case-insensitive labels all mapped, none lost
    expected_levels = Counter(code for record in records for code in parse_levels(record["cap_thuc_hien"])[0])
    stored_levels = Counter(
        ProcedurePage.levels.through.objects.filter(procedurepage__in=pages).values_list(
            "implementationlevelrecord__code", flat=True
        )
    )
    assert stored_levels == expected_levels and ImplementationLevel.DISTRICT not in stored_levels

    # one known record, field by field
    page = ProcedurePage.objects.get(code="1.000178")
    source = next(record for record in records if record["ma_thu_tuc"] == "1.000178")
    assert page.official_name == source["ten_thu_tuc"] and page.field.name == source["linh_vuc"]
    assert page.implementing_agency.name == source["co_quan_thuc_hien"]
    assert [c.label for c in page.channels.all()] == [
        c["hinh_thuc_nop"] for c in source["cach_thuc_thuc_hien"]
    ]
    assert page.url_path == f"{page.get_parent().url_path}{page.slug}/" and page.slug == "1-000178"

    # the incomplete list is the pages' own missing_info (computed by the one definition)
    incomplete = {code for code, _title, _missing in report.incomplete}
    stored_incomplete = {code for code, missing in pages.values_list("code", "missing_info") if missing}
    assert incomplete == stored_incomplete and incomplete

    revisions = Revision.objects.count()
    again = import_files([national.path])
    assert (again.imported, again.updated, again.unchanged, again.errors) == (0, 0, len(records), [])
    assert Revision.objects.count() == revisions
    assert {code for code, _t, _m in again.incomplete} == incomplete


@pytest.mark.slow
def test_both_files_round_trip_in_a_sound_page_tree(national, defence, tmp_path):
    assert Page.find_problems() == ([], [], [], [], [])
    assert ProcedurePage.objects.count() == len(national.records) + len(defence.records)
    assert_round_trip(tmp_path, len(national.records) + len(defence.records))


# --- Search quality on the imported catalog ---------------------------------------------------------
# Targets of the search issue, all reached and asserted: keyword set R@1 ≥ 0.85 and MRR ≥ 0.90; FAQ set
# R@1 ≥ 0.90 and MRR ≥ 0.93 (measured 0.928 / 0.946 on 28 November 2026, with the ordering of level
# twins, see docs/search.md); stripping diacritics changes no score by more than 0.02. Only quality is
# asserted here, never time.
FAQ_TARGET_R1, FAQ_TARGET_MRR = 0.90, 0.93
FAQ_KEYS = {"query_key": "question", "gold_key": "ma_thu_tuc_khop_trong_bo_du_lieu"}


@pytest.fixture
def search_engine():
    """The starting synonyms (re-created if another app's test flushed them) and a new engine, whose
    in-memory index is loaded from this module's database."""
    from importlib import import_module

    from django.apps import apps

    from search import presentation
    from search.engines import reset_engine

    import_module("search.migrations.0002_starting_synonyms").create(apps, None)
    reset_engine()
    presentation.clear_names_cache()
    yield
    reset_engine()
    presentation.clear_names_cache()


@pytest.mark.slow
def test_evaluation_sets_on_the_imported_catalog(national, search_engine):
    from search.evaluation import evaluate, load_cases

    keywords = shared_file("eval/keyword-queries-dev.jsonl")
    faq = shared_file("eval/faq-labeled-169.jsonl")
    reports = {}
    for name, path, keys in (("keywords", keywords, {}), ("faq", faq, FAQ_KEYS)):
        for strip in (False, True):
            cases, _skipped = load_cases(path, strip=strip, **keys)
            reports[name, strip] = evaluate(cases)
            print(name, "no diacritics" if strip else "as given", reports[name, strip].line())

    kw, faq_report = reports["keywords", False], reports["faq", False]
    assert kw.n == 30 and faq_report.n == 138
    assert kw.recall_at_1 >= 0.85 and kw.mrr >= 0.90  # the target
    assert kw.recall_at_10 >= 0.95
    assert faq_report.recall_at_1 >= FAQ_TARGET_R1 and faq_report.mrr >= FAQ_TARGET_MRR  # the target
    assert faq_report.recall_at_10 >= 0.95
    for name in ("keywords", "faq"):
        given, stripped = reports[name, False], reports[name, True]
        for metric in ("recall_at_1", "recall_at_10", "mrr"):
            assert abs(getattr(given, metric) - getattr(stripped, metric)) <= 0.02, (name, metric)
