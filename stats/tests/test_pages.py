"""Public pages, exports and open data show the same numbers, computed once (hand-computed world)."""

import csv
import datetime
import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from stats.services import build_table, parse_query
from stats.services.usage_refresh import refresh_usage, working_days_between

# engine: the pages read the statistics' raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def world(world_once):
    return world_once


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_province_page_shows_targets_both_frames_and_charts_without_js(client, world):
    response = client.get(reverse("stats:province"), {"nam": "2018"})
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in main  # the statistics need no script (the site header may add its own)
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) >= 2
    for svg in svgs:
        assert "<title id=" in svg and "<desc id=" in svg
    assert "Mức độ 4 ≈ toàn trình" in html and "Một phần hoặc toàn trình" in html
    assert "Sở Alpha" in html and 'href="/thong-ke/co-quan/so-alpha/' in html
    # The targets table of the page, as the export sees it: 31/12/2018 → level-3 share 40,00 met.
    assert "40,00" in html
    assert "Thủ tục cấp bộ" not in html


def test_agency_picker_redirects_to_the_agency_page(client, world):
    response = client.get(reverse("stats:province"), {"co_quan": "so-beta", "nam": "2018"})
    assert response.status_code == 302
    assert response["Location"] == "/thong-ke/co-quan/so-beta/?nam=2018&lo_trinh=lo-trinh-thu" or response[
        "Location"
    ].startswith("/thong-ke/co-quan/so-beta/?")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sở Beta" in html
    assert "/thong-ke/xuat/muc-tieu.csv?" in html and "co_quan=so-beta" in html


def test_bad_parameters_give_vietnamese_errors_and_defaults(client, world):
    response = client.get(reverse("stats:province"), {"ngay": "31/12/2018", "lo_trinh": "khong-co"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "không hợp lệ (cần dạng năm-tháng-ngày)" in html
    assert "Không có lộ trình “khong-co”" in html


@pytest.mark.parametrize("table", ["muc-tieu", "theo-nam", "co-quan", "hang-muc", "thu-tuc-hang-muc"])
def test_csv_xlsx_json_exports_are_the_page_table(client, world, table):
    params = {"ngay": "2019-01-01"}
    expected = build_table(table, parse_query(params))
    assert expected.rows, "the world should fill every table"
    url = reverse("stats:export", args=[table, "csv"])
    rows = _csv(client.get(url, params))
    assert rows[0] == [str(c.label) for c in expected.columns]
    assert len(rows) == len(expected.rows) + 1
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("stats:export", args=[table, "xlsx"]), params).content)
    )
    sheet = workbook.worksheets[0]
    data = json.loads(client.get(reverse("stats:export", args=[table, "json"]), params).content)
    assert data["as_of"] == "2019-01-01" and len(data["rows"]) == len(expected.rows)
    for index, row in enumerate(expected.rows):
        for col, column in enumerate(expected.columns):
            value = row.get(column.key)
            csv_cell = rows[index + 1][col]
            json_cell = data["rows"][index][column.key]
            xlsx_cell = sheet.cell(row=index + 5, column=col + 1).value
            if value is None:
                assert csv_cell == "" and json_cell is None and xlsx_cell is None
            elif isinstance(value, bool):
                assert csv_cell == str(value).lower() and json_cell is value
            elif column.kind in ("int", "pct", "num"):
                assert float(csv_cell) == float(value) == float(json_cell) == float(xlsx_cell)
            elif column.kind == "date":
                assert csv_cell == value.isoformat() == json_cell
            else:
                assert csv_cell == str(value) == json_cell == xlsx_cell


def test_targets_export_matches_the_hand_computed_figures(client, world):
    rows = _csv(client.get(reverse("stats:export", args=["muc-tieu", "csv"]), {"ngay": "2025-01-01"}))
    header = rows[0]
    by_period = {(r[header.index("Giai đoạn")], r[header.index("Chỉ tiêu")]): r for r in rows[1:]}
    level3 = by_period[("2016–2018", "Tỷ lệ dịch vụ từ mức độ 3 trở lên")]
    assert level3[header.index("Thực tế")] == "40.00"
    assert level3[header.index("Số đạt")] == "2" and level3[header.index("Tổng số")] == "5"
    assert level3[header.index("Đánh giá")] == "Đạt"
    complete = by_period[("2015–2015", "Tỷ lệ thủ tục có đủ thông tin mức độ 2")]
    assert complete[header.index("Thực tế")] == "75.00" and complete[header.index("Chênh lệch")] == "-25.00"


