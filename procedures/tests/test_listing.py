"""The catalog listing: filters, facet counts, pagination, routes, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.constants import OnlineLevel, ProcedureStatus
from procedures.listing import CatalogFilters, catalog_facets, list_procedures
from procedures.models import ProcedureIndexPage, ProcedurePage
from procedures.tests.factories import catalog_index, make_agency, make_field, make_procedure
from procedures.tests.module_db import rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def catalog_rows(django_db_setup, django_db_blocker):
    """Nine procedures across two fields, two agencies, three levels, all online levels and statuses,
    published once for the module (rolled back at its end); the keys of the index and the pages."""
    with rolled_back(django_db_blocker):
        index, pages = build_catalog()
        yield index.pk, {title: page.pk for title, page in pages.items()}


@pytest.fixture
def catalog(catalog_rows):
    """The module's catalog, read again for each test (what a test changes in memory stays with it)."""
    index_pk, page_pks = catalog_rows
    pages = ProcedurePage.objects.in_bulk(page_pks.values())
    return ProcedureIndexPage.objects.get(pk=index_pk), {title: pages[pk] for title, pk in page_pks.items()}


def build_catalog():
    index = catalog_index()
    hotich = make_field(name="Hộ tịch", slug="ho-tich")
    datdai = make_field(name="Đất đai", slug="dat-dai")
    xa = make_agency(name="UBND xã Tân Phú", slug="ubnd-xa-tan-phu")
    so = make_agency(name="Sở Tài nguyên và Môi trường", slug="so-tnmt")
    rows = [
        # title, field, agency, levels, online, status
        ("Đăng ký khai sinh", hotich, xa, ("commune",), "full", "active"),
        ("Đăng ký kết hôn", hotich, xa, ("commune",), "full", "active"),
        ("Đăng ký khai tử", hotich, xa, ("commune",), "partial", "amended"),
        ("Trích lục hộ tịch", hotich, so, ("province", "commune"), "none", "active"),
        ("Đăng ký khai sinh (cũ)", hotich, xa, ("district",), "full", "abolished"),
        ("Cấp giấy chứng nhận quyền sử dụng đất", datdai, so, ("province",), "partial", "active"),
        ("Đăng ký biến động đất đai", datdai, so, ("province",), "none", "active"),
        ("Giao đất", datdai, so, ("province",), "none", "abolished"),
        ("Thủ tục không lĩnh vực", None, None, (), "none", "active"),
    ]
    pages = {}
    for title, field, agency, levels, online, status in rows:
        pages[title] = make_procedure(
            index=index,
            title=title,
            field=field,
            implementing_agency=agency,
            level_codes=levels,
            online_level=online,
            status=status,
        )
    # A draft is never listed.
    make_procedure(index=index, title="Bản nháp", field=hotich, publish=False)
    return index, pages


def counts(facet):
    return {option.value: option.count for option in facet.options}


def titles(listing):
    return {page.title for page in listing.page.object_list}


def test_default_lists_procedures_in_force_only(catalog):
    index, _pages = catalog
    listing = list_procedures(filters=CatalogFilters(), root=index)
    assert listing.total == 7
    assert "Giao đất" not in titles(listing)
    assert "Bản nháp" not in titles(listing)
    assert counts(listing.facets["status"]) == {"": 7, "abolished": 2, "all": 9}


def test_facet_counts_of_the_whole_catalog(catalog):
    index, _pages = catalog
    facets = list_procedures(filters=CatalogFilters(), root=index).facets
    assert counts(facets["field"]) == {"ho-tich": 4, "dat-dai": 2}
    assert counts(facets["agency"]) == {"ubnd-xa-tan-phu": 3, "so-tnmt": 3}
    assert counts(facets["level"]) == {"commune": 4, "province": 3}
    assert counts(facets["online"]) == {"online": 4, "full": 2, "partial": 2, "none": 3}
    # Options read in Vietnamese alphabetical order: "Đất đai" before "Hộ tịch".
    assert [o.label for o in facets["field"].options] == ["Đất đai", "Hộ tịch"]


