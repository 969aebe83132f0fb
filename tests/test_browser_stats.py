"""The public statistics page in Debian's Chromium: pick an agency and a year, download the CSV."""

import csv
import io

import pytest

from stats.tests.fixtures import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "accept_downloads": True}


def test_pick_an_agency_and_a_year_then_download_the_csv(page, live_server):
    build_world()
    page.goto(f"{live_server.url}/thong-ke/")
    assert page.locator("h1").inner_text() == "Thống kê dịch vụ công trực tuyến"
    # Charts are drawn by the server: present with their title before any script could run.
    assert page.locator("svg[role=img] > title").count() >= 2

    page.get_by_label("Cơ quan", exact=True).select_option(label="Sở Alpha")
    page.get_by_label("Năm", exact=True).select_option("2018")
    page.get_by_role("button", name="Xem số liệu").click()

    page.wait_for_url("**/thong-ke/co-quan/so-alpha/**")
    assert page.locator("h1").inner_text() == "Sở Alpha"
    assert "nam=2018" in page.url

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải CSV – Diễn biến theo năm").click()
    download = download_info.value
    assert download.suggested_filename == "theo-nam-so-alpha-2018-12-31.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[:3] == ["Năm", "Số liệu tại ngày", "Số thủ tục"]
    by_year = {row[0]: row for row in rows[1:]}
    # Sở Alpha on 31/12/2018: 2 procedures, 1 from level 3 (hand-computed, stats/tests/fixtures.py).
    assert by_year["2018"][header.index("Số thủ tục")] == "2"
    assert by_year["2018"][header.index("Tỷ lệ từ mức độ 3 (%)")] == "50.00"
