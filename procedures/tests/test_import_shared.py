"""Every file of ../shared/data/catalog through the importer (skipped with a message when missing).

The national file (2,642 records) is imported once, in one test that then checks the re-import and
the export → import round trip on the same pages.
"""

import io
import json
import re
from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from conftest import shared_file
from procedures.constants import ImplementationLevel, OnlineLevel
from procedures.importer import import_files
from procedures.importer.parsers import normalise_code, parse_levels
from procedures.models import LegalBasis, ProcedureChannel, ProcedurePage

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]


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


@pytest.mark.slow
def test_national_file_imports_reimports_and_round_trips(tmp_path):
    path = shared_file("catalog/national-ministries-2642.jsonl")
    records = read_records(path)
    report = import_files([path])
    assert report.errors == [] and report.skipped == []
    assert report.imported == len(records) == ProcedurePage.objects.count()
    assert Page.find_problems() == ([], [], [], [], [])

    channels = [channel for record in records for channel in record["cach_thuc_thuc_hien"]]
    assert ProcedureChannel.objects.count() == len(channels)
    glued = [channel for channel in channels if channel.get("thoi_han_phi_dinh_lien")]
    assert ProcedureChannel.objects.exclude(unsplit_text="").count() == len(glued) > 0
    unitless = [channel for channel in channels if re.fullmatch(r"\d+", channel["thoi_han"].strip())]
    stored_unitless = ProcedureChannel.objects.filter(time_limit_text__regex=r"^[0-9]+$")
    assert stored_unitless.count() == len(unitless) > 0
    assert not stored_unitless.filter(time_limit_value__isnull=False).exists()
    with_unit = ProcedureChannel.objects.exclude(time_limit_text="").exclude(
        time_limit_text__regex=r"^[0-9]+$"
    )
    assert not with_unit.filter(time_limit_value__isnull=True).exists()  # every "N unit" was parsed
    assert ProcedureChannel.objects.filter(fee_text="Miễn phí", fee_amount=0).exists()

    # levels: case-insensitive labels all mapped, none lost
    expected_levels = Counter(code for record in records for code in parse_levels(record["cap_thuc_hien"])[0])
    stored_levels = Counter(
        ProcedurePage.levels.through.objects.values_list("implementationlevelrecord__code", flat=True)
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
    stored = {code for code, missing in ProcedurePage.objects.values_list("code", "missing_info") if missing}
    assert incomplete == stored and incomplete

    revisions = Revision.objects.count()
    again = import_files([path])
    assert (again.imported, again.updated, again.unchanged, again.errors) == (0, 0, len(records), [])
    assert Revision.objects.count() == revisions
    assert {code for code, _t, _m in again.incomplete} == incomplete

    assert_round_trip(tmp_path, len(records))


def test_defence_file(tmp_path):
    path = shared_file("catalog/defence-ministry-207.jsonl")
    records = read_records(path)
    report = import_files([path])
    assert (report.imported, report.errors) == (len(records), [])
    rows = sum(len(record["can_cu_phap_ly"]) for record in records)
    assert LegalBasis.objects.count() == rows > 0
    assert not ProcedurePage.objects.exclude(legal_basis_text="").exists()
    assert ProcedureChannel.objects.filter(fee_text="Phí : 0 Đồng", fee_amount=0).exists()
    assert_round_trip(tmp_path, len(records))


def test_lamdong_index(tmp_path):
    path = shared_file("catalog/lamdong-index-1299.jsonl")
    records = read_records(path)
    codes = Counter(normalise_code(record["ma_thu_tuc"])[0] for record in records)
    report = import_files([path])
    assert report.errors == []
    assert report.imported == len(codes)
    assert len(report.skipped) == sum(count - 1 for count in codes.values())
    assert all("trùng mã" in problem.message for problem in report.skipped)
    online = Counter(ProcedurePage.objects.values_list("online_level", flat=True))
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