def test_agency_page_and_export_agree(client, world):
    page = client.get(reverse("stats:agency", args=["so-alpha"]), {"nam": "2018"}).content.decode()
    rows = _csv(
        client.get(reverse("stats:export", args=["theo-nam", "csv"]), {"nam": "2018", "co_quan": "so-alpha"})
    )
    header = rows[0]
    y2018 = next(r for r in rows[1:] if r[0] == "2018")
    assert y2018[header.index("Số thủ tục")] == "2"
    assert y2018[header.index("Tỷ lệ từ mức độ 3 (%)")] == "50.00"
    assert "50,00" in page


def test_procedure_page_shows_history_and_items(client, world):
    response = client.get(reverse("stats:procedure", args=["1.000003"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "31/12/2018" in html and "Đăng ký beta" in html
    assert client.get(reverse("stats:procedure", args=["9.999999"])).status_code == 404


def test_roadmap_pages(client, world):
    listing = client.get(reverse("roadmap:list")).content.decode()
    assert "1/QĐ-TEST" in listing
    detail = client.get(
        reverse("roadmap:detail", args=["lo-trinh-thu"]), {"ngay": "2019-03-01"}
    ).content.decode()
    assert "Cấp phép alpha" in detail and "1.000001" in detail
    assert "đạt mức mục tiêu năm 2018" in detail
    assert "status-badge--late" in detail  # item 1 was not done by the end of 2018
    done = client.get(reverse("roadmap:detail", args=["lo-trinh-thu"]), {"nam": "2019"}).content.decode()
    assert "hoàn thành năm 2019" in done


def test_yearly_report_xlsx_and_pdf(client, world):
    response = client.get(reverse("stats:report", args=["lo-trinh-thu", 2018, "xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 7
    pdf = client.get(reverse("stats:report", args=["lo-trinh-thu", 2018, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("stats:report", args=["lo-trinh-thu", 2009, "pdf"])).status_code == 404


def test_open_data_is_versioned_licensed_dated_and_has_no_personal_data(client, world):
    index = client.get("/du-lieu-mo/v1/").json()
    assert index["version"] == "1" and index["licence"]["id"] and index["last_updated"]
    ids = [d["id"] for d in index["datasets"]]
    assert "thu-tuc" in ids and "thong-ke/muc-tieu" in ids
    catalog = client.get("/du-lieu-mo/v1/thu-tuc.json").json()
    assert catalog["count"] == 6 and catalog["licence"] == index["licence"]
    assert {"code", "complete_level2", "level_2011"} <= set(catalog["rows"][0])
    assert not {"recorded_by", "confirmed_by", "email", "user"} & set(catalog["rows"][0])
    stats = client.get("/du-lieu-mo/v1/thong-ke/muc-tieu.json", {"ngay": "2025-01-01"}).json()
    assert stats["version"] == "1" and stats["as_of"] == "2025-01-01" and stats["rows"]
    assert client.get("/du-lieu-mo/v1/thong-ke/lich-su.json").status_code == 404
    assert _csv(client.get("/du-lieu-mo/v1/thu-tuc.csv"))[0][0] == "code"


def test_measured_processing_include_for_the_procedure_page(world):
    from django.template.loader import render_to_string
    from django.utils import timezone

    from workdays.services import Calendar

    from .usage_fixtures import form_version, make_dossier

    p1, a = world.procedures["p1"], world.agencies["a"]
    version = form_version(p1)
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=30), today - datetime.timedelta(days=10)
    make_dossier(version, p1, a, submitted=start.isoformat(), due=today.isoformat(), status="9",
                 history=[("2", start.isoformat()), ("9", end.isoformat())])  # fmt: skip
    refresh_usage()
    days = working_days_between(Calendar(start), start, end)
    html = render_to_string("stats/_procedure_processing_time.html", {"procedure": p1})
    assert f"xong trong {days} ngày làm việc" in html
    assert "Thời hạn luật định: 5 ngày làm việc" in html and "Đúng hạn: 100,00%" in html
    empty = render_to_string("stats/_procedure_processing_time.html", {"procedure": world.procedures["p4"]})
    assert "Chưa có hồ sơ trực tuyến nào" in empty
