"""Rendering of procedure pages (full, minimal, abolished), the print view, escaping, a11y basics,
error pages, the /thu-tuc/<code>/ redirect and the display helpers."""

import datetime
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from procedures.models import ProcedurePage
from procedures.presentation import (
    format_amount,
    format_fee,
    format_file_size,
    format_number,
    format_time_limit,
    source_note,
)
from procedures.tests.factories import catalog_index, make_full_procedure, make_procedure


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


class Outline(HTMLParser):
    """Collects what the a11y checks need: headings, labels, form controls, ids, landmarks."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "h1":
            self.h1 += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append(attrs)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def assert_accessible_basics(html: str):
    doc = outline(html)
    assert doc.h1 == 1, "exactly one h1"
    assert doc.html_lang in ("vi", "en")
    assert any(
        tag == "a" and a.get("href") == "#main" and "skip-link" in a.get("class", "") for tag, a in doc.tags
    )
    assert any(tag == "main" and a.get("id") == "main" for tag, a in doc.tags)
    assert any(tag == "header" for tag, _a in doc.tags) and any(tag == "footer" for tag, _a in doc.tags)
    for control in doc.controls:
        labelled = (
            control.get("id") in doc.label_for or control.get("aria-label") or control.get("aria-labelledby")
        )
        assert labelled, f"form control without a label: {control}"
    duplicates = {i for i in doc.ids if doc.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"


# --- Procedure pages ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_full_procedure_page(client):
    page = make_full_procedure()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_accessible_basics(html)
    assert "<h1>Đăng ký khai sinh</h1>" in html

    # The summary box comes first, before the steps and the tables.
    summary_at = html.index('class="summary"')
    assert summary_at < html.index('id="trinh-tu"') < html.index('id="cach-thuc"') < html.index('id="ho-so"')
    summary = html[summary_at : html.index("</section>", summary_at)]
    assert "Công dân Việt Nam<br>Người nước ngoài cư trú tại Việt Nam" in summary
    assert "Trung tâm phục vụ hành chính công xã Tân Phú" in summary
    assert "Trực tiếp: Ngay trong ngày làm việc" in summary
    assert "Trực tuyến: 3 ngày làm việc" in summary
    assert "Trực tiếp: Miễn phí" in summary and "Trực tuyến: 8.000 đồng" in summary
    assert "Trực tuyến toàn trình" in summary and "(Mức độ 4)" in summary
    assert "Đang áp dụng" in summary

    # Steps keep their lines; sub-items are indented.
    assert "<p>- Bước 1: Người yêu cầu nộp hồ sơ.</p>" in html
    assert '<p class="sub">+ Trường hợp nộp trực tuyến' in html
    # Channels table: the fee's condition is kept next to the parsed amount.
    assert (
        '<td data-label="Phí, lệ phí">8.000 đồng<span class="table-note">Lệ phí : 8.000 Đồng (trường hợp'
        in html
    )
    # Dossier checklist: groups, quantities, the form to download with type and size.
    assert "<h3>Giấy tờ phải nộp</h3>" in html and "<h3>Giấy tờ phải xuất trình</h3>" in html
    assert "Bản chính: 1; Bản sao: 0" in html
    assert "Xuất trình bản chính" in html
    assert "to-khai-khai-sinh.docx" in html and "(DOCX, 29 KB)" in html
    assert "huong-dan.pdf" in html and "(PDF, 2,4 MB)" in html
    # Results, legal basis rows, requirements, agencies, facts.
    assert "Giấy khai sinh (bản chính)" in html and "KQ-001" in html
    assert '<th scope="row">60/2014/QH13</th>' in html
    assert "phải xuất trình giấy tờ tùy thân" in html
    assert "Công an xã" in html and "Bộ Tư pháp" in html
    assert "1872/QĐ-BTP" in html
    assert 'href="/thu-tuc-hanh-chinh/linh-vuc/ho-tich/"' in html
    assert 'href="/thu-tuc-hanh-chinh/cap/xa/"' in html
    assert 'href="https://dichvucong.gov.vn/' in html
    assert page.last_published_at.astimezone().strftime("%d/%m/%Y") in html
    # Short link, print link, and the includes other apps fill.
    assert 'href="/thu-tuc/1.001193.000.00.00.H36/"' in html
    assert 'href="?in=1"' in html
    assert html.index('class="submit-area"') < html.index('id="trinh-tu"')
    assert html.index('class="feedback-area"') > html.index('id="thong-tin"')
    # Breadcrumbs: home, catalog, this page.
    assert '<a href="/">Trang chủ</a>' in html and '<a href="/thu-tuc-hanh-chinh/">' in html


@pytest.mark.django_db
def test_minimal_procedure_page(client):
    page = make_procedure(title="Thủ tục chỉ có tên", code="2.000001", level_codes=())
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_accessible_basics(html)
    assert "<h1>Thủ tục chỉ có tên</h1>" in html
    assert html.count("Chưa có thông tin.") >= 5  # applicants, where, time, fee, steps, channels, ...
    assert 'id="can-cu"' not in html and 'id="yeu-cau"' not in html
    assert "Chưa cung cấp trực tuyến" in html


@pytest.mark.django_db
def test_abolished_procedure_links_to_its_successor(client):
    successor = make_procedure(title="Đăng ký khai sinh (mới)", code="1.009999")
    old = make_procedure(
        title="Đăng ký khai sinh (cũ)", code="1.000001", status="abolished", successor=successor
    )
    html = client.get(old.url).content.decode()
    notice = html[html.index("notice--warning") :]
    assert "Thủ tục này đã bị bãi bỏ" in notice[:600]
    assert f'<a href="{successor.url}">Đăng ký khai sinh (mới)</a> (1.009999)' in notice
    assert '<span class="badge badge--abolished">Đã bãi bỏ</span>' in html


@pytest.mark.django_db
def test_abolished_without_live_successor(client):
    draft = make_procedure(title="Bản nháp thay thế", code="1.009998", publish=False)
    old = make_procedure(
        title="Thủ tục cũ",
        code="1.000002",
        status="abolished",
        successor=draft,
        effective_to=datetime.date(2025, 7, 1),
    )
    html = client.get(old.url).content.decode()
    assert "Thủ tục này đã bị bãi bỏ từ ngày 01/07/2025." in html
    assert "Bản nháp thay thế" not in html  # an unpublished successor is not linked
    assert "Vui lòng liên hệ cơ quan thực hiện" in html


@pytest.mark.django_db
def test_print_view(client):
    page = make_full_procedure()
    html = client.get(page.url, {"in": "1"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert html.count("css/print.css") == 2  # media=print for everyone, plus on screen here
    assert "print-view" in html
    assert "Quay lại trang thủ tục" in html
    normal = client.get(page.url).content.decode()
    assert normal.count("css/print.css") == 1 and 'media="print"' in normal


@pytest.mark.django_db
def test_hostile_content_is_escaped(client):
    attack = '<script>alert("x")</script>'
    page = make_procedure(
        title=f"Thủ tục {attack}",
        code="1.000666",
        applicants=attack,
        steps=f"Bước 1 {attack}\n+ <img src=x onerror=alert(1)>",
        requirements=attack,
        legal_basis_text=attack,
        description=attack,
        channels=[{"label": attack, "fee_text": attack, "time_limit_text": attack, "description": attack}],
        components=[{"group": attack, "name": attack, "form_name": attack}],
        results=[{"name": attack, "code": attack}],
    )
    # Wagtail's validation refuses such a URL; a bulk import could still write one.
    ProcedurePage.objects.filter(pk=page.pk).update(source_url="javascript:alert(1)")
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    listing = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert "<script>alert" not in listing


@pytest.mark.django_db
def test_procedure_page_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    def rows(n):
        return {
            "channels": [{"label": f"Kênh {i}", "time_limit_text": "5 ngày"} for i in range(n)],
            "components": [{"group": f"Nhóm {i % 2}", "name": f"Giấy tờ {i}"} for i in range(n)],
            "results": [{"name": f"Kết quả {i}"} for i in range(n)],
            "legal_bases": [{"number": f"{i}/2020/QH14"} for i in range(n)],
        }

    small = make_full_procedure(code="1.100001", slug="nho", **rows(1))
    large = make_full_procedure(code="1.100002", slug="lon", **rows(25))

    def count(page):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    client.get(small.url)  # warm the site-root cache and each page's cached
    client.get(large.url)  # measured processing time (stats)
    assert count(large) == count(small)
    with django_assert_max_num_queries(30):
        client.get(large.url)


@pytest.mark.django_db
def test_short_link_redirects_to_the_page(client):
    page = make_procedure(title="Cấp lại căn cước", code="1.000757")
    response = client.get("/thu-tuc/1.000757/")
    assert response.status_code == 302
    assert response["Location"] == page.url
    # A provincial variant of the code finds the national record.
    assert client.get("/thu-tuc/1.000757.000.00.00.H36/")["Location"] == page.url
    assert client.get("/thu-tuc/9.999999/").status_code == 404


@pytest.mark.django_db
def test_catalog_index_page_a11y(client):
    catalog_index()
    make_procedure(title="Một thủ tục")
    html = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert_accessible_basics(html)


@pytest.mark.django_db
def test_english_interface(client):
    page = make_procedure(title="Đăng ký kết hôn", channels=[{"fee_amount": 1500000, "label": "Trực tiếp"}])
    client.cookies["django_language"] = "en"
    html = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    # The interface is translated (locale/en); the procedure's own content stays as published.
    assert "1,500,000 VND" in html
    assert "At a glance" in html and "Processing time" in html and "Skip to main content" in html
    assert '<th scope="row">In person</th>' in html  # a known channel kind reads in English
    # Published content stays Vietnamese and says so to screen readers (WCAG 3.1.2).
    assert '<h1 lang="vi">Đăng ký kết hôn</h1>' in html


# --- Error pages -------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_404_page(client):
    catalog_index()
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert_accessible_basics(html)


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Hệ thống đang gặp sự cố" in html
    assert html.count("<h1>") == 1
    assert 'id="main"' in html


# --- Display helpers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (50000, "50.000"), (1234567, "1.234.567"),
     (Decimal("7.00"), "7"), (Decimal("0.50"), "0,5"), (Decimal("1234.25"), "1.234,25"), (-2500, "-2.500")],
)  # fmt: skip
def test_vietnamese_numbers(value, expected):
    with translation.override("vi"):
        assert format_number(value) == expected


def test_money_and_time_limits():
    with translation.override("vi"):
        assert format_amount(50000) == "50.000 đồng"
        assert format_fee(0, "Miễn phí") == "Miễn phí"
        assert format_fee(None, "  Theo quy định của HĐND tỉnh ") == "Theo quy định của HĐND tỉnh"
        assert format_fee(None, "") == ""
        assert format_time_limit(Decimal("15"), "working_days", "15 Ngày làm việc") == "15 ngày làm việc"
        assert format_time_limit(Decimal("0.5"), "days") == "0,5 ngày"
        assert format_time_limit(None, "", "Ngay trong ngày") == "Ngay trong ngày"
        assert format_file_size(30_000) == "29 KB"
        assert format_file_size(2_500_000) == "2,4 MB"
        assert format_file_size(None) == ""
    with translation.override("en"):
        assert format_number(1234567) == "1,234,567"


def test_source_note_only_when_the_text_says_more():
    assert source_note("Lệ phí : 50.000 Đồng", "50.000 đồng") == ""
    assert source_note("7 Ngày làm việc", "7 ngày làm việc") == ""
    assert source_note("Miễn phí(Chưa quy định.)", "Miễn phí") == "Miễn phí(Chưa quy định.)"


@pytest.mark.django_db
def test_preview_of_unsaved_changes_renders(client):
    """Editors preview a page whose new rows exist only in memory (modelcluster)."""
    from procedures.models import DossierComponent, ProcedureChannel

    page = make_full_procedure()
    page.title = "Đăng ký khai sinh (bản xem trước)"
    page.official_name = page.title
    page.channels = [ProcedureChannel(kind="postal", label="Bưu chính", fee_amount=25000)]
    page.components = [DossierComponent(group="Mới", name="Giấy tờ mới thêm")]
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.render().content.decode()
    assert "Đăng ký khai sinh (bản xem trước)" in html
    assert "25.000 đồng" in html and "Giấy tờ mới thêm" in html
    index_preview = catalog_index().make_preview_request()
    assert index_preview.status_code == 200


@pytest.mark.django_db
def test_the_procedure_page_shows_and_links_to_its_measured_processing_time(client):
    page = make_full_procedure(code="1.100003", slug="do-thoi-gian")
    html = client.get(page.url).content.decode()
    assert "Chưa có hồ sơ trực tuyến nào của thủ tục này được xử lý xong" in html
    assert f'href="{reverse("stats:procedure", args=[page.code])}"' in html
