"""The index files and the code list of ../shared/data/catalog through the importer (skipped with a
message when missing), each test on an empty catalog.

The two detailed ministry files are imported once, for all their tests, in test_import_ministries.py.
"""

import io
import json
from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from conftest import shared_file
from procedures.constants import OnlineLevel
from procedures.importer import import_files
from procedures.importer.parsers import normalise_code
from procedures.models import ProcedurePage

# engine: the importer's bulk path sends raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data, pytest.mark.engine]


def read_records(path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def export_to(path) -> None:
    call_command("export_procedures", "--output", str(path), stdout=io.StringIO())


def assert_round_trip(tmp_path, expected_pages: int) -> None:
    revisions = Revision.objects.count()
    exported = tmp_path / "export.jsonl"
    export_to(exported)
    assert sum(1 for _ in exported.open(encoding="utf-8")) == expected_pages
    report = import_files([exported])
    assert (report.imported, report.updated, report.unchanged, report.errors) == (0, 0, expected_pages, [])
    assert Revision.objects.count() == revisions


def test_lamdong_index(tmp_path):
    path = shared_file("catalog/lamdong-index-1299.jsonl")
    records = read_records(path)
    codes = Counter(normalise_code(record["ma_thu_tuc"])[0] for record in records)
    report = import_files([path])
    assert report.errors == []
    assert report.imported == len(codes)
    assert len(report.skipped) == sum(count - 1 for count in codes.values())
    assert all("trùng mã" in problem.message for problem in report.skipped)
    online = Counter(ProcedurePage.objects.values_list("record_online_level", flat=True))
    assert online[OnlineLevel.FULL] and online[OnlineLevel.PARTIAL] and online[OnlineLevel.NONE]
    assert ProcedurePage.levels.through.objects.filter(implementationlevelrecord__code="district").exists()
    assert len(report.incomplete) == report.imported  # an index carries no steps, dossier, ...
    assert_round_trip(tmp_path, len(codes))


def test_langson_index(tmp_path):
    path = shared_file("catalog/langson-index-1842.jsonl")
    records = read_records(path)
    tests = [
        r for r in records if r["nghi_ngo_ban_ghi_thu_nghiem"] or r["ma_thu_tuc"].upper().startswith("TEST")
    ]
    real = [r for r in records if r not in tests]
    codes = Counter(normalise_code(record["ma_thu_tuc"])[0] for record in real)
    report = import_files([path])
    assert report.errors == []
    assert report.imported == len(codes) == ProcedurePage.objects.count()
    messages = Counter("thử nghiệm" if "thử nghiệm" in p.message else "trùng" for p in report.skipped)
    assert messages == {"thử nghiệm": len(tests), "trùng": sum(count - 1 for count in codes.values())}
    assert not ProcedurePage.objects.filter(code__in=[r["ma_thu_tuc"] for r in tests]).exists()
    assert not ProcedurePage.objects.filter(code__contains=" ").exists()
    assert ProcedurePage.objects.filter(legacy_level="2").exists()
    assert_round_trip(tmp_path, len(codes))


def test_commune_codes_over_detailed_pages(tmp_path):
    national = shared_file("catalog/national-ministries-2642.jsonl")
    commune_path = shared_file("catalog/commune-codes-376.jsonl")
    commune = read_records(commune_path)
    wanted = {record["ma_thu_tuc"] for record in commune}
    subset = [record for record in read_records(national) if record["ma_thu_tuc"] in wanted]
    detailed = tmp_path / "subset.jsonl"
    detailed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in subset) + "\n", encoding="utf-8")
    import_files([detailed])
    before = {
        page.code: (page.official_name, page.steps, page.channels.count(), page.components.count())
        for page in ProcedurePage.objects.all()
    }

    report = import_files([commune_path])
    named_unknown = [r for r in commune if r["ten_thu_tuc_tu_file_khac"] and r["ma_thu_tuc"] not in before]
    unnamed_unknown = [
        r for r in commune if not r["ten_thu_tuc_tu_file_khac"] and r["ma_thu_tuc"] not in before
    ]
    assert report.errors == [] and report.imported == len(named_unknown)
    assert report.updated + report.unchanged == len([r for r in commune if r["ma_thu_tuc"] in before])
    assert len(report.skipped) == len(unnamed_unknown)
    assert all("không có tên" in problem.message for problem in report.skipped)
    after = {
        page.code: (page.official_name, page.steps, page.channels.count(), page.components.count())
        for page in ProcedurePage.objects.filter(code__in=before)
    }
    assert after == before  # the code list never replaces detailed content