def test_filters_combine_and_counts_are_disjunctive(catalog):
    index, _pages = catalog
    listing = list_procedures(filters=CatalogFilters(field="ho-tich", online="full"), root=index)
    assert titles(listing) == {"Đăng ký khai sinh", "Đăng ký kết hôn"}
    # Each facet counts with the *other* filters: fields given online=full, online levels given ho-tich.
    assert counts(listing.facets["field"]) == {"ho-tich": 2}
    assert counts(listing.facets["online"]) == {"online": 3, "full": 2, "partial": 1, "none": 1}
    assert counts(listing.facets["level"]) == {"commune": 2}
    assert listing.facets["field"].selected.value == "ho-tich"
    assert [label for _f, label, _u in listing.active] == ["Hộ tịch", "Toàn trình"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"agency": "so-tnmt"}, {"Trích lục hộ tịch", "Cấp giấy chứng nhận quyền sử dụng đất", "Đăng ký biến động đất đai"}),
        ({"level": "province", "field": "ho-tich"}, {"Trích lục hộ tịch"}),
        ({"level": "commune", "agency": "ubnd-xa-tan-phu"}, {"Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử"}),
        ({"online": "online", "field": "dat-dai"}, {"Cấp giấy chứng nhận quyền sử dụng đất"}),
        ({"online": "none", "agency": "so-tnmt", "level": "province"}, {"Trích lục hộ tịch", "Đăng ký biến động đất đai"}),
        ({"status": "abolished"}, {"Giao đất", "Đăng ký khai sinh (cũ)"}),
        ({"status": "abolished", "field": "dat-dai"}, {"Giao đất"}),
        ({"status": "all", "level": "district"}, {"Đăng ký khai sinh (cũ)"}),
        ({"level": "district"}, set()),
    ],
)  # fmt: skip
def test_each_filter_and_combinations(catalog, filters, expected):
    index, _pages = catalog
    listing = list_procedures(filters=CatalogFilters(**filters), root=index)
    assert titles(listing) == expected
    assert listing.total == len(expected)


def test_unknown_values_are_ignored_with_a_message(catalog):
    index, _pages = catalog
    raw = {"field": "khong-co", "level": "galaxy", "online": "9", "status": "x", "agency": "<b>"}
    listing = list_procedures(filters=CatalogFilters.from_params(raw), root=index)
    assert listing.total == 7
    assert listing.filters.is_default
    assert len(listing.ignored) == 5
    assert any("khong-co" in message for message in listing.ignored)


def test_chosen_field_without_results_stays_selected(catalog):
    index, _pages = catalog
    listing = list_procedures(filters=CatalogFilters(field="dat-dai", agency="ubnd-xa-tan-phu"), root=index)
    assert listing.total == 0
    assert listing.facets["field"].selected.value == "dat-dai"
    assert listing.facets["agency"].selected.value == "ubnd-xa-tan-phu"


def test_querystring_is_stable_and_facet_urls_combine(catalog):
    index, _pages = catalog
    filters = CatalogFilters(field="ho-tich", level="commune")
    assert filters.querystring() == "?field=ho-tich&level=commune"
    assert filters.querystring(level="") == "?field=ho-tich"
    listing = list_procedures(filters=filters, root=index, base_url="/thu-tuc-hanh-chinh/")
    full = next(o for o in listing.facets["online"].options if o.value == "full")
    assert full.url == "/thu-tuc-hanh-chinh/?field=ho-tich&level=commune&online=full"


def test_pagination(catalog):
    index, _pages = catalog
    for n in range(25):
        make_procedure(index=index, title=f"Thủ tục số {n:02d}", field=make_field(name="Khác", slug="khac"))
    first = list_procedures(filters=CatalogFilters(field="khac"), root=index, per_page=20)
    assert first.total == 25
    assert len(first.page.object_list) == 20
    assert first.page.paginator.num_pages == 2
    second = list_procedures(filters=CatalogFilters(field="khac"), root=index, page_number="2", per_page=20)
    assert [p.title for p in second.page.object_list] == [f"Thủ tục số {n:02d}" for n in range(20, 25)]
    # Garbage or out-of-range page numbers fall back instead of failing.
    assert list_procedures(filters=CatalogFilters(), root=index, page_number="abc").page.number == 1
    assert (
        list_procedures(filters=CatalogFilters(field="khac"), root=index, page_number="99").page.number == 2
    )


def test_catalog_facets_for_home(catalog):
    index, _pages = catalog
    facets = catalog_facets(root=index, names=("field", "online"))
    assert set(facets) == {"field", "online"}
    assert counts(facets["online"])["online"] == 4


# --- Views and routes ------------------------------------------------------------------------------
def test_index_page_renders_results_and_facets(client, catalog):
    response = client.get("/thu-tuc-hanh-chinh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đăng ký khai sinh" in html
    assert "Giao đất" not in html
    assert "Hộ tịch (4)" in html
    assert 'name="field"' in html and 'name="online"' in html and 'name="status"' in html


def test_index_with_get_filters(client, catalog):
    response = client.get("/thu-tuc-hanh-chinh/", {"field": "dat-dai", "online": "partial"})
    html = response.content.decode()
    assert response.context["listing"].total == 1
    assert "Cấp giấy chứng nhận quyền sử dụng đất" in html
    assert "Đăng ký biến động đất đai" not in html
    assert '<option value="dat-dai" selected>' in html


def test_index_with_bad_filter_shows_message(client, catalog):
    response = client.get("/thu-tuc-hanh-chinh/", {"field": "khong-co"})
    assert response.status_code == 200
    assert "Không có lĩnh vực “khong-co”" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "expected_total", "heading"),
    [
        ("linh-vuc/ho-tich/", 4, "Thủ tục lĩnh vực Hộ tịch"),
        ("co-quan/so-tnmt/", 3, "Thủ tục do Sở Tài nguyên và Môi trường thực hiện"),
        ("cap/tinh/", 3, "Thủ tục hành chính cấp tỉnh"),
        ("cap/commune/", 4, "Thủ tục hành chính cấp xã"),
        ("muc-do/toan-trinh/", 2, "Dịch vụ công trực tuyến toàn trình"),
        ("muc-do/truc-tuyen/", 4, "Dịch vụ công trực tuyến"),
        ("muc-do/partial/", 2, "Dịch vụ công trực tuyến một phần"),
    ],
)
def test_listing_routes_are_the_listing_with_a_preset(client, catalog, path, expected_total, heading):
    response = client.get("/thu-tuc-hanh-chinh/" + path)
    assert response.status_code == 200
    assert response.context["listing"].total == expected_total
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<h1") == 1
    # Breadcrumbs lead back to the catalog.
    assert 'href="/thu-tuc-hanh-chinh/"' in html


