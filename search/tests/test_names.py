"""Level twins: names that differ only by a level or authority qualifier, and how they are ranked."""

import pytest

from search.names import name_parts
from search.services import run_search


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Cấp thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)",
            "Cấp thẻ bảo hiểm y tế (thực hiện tại cấp trung ương)",
        ),
        ("Cấp đổi thẻ căn cước (thực hiện tại cấp tỉnh)", "Cấp đổi thẻ căn cước"),
        ("Cấp giấy phép thăm dò khoáng sản (cấp Bộ)", "Cấp Giấy phép thăm dò khoáng sản (cấp Tỉnh)"),
        ("Cấp lại thẻ giám định viên tư pháp cấp Trung ương", "Cấp lại thẻ giám định viên tư pháp cấp tỉnh"),
        (
            "Phê duyệt quy trình vận hành hồ chứa nước thuộc thẩm quyền của UBND cấp tỉnh",
            "Phê duyệt quy trình vận hành hồ chứa nước thuộc thẩm quyền của Bộ Nông nghiệp và Môi trường quản lý",
        ),
    ],
)
def test_level_twins_share_a_family(first, second):
    assert name_parts(first).family == name_parts(second).family


def test_content_in_parentheses_is_not_a_level_qualifier():
    parents = name_parts("Cấp giấy chứng nhận cơ sở sản xuất giống thủy sản (đối với giống bố mẹ)")
    others = name_parts("Cấp giấy chứng nhận cơ sở sản xuất giống thủy sản (trừ giống bố mẹ)")
    assert parents.family != others.family
    assert parents.family.endswith("giong bo me") and others.family.endswith("tru giong bo me")


def test_qualifier_and_head():
    parts = name_parts("Phê duyệt phương án ứng phó thiên tai thuộc thẩm quyền của Chủ tịch UBND cấp tỉnh")
    assert parts.family == "phe duyet phuong an ung pho thien tai"
    assert parts.head_words == frozenset(parts.family.split())
    assert {"chu", "tich", "ubnd", "cap", "tinh"} <= parts.qualifier_words
    assert "cap_tinh" in parts.qualifier_pairs
    assert name_parts("Đăng ký khai sinh").qualifier_words == frozenset()


@pytest.fixture
def twins(make_procedure):
    # The commune twin has the shorter name, so it scores a little higher on its own.
    return {
        "commune": make_procedure(
            "1.900002",
            "Phê duyệt phương án ứng phó thiên tai cho công trình thuộc thẩm quyền của UBND cấp xã",
            field_name="Thủy lợi",
            levels=("commune",),
        ),
        "ministry": make_procedure(
            "1.900003",
            "Phê duyệt phương án ứng phó thiên tai cho công trình thuộc thẩm quyền của Bộ Nông nghiệp và Môi trường",
            field_name="Thủy lợi",
            levels=("ministry",),
        ),
        "province": make_procedure(
            "1.900001",
            "Phê duyệt phương án ứng phó thiên tai cho công trình thuộc thẩm quyền của Chủ tịch UBND cấp tỉnh",
            field_name="Thủy lợi",
            levels=("province",),
        ),
    }


def codes(query):
    return [hit.code for hit in run_search(query=query).hits]


@pytest.mark.django_db
def test_twins_come_in_the_order_of_the_home_levels(twins):
    assert codes("phê duyệt phương án ứng phó thiên tai") == ["1.900001", "1.900002", "1.900003"]
    assert codes("Xin hỏi hồ sơ phê duyệt phuong an ung pho thien tai cho cong trinh?")[:3] == [
        "1.900001",
        "1.900002",
        "1.900003",
    ]


@pytest.mark.django_db
def test_a_query_naming_the_level_keeps_the_score_order(twins):
    assert codes("phương án ứng phó thiên tai cấp xã")[0] == "1.900002"
    assert codes("phuong an ung pho thien tai UBND xa")[0] == "1.900002"
    assert codes("phương án ứng phó thiên tai Bộ Nông nghiệp")[0] == "1.900003"


@pytest.mark.django_db
def test_a_plain_name_twin_and_a_query_naming_its_level(make_procedure):
    make_procedure("1.900011", "Cấp đổi thẻ căn cước", field_name="Căn cước", levels=("commune",))
    make_procedure(
        "1.900012",
        "Cấp đổi thẻ căn cước (thực hiện tại cấp tỉnh)",
        field_name="Căn cước",
        levels=("province",),
    )
    assert codes("cấp đổi thẻ căn cước") == ["1.900012", "1.900011"]  # the shorter name scores higher
    assert codes("cap doi the can cuoc o xa")[0] == "1.900011"


@pytest.mark.django_db
def test_without_home_levels_the_scores_decide(twins):
    from search.engines import get_engine

    get_engine().config.home_levels = ()
    assert codes("phê duyệt phương án ứng phó thiên tai")[0] == "1.900002"
