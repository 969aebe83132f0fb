"""The home page: search, most-used procedures, browse by field / agency / level / life event, online."""

import pytest

from home.models import FeaturedProcedure, LifeEvent
from procedures.tests.factories import (
    catalog_index,
    home_page,
    make_agency,
    make_field,
    make_procedure,
)
from procedures.tests.test_pages import assert_accessible_basics

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    index = catalog_index()
    hotich = make_field(name="Hộ tịch", slug="ho-tich")
    datdai = make_field(name="Đất đai", slug="dat-dai")
    xa = make_agency(name="UBND xã Tân Phú", slug="ubnd-xa-tan-phu")
    pages = {
        "khai-sinh": make_procedure(
            title="Đăng ký khai sinh", field=hotich, implementing_agency=xa, online_level="full"
        ),
        "ket-hon": make_procedure(
            title="Đăng ký kết hôn", field=hotich, implementing_agency=xa, online_level="partial"
        ),
        "dat": make_procedure(
            title="Cấp giấy chứng nhận quyền sử dụng đất", field=datdai, level_codes=("province",)
        ),
        "bai-bo": make_procedure(title="Thủ tục đã bãi bỏ", field=datdai, status="abolished"),
        "nhap": make_procedure(title="Bản nháp", field=datdai, publish=False),
    }
    return index, pages


def test_home_page_with_featured_procedures_and_life_events(client, catalog):
    _index, pages = catalog
    home = home_page()
    FeaturedProcedure.objects.create(page=home, procedure=pages["ket-hon"], sort_order=0)
    FeaturedProcedure.objects.create(page=home, procedure=pages["bai-bo"], sort_order=1)
    LifeEvent.objects.create(
        page=home, title="Có con nhỏ", description="Khai sinh, bảo hiểm y tế", query="khai sinh & BHYT"
    )

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_accessible_basics(html)

    # A prominent search box, GET to the search page, with a label.
    assert '<label for="home-search-q">' in html
    assert 'action="/tim-kiem/"' in html and 'id="home-search-q" type="search" name="q"' in html
    # The header search stays on the page for the autocomplete helper.
    assert 'id="site-search-q"' in html
    # Most-used: only the featured, live, in-force procedures.
    assert [p.title for p in response.context["featured"]] == ["Đăng ký kết hôn"]
    assert f'href="{pages["ket-hon"].url}"' in html
    # Life events link to the search with their query.
    assert 'href="/tim-kiem/?q=khai%20sinh%20%26%20BHYT"' in html
    # Browse by field and agency, with counts of procedures in force.
    assert 'href="/thu-tuc-hanh-chinh/linh-vuc/ho-tich/"' in html
    assert {o.value: o.count for o in response.context["fields"]} == {"ho-tich": 2, "dat-dai": 1}
    assert 'href="/thu-tuc-hanh-chinh/co-quan/ubnd-xa-tan-phu/"' in html
    assert 'href="/thu-tuc-hanh-chinh/cap/tinh/"' in html
    # Online services: full + partial.
    assert response.context["online"].count == 2
    assert 'href="/thu-tuc-hanh-chinh/muc-do/truc-tuyen/"' in html
    assert "2 thủ tục nộp hồ sơ trực tuyến, trong đó 1 toàn trình" in html
    assert response.context["procedure_total"] == 3
    # The other services are one click away.
    assert 'href="/ho-so/tra-cuu/"' in html and 'href="/gop-y/"' in html


def test_home_page_falls_back_to_recent_procedures(client, catalog):
    response = client.get("/")
    titles = [p.title for p in response.context["featured"]]
    assert set(titles) == {"Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp giấy chứng nhận quyền sử dụng đất"}
    assert "Bản nháp" not in response.content.decode()


def test_home_page_without_a_catalog(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["catalog"] is None
    assert_accessible_basics(response.content.decode())


def test_home_page_shows_only_the_top_fields_with_a_link_to_all(client, catalog):
    index, _pages = catalog
    for n in range(14):
        make_procedure(
            index=index, title=f"Thủ tục {n}", field=make_field(name=f"Lĩnh vực {n:02d}", slug=f"lv-{n}")
        )
    response = client.get("/")
    assert len(response.context["fields"]) == 12
    assert response.context["fields"][0].value == "ho-tich"  # the biggest field first
    assert 'href="/thu-tuc-hanh-chinh/linh-vuc/"' in response.content.decode()
    assert "Xem tất cả 16 lĩnh vực" in response.content.decode()


def test_home_page_query_count_is_bounded(client, catalog, django_assert_max_num_queries):
    home = home_page()
    for page in catalog[1].values():
        FeaturedProcedure.objects.create(page=home, procedure=page)
    client.get("/")
    with django_assert_max_num_queries(16):
        client.get("/")