def test_route_combines_with_get_filters(client, catalog):
    response = client.get("/thu-tuc-hanh-chinh/linh-vuc/ho-tich/", {"online": "full", "field": "dat-dai"})
    listing = response.context["listing"]
    assert listing.filters.field == "ho-tich"  # the route wins over the query string
    assert {p.title for p in listing.page.object_list} == {"Đăng ký khai sinh", "Đăng ký kết hôn"}


@pytest.mark.parametrize("path", ["linh-vuc/khong-co/", "co-quan/khong-co/", "cap/vu-tru/", "muc-do/5/"])
def test_unknown_route_values_are_404(client, catalog, path):
    assert client.get("/thu-tuc-hanh-chinh/" + path).status_code == 404


def test_browse_pages_list_every_field_and_agency_with_counts(client, catalog):
    html = client.get("/thu-tuc-hanh-chinh/linh-vuc/").content.decode()
    assert 'href="/thu-tuc-hanh-chinh/linh-vuc/ho-tich/"' in html
    assert '<span class="count">4</span>' in html
    html = client.get("/thu-tuc-hanh-chinh/co-quan/").content.decode()
    assert 'href="/thu-tuc-hanh-chinh/co-quan/so-tnmt/"' in html


def test_pagination_links_keep_filters(client, catalog):
    index, _pages = catalog
    field = make_field(name="Khác", slug="khac")
    for n in range(23):
        make_procedure(index=index, title=f"Thủ tục số {n:02d}", field=field, online_level=OnlineLevel.FULL)
    response = client.get("/thu-tuc-hanh-chinh/", {"field": "khac", "page": "2"})
    html = response.content.decode()
    assert len(response.context["listing"].page.object_list) == 3
    assert 'href="?field=khac&amp;page=1"' in html
    assert 'aria-current="page"' in html
    route = client.get("/thu-tuc-hanh-chinh/linh-vuc/khac/").content.decode()
    assert 'href="?page=2"' in route


def test_listing_has_no_n_plus_one(client, catalog, django_assert_max_num_queries):
    index, _pages = catalog
    field = make_field(name="Khác", slug="khac")
    agency = make_agency(name="Cơ quan khác", slug="co-quan-khac")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/thu-tuc-hanh-chinh/", {"field": "khac"}).status_code == 200
        return len(captured)

    make_procedure(
        index=index, title="Một", field=field, implementing_agency=agency, level_codes=("province",)
    )
    few = queries()
    for n in range(15):
        make_procedure(
            index=index,
            title=f"Thêm {n}",
            field=field,
            implementing_agency=agency,
            level_codes=("province", "commune"),
        )
    assert queries() == few
    with django_assert_max_num_queries(20):
        client.get("/thu-tuc-hanh-chinh/", {"field": "khac", "level": "province", "online": "none"})


def test_abolished_only_with_filter_in_html(client, catalog):
    html = client.get("/thu-tuc-hanh-chinh/", {"status": ProcedureStatus.ABOLISHED}).content.decode()
    assert "Giao đất" in html
    assert "Đã bãi bỏ" in html


def test_results_are_in_vietnamese_alphabetical_order():
    index = catalog_index()
    field = make_field(name="Thứ tự", slug="thu-tu")
    for title in [
        "Xác nhận tình trạng hôn nhân",
        "Đăng ký khai sinh",
        "Cấp bản sao",
        "Dân tộc",
        "Ân xá",
        "Bổ sung",
    ]:
        make_procedure(index=index, title=title, field=field, level_codes=("commune", "province"))
    listing = list_procedures(filters=CatalogFilters(field="thu-tu"), root=index)
    assert [p.title for p in listing.page.object_list] == [
        "Ân xá",
        "Bổ sung",
        "Cấp bản sao",
        "Dân tộc",
        "Đăng ký khai sinh",
        "Xác nhận tình trạng hôn nhân",
    ]
    # With an M2M filter (a join) every procedure still appears once.
    listing = list_procedures(filters=CatalogFilters(field="thu-tu", level="commune"), root=index)
    assert listing.total == 6
