"""Index lists as CSV and XLSX, built here from the Lâm Đồng index (read from ../shared/data)."""

import csv
import json
from itertools import islice

import pytest
from openpyxl import Workbook

from conftest import shared_file
from procedures.constants import ImplementationLevel, LegacyLevel, OnlineLevel
from procedures.importer import import_files
from procedures.importer.parsers import parse_online_level
from procedures.models import ProcedurePage
from procedures.online import marks_online

# engine: the importer's bulk path sends raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data, pytest.mark.engine]

VIETNAMESE_HEADERS = [
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cơ quan thực hiện",
    "Cấp thực hiện",
    "Mức độ DVC",
]
SNAKE_HEADERS = ["ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "co_quan_thuc_hien", "cap_thuc_hien", "muc_do_dvc"]
ENGLISH_HEADERS = ["code", "name", "field", "agency", "level", "online service level"]


def lamdong_rows(count=40) -> list[dict]:
    path = shared_file("catalog/lamdong-index-1299.jsonl")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in islice(handle, count)]


def as_row(record: dict) -> list[str]:
    return [
        record["ma_thu_tuc"],
        record["ten_thu_tuc"],
        record["linh_vuc"],
        record["co_quan_thuc_hien"],
        "; ".join(record["cap_thuc_hien"]),
        record["muc_do_dvc"],
    ]


def write_csv(path, headers, rows, delimiter=","):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return str(path)


def write_xlsx(path, headers, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Danh mục thủ tục hành chính tỉnh Lâm Đồng"])  # a title row above the table
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def assert_imported_like_the_source(records):
    for record in records:
        page = ProcedurePage.objects.get(code=record["ma_thu_tuc"])
        assert page.official_name == " ".join(record["ten_thu_tuc"].split())
        assert page.field.name == record["linh_vuc"]
        assert page.implementing_agency_text == record["co_quan_thuc_hien"]
        expected = parse_online_level(record["muc_do_dvc"])
        # the record's level is kept; the page is not advertised online: its agency has no code
        assert (page.record_online_level, page.record_legacy_level) == (expected.level, expected.legacy)
        if marks_online(expected.level, expected.legacy):
            assert not marks_online(page.online_level, page.legacy_level)
        else:
            assert (page.online_level, page.legacy_level) == (expected.level, expected.legacy)
        levels = {level.code for level in page.levels.all()}
        assert len(levels) == len(set(record["cap_thuc_hien"])) and levels <= set(ImplementationLevel.values)


@pytest.mark.parametrize(("headers", "delimiter"), [(VIETNAMESE_HEADERS, ","), (SNAKE_HEADERS, ";")])
def test_csv_index(tmp_path, headers, delimiter):
    records = lamdong_rows()
    path = write_csv(tmp_path / "lamdong.csv", headers, [as_row(r) for r in records], delimiter)
    report = import_files([path])
    assert (report.imported, len(report.errors)) == (len(records), 0)
    assert report.files == [("lamdong.csv", "CSV", len(records))]
    assert_imported_like_the_source(records)
    again = import_files([path])
    assert again.unchanged == len(records)


def test_xlsx_index_with_english_headers(tmp_path):
    records = lamdong_rows()
    path = write_xlsx(tmp_path / "lamdong.xlsx", ENGLISH_HEADERS, [as_row(r) for r in records])
    report = import_files([path])
    assert (report.imported, len(report.errors)) == (len(records), 0)
    assert report.files == [("lamdong.xlsx", "XLSX", len(records))]
    assert_imported_like_the_source(records)


def test_bad_rows_in_tables_are_reported_with_their_row_number(tmp_path):
    records = lamdong_rows(3)
    rows = [as_row(r) for r in records]
    rows.insert(1, ["", "Không có mã", "Hộ tịch", "UBND xã", "Cấp xã", "Một phần"])  # CSV line 3
    path = write_csv(tmp_path / "bad.csv", VIETNAMESE_HEADERS, rows)
    report = import_files([path])
    assert report.imported == 3
    assert [(e.where, e.message) for e in report.errors] == [("bad.csv:3", "thiếu mã thủ tục (ma_thu_tuc)")]

    workbook_rows = [as_row(r) for r in records]
    workbook_rows[0][0] = 1.000178  # a code Excel stored as a number
    xlsx = write_xlsx(tmp_path / "bad.xlsx", VIETNAMESE_HEADERS, workbook_rows)
    report = import_files([xlsx])
    assert [e.where for e in report.errors] == ["bad.xlsx:4"]
    assert "Văn bản" in report.errors[0].message


def test_table_without_a_code_column_is_one_clear_error(tmp_path):
    path = write_csv(tmp_path / "x.csv", ["STT", "Tên"], [["1", "Thủ tục A"]])
    report = import_files([path])
    assert report.imported == 0 and len(report.errors) == 1
    assert "cột mã thủ tục" in report.errors[0].message


def test_legacy_levels_from_a_table(tmp_path):
    rows = [
        ["1.000001.H36", "Thủ tục A", "Hộ tịch", "UBND xã", "Cấp xã", "Mức độ 4"],
        ["1.000002.H36", "Thủ tục B", "Hộ tịch", "UBND xã", "Cấp huyện", "Còn lại"],
    ]
    import_files([write_csv(tmp_path / "levels.csv", ENGLISH_HEADERS, rows)])
    a = ProcedurePage.objects.get(code="1.000001.H36")
    b = ProcedurePage.objects.get(code="1.000002.H36")
    assert (a.record_online_level, a.record_legacy_level) == (OnlineLevel.FULL, LegacyLevel.LEVEL_4)
    assert (a.online_level, a.legacy_level) == (
        OnlineLevel.NONE,
        LegacyLevel.LEVEL_2,
    )  # "UBND xã" has no code
    assert (b.online_level, b.legacy_level) == (OnlineLevel.NONE, LegacyLevel.OTHER)
    assert [level.code for level in b.levels.all()] == [ImplementationLevel.DISTRICT]
