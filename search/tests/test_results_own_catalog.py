"""The results page over catalogs built by the test itself: exact provincial codes, facets,
pagination, inactive procedures (the tests on the shared sample are in test_results_page.py)."""

import pytest
from django.urls import reverse

from procedures.constants import OnlineLevel, ProcedureStatus

pytestmark = pytest.mark.django_db
URL = reverse("search:search")


def result_codes(response) -> list[str]:
    return [hit.code for hit in response.context["outcome"].hits]


def test_a_provincial_code_is_found_exactly(client, make_procedure):
    page = make_procedure("1.005461.000.00.00.H36", "Đăng ký lại khai tử")
    make_procedure("1.005461", "Đăng ký lại khai tử (mã quốc gia)")
    response = client.get(URL, {"q": "1.005461.000.00.00.H36"})
    assert response["Location"] == page.url


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
