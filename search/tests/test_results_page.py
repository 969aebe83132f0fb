"""The results page: code lookup, facets, pagination, inactive procedures, zero results, escaping."""

import re

import pytest
from django.urls import reverse

from search.models import QueryStat

pytestmark = pytest.mark.django_db
URL = reverse("search:search")


@pytest.fixture
def sample(module_sample):
    """The conftest's sample, published once for this module (see conftest.module_sample). Tests that
    publish a catalog of their own live in test_results_own_catalog.py."""
    return module_sample


def result_codes(response) -> list[str]:
    return [hit.code for hit in response.context["outcome"].hits]


def test_empty_page_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html
    assert "search/search.css" in html or "search.css" in html


def test_query_is_kept_and_results_show_their_details(client, sample):
    response = client.get(URL, {"q": "doi giay phep lai xe"})
    html = response.content.decode()
    assert 'value="doi giay phep lai xe"' in html
    assert result_codes(response)[0] == "3.000347"
    first = html[html.index('class="result') :]
    for text in ("3.000347", "Đường bộ", "Sở Xây dựng", "Cấp tỉnh", "Toàn trình"):
        assert text in first
    assert re.search(r"Tìm thấy \d+ thủ tục", html)
    assert "<mark>giấy</mark> <mark>phép</mark> <mark>lái</mark> <mark>xe</mark>" in html


@pytest.mark.parametrize("typed", ["1.000894", " 1.000894 ", "1.000894.000.00.00.H36"])
def test_a_code_goes_straight_to_the_procedure(client, sample, typed):
    response = client.get(URL, {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == sample["ket_hon"].url


def test_an_unknown_code_falls_back_to_search(client, sample):
    response = client.get(URL, {"q": "9.999999"})
    assert response.status_code == 200
    assert result_codes(response) == []


def test_unknown_filter_values_are_ignored(client, sample):
    response = client.get(URL, {"q": "khai sinh", "linh_vuc": "khong-co", "cap": "sao-hoa", "trang": "x"})
    assert response.status_code == 200
    assert result_codes(response)[0] == "1.001193"


def test_browsing_a_field_without_a_query(client, sample):
    from procedures.models import Field

    slug = Field.objects.get(name="Đường bộ").slug
    response = client.get(URL, {"linh_vuc": slug})
    assert sorted(result_codes(response)) == ["3.000347", "9.000001"]


def test_zero_results_suggest_a_spelling_fields_and_feedback(client, sample):
    response = client.get(URL, {"q": "khai sinhh"})  # one letter too many
    outcome = response.context["outcome"]
    html = response.content.decode()
    # OR semantics: "khai" still finds results, and the unknown word gets a suggestion.
    assert outcome.suggestion == "khai sinh"
    assert "Có phải bạn muốn tìm" in html

    response = client.get(URL, {"q": "xyzzyq"})
    outcome = response.context["outcome"]
    html = response.content.decode()
    assert outcome.total == 0
    assert "Không tìm thấy thủ tục nào" in html
    assert outcome.nearest_fields  # the road goes on: fields to browse
    assert "Đặt câu hỏi qua mục Góp ý" in html
    assert 'href="/gop-y/' in html


def test_a_misspelt_only_word_gets_a_suggestion_with_marks_restored(client, sample):
    response = client.get(URL, {"q": "kethon"})
    assert response.context["outcome"].total == 0
    response = client.get(URL, {"q": "dang ky ket hom"})
    assert response.context["outcome"].suggestion == "đăng ký kết hôn"


def test_hostile_queries_are_escaped(client, sample):
    hostile = '<script>alert("x")</script> khai sinh "><img src=x onerror=alert(1)>'
    response = client.get(URL, {"q": hostile})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_highlight_escapes_names_and_marks_only_words():
    from search.highlight import highlight

    assert str(highlight("Cấp <b>giấy</b> & phép", frozenset({"giay", "b"}))) == (
        "Cấp &lt;<mark>b</mark>&gt;<mark>giấy</mark>&lt;/<mark>b</mark>&gt; &amp; phép"
    )
    assert str(highlight("Đổi GPLX", frozenset({"doi"}))) == "<mark>Đổi</mark> GPLX"


def test_each_search_is_counted_anonymously(client, sample):
    client.get(URL, {"q": "Khai Sinh"})
    client.get(URL, {"q": "khai sinh"})
    client.get(URL, {"q": "xyzzyq"})
    client.get(URL, {"q": "cccd 079203001234 của tôi"})
    client.get(URL, {"q": "liên hệ a.b@example.com"})
    stats = {row.query: row for row in QueryStat.objects.all()}
    assert stats["khai sinh"].searches == 2 and stats["khai sinh"].zero_results == 0
    assert stats["xyzzyq"].zero_results == 1
    assert "cccd # cua toi" in stats
    assert not any("079203001234" in query or "example" in query for query in stats)


def test_autocomplete_endpoint(client, sample):
    response = client.get(reverse("search:autocomplete"), {"q": "dang ky k"})
    data = response.json()
    names = [item["name"] for item in data["results"]]
    assert "Thủ tục đăng ký khai sinh" in names and "Thủ tục đăng ký kết hôn" in names
    assert all(item["url"] for item in data["results"])
    assert "<mark>đăng</mark>" in data["results"][0]["name_html"]
    # An abbreviation no name starts with falls back to the full search.
    assert (
        client.get(reverse("search:autocomplete"), {"q": "cccd"}).json()["results"][0]["code"] == "1.000889"
    )
    assert client.get(reverse("search:autocomplete"), {"q": "k"}).json()["results"] == []
    hostile = client.get(reverse("search:autocomplete"), {"q": "<script>"}).json()
    assert hostile["results"] == [] or "<script>" not in str(hostile["results"])


def test_promoted_results_come_first(client, sample):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("Kết hôn")
    SearchPromotion.objects.create(query=query, page=sample["khai_sinh"], sort_order=0, description="")
    response = client.get(URL, {"q": "ket hon"})
    hits = response.context["outcome"].hits
    assert hits[0].code == "1.001193" and hits[0].promoted
    assert hits[1].code == "1.000894" and not hits[1].promoted
    assert "Được đề xuất" in response.content.decode()
    SearchPromotion.objects.all().delete()
    assert result_codes(client.get(URL, {"q": "ket hon"}))[0] == "1.000894"


def test_the_page_works_in_english_too(client, sample):
    client.cookies["django_language"] = "en"
    response = client.get(URL, {"q": "khai sinh"})
    assert response.status_code == 200
