"""The results page: code lookup, facets, pagination, inactive procedures, zero results, escaping."""

import re

import pytest
from django.urls import reverse

from procedures.constants import OnlineLevel, ProcedureStatus
from search.models import QueryStat

pytestmark = pytest.mark.django_db
URL = reverse("search:search")


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


def test_a_provincial_code_is_found_exactly(client, make_procedure):
    page = make_procedure("1.005461.000.00.00.H36", "Đăng ký lại khai tử")
    make_procedure("1.005461", "Đăng ký lại khai tử (mã quốc gia)")
    response = client.get(URL, {"q": "1.005461.000.00.00.H36"})
    assert response["Location"] == page.url


def test_an_unknown_code_falls_back_to_search(client, sample):
    response = client.get(URL, {"q": "9.999999"})
    assert response.status_code == 200
    assert result_codes(response) == []


def test_facets_have_counts_and_combine(client, make_procedure):
    make_procedure(
        "2.000001", "Cấp giấy phép xây dựng nhà ở riêng lẻ", field_name="Xây dựng", levels=("commune",)
    )
    make_procedure(
        "2.000002",
        "Cấp giấy phép xây dựng công trình",
        field_name="Xây dựng",
        levels=("province",),
        online_level=OnlineLevel.FULL,
    )
    make_procedure(
        "2.000003", "Cấp giấy phép khai thác khoáng sản", field_name="Khoáng sản", levels=("province",)
    )
    response = client.get(URL, {"q": "cấp giấy phép"})
    facets = {group.key: {o.label: o for o in group.options} for group in response.context["outcome"].facets}
    assert facets["field"]["Xây dựng"].count == 2
    assert facets["field"]["Khoáng sản"].count == 1
    assert facets["level"]["Cấp tỉnh"].count == 2
    assert facets["level"]["Cấp xã"].count == 1
    assert facets["online"]["Toàn trình"].count == 1

    # Choose a field: results narrow, the other facets count inside it, the field facet keeps its siblings.
    response = client.get(facets["field"]["Xây dựng"].url.replace("?", URL + "?", 1))
    assert sorted(result_codes(response)) == ["2.000001", "2.000002"]
    facets = {group.key: {o.label: o for o in group.options} for group in response.context["outcome"].facets}
    assert facets["field"]["Xây dựng"].selected
    assert facets["field"]["Khoáng sản"].count == 1  # still offered (OR within a facet)
    assert facets["level"]["Cấp tỉnh"].count == 1
    assert facets["level"]["Cấp xã"].count == 1

    # Add a level: AND across facets; the shareable URL carries both.
    url = facets["level"]["Cấp tỉnh"].url
    assert "linh_vuc=" in url and "cap=province" in url
    response = client.get(URL + url)
    assert result_codes(response) == ["2.000002"]

    # Two fields at once: OR inside the facet.
    both = [o.url for o in response.context["outcome"].facets[0].options if not o.selected][0]
    response = client.get(URL + both)
    assert sorted(result_codes(response)) == ["2.000002", "2.000003"]


def test_unknown_filter_values_are_ignored(client, sample):
    response = client.get(URL, {"q": "khai sinh", "linh_vuc": "khong-co", "cap": "sao-hoa", "trang": "x"})
    assert response.status_code == 200
    assert result_codes(response)[0] == "1.001193"


def test_browsing_a_field_without_a_query(client, sample):
    from procedures.models import Field

    slug = Field.objects.get(name="Đường bộ").slug
    response = client.get(URL, {"linh_vuc": slug})
    assert sorted(result_codes(response)) == ["3.000347", "9.000001"]


def test_pagination_keeps_the_query_and_filters(client, make_procedure):
    for number in range(25):
        make_procedure(f"5.{number:06d}", f"Cấp chứng chỉ hành nghề loại {number}")
    response = client.get(URL, {"q": "chứng chỉ hành nghề"})
    outcome = response.context["outcome"]
    assert outcome.total == 25 and outcome.num_pages == 2 and len(outcome.hits) == 20
    html = response.content.decode()
    assert "trang=2" in html and "q=ch%E1%BB%A9ng" in html
    second = client.get(URL, {"q": "chứng chỉ hành nghề", "trang": "2"})
    assert len(second.context["outcome"].hits) == 5
    assert not set(result_codes(second)) & set(result_codes(response))


def test_inactive_procedures_are_hidden_by_default_and_point_to_their_successor(client, make_procedure):
    new = make_procedure("1.100002", "Đăng ký hộ kinh doanh (mới)", field_name="Thành lập hộ kinh doanh")
    old = make_procedure(
        "1.100001",
        "Đăng ký hộ kinh doanh",
        field_name="Thành lập hộ kinh doanh",
        status=ProcedureStatus.ABOLISHED,
    )
    old.successor = new
    old.save_revision().publish()
    response = client.get(URL, {"q": "đăng ký hộ kinh doanh"})
    assert result_codes(response) == ["1.100002"]
    response = client.get(URL, {"q": "đăng ký hộ kinh doanh", "tinh_trang": "tat_ca"})
    assert set(result_codes(response)) == {"1.100001", "1.100002"}
    html = response.content.decode()
    assert "Đã bãi bỏ" in html
    assert f'Thay thế bởi: <a href="{new.url}">' in html


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
