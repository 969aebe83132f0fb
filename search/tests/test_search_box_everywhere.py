"""A search box on every public page: every parameterless URL of every app, the procedure pages, and
the error pages (400, 403, 404, 500), without JavaScript (a plain GET form to the results page)."""

import re

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views import defaults

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(module_sample):
    """The conftest's sample, published once for this module (see conftest.module_sample)."""
    return module_sample


SEARCH_URL = reverse("search:search")
# Not citizen pages: the admin sites, document downloads, the language switch (a POST endpoint),
# the payment gateway simulator (it stands for another site, the gateway's).
SKIPPED_PREFIXES = ("admin/", "documents/", "i18n/", "_util/", "thanh-toan/gia-lap/")
FORM = re.compile(r'<form[^>]*action="' + re.escape(SEARCH_URL) + r'"[^>]*method="get"[^>]*role="search"')


def has_search_box(html: str) -> bool:
    return bool(FORM.search(html)) and re.search(r'<input[^>]*type="search"[^>]*name="q"', html) is not None


def parameterless_paths(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from parameterless_paths(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" not in route and not route.startswith("^"):
            if not route.startswith(SKIPPED_PREFIXES):
                yield "/" + route


def test_the_walk_finds_the_pages_of_other_apps():
    paths = set(parameterless_paths())
    assert {"/tim-kiem/", "/gop-y/", "/ho-so/tra-cuu/", "/tai-khoan/dang-nhap/", "/thong-ke/"} <= paths


@pytest.mark.engine
def test_every_public_html_page_has_the_search_box(client, sample):
    checked = []
    for path in sorted(parameterless_paths()):
        response = client.get(path, follow=True)
        if "text/html" not in response.get("Content-Type", "") or not response.content:
            continue  # JSON (autocomplete, APIs), CSV, PDF, an empty 405 of a POST-only endpoint
        html = response.content.decode()
        assert has_search_box(html), f"{path} ({response.status_code}) has no search box"
        checked.append(path)
    assert len(checked) >= 10, checked
    # Wagtail pages: the home page, the catalog and a procedure page.
    for page in (sample["khai_sinh"].get_parent().get_parent(), sample["khai_sinh"].get_parent()):
        assert has_search_box(client.get(page.url).content.decode()), page.url
    assert has_search_box(client.get(sample["khai_sinh"].url).content.decode())


def test_the_results_page_has_its_own_box_instead_of_the_header_one(client):
    html = client.get(SEARCH_URL, {"q": "khai sinh"}).content.decode()
    assert html.count('name="q"') == 1
    assert 'id="search-page-q"' in html and 'value="khai sinh"' in html


@pytest.mark.parametrize(
    "view, status",
    [(defaults.bad_request, 400), (defaults.permission_denied, 403), (defaults.page_not_found, 404)],
)
def test_error_pages_have_the_search_box(rf: RequestFactory, view, status):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/khong-co/")
    request.user = AnonymousUser()
    response = view(request, exception=Exception("x"))
    assert response.status_code == status
    assert has_search_box(response.content.decode()), status


def test_a_missing_page_through_the_whole_stack_has_the_search_box(client, sample):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert has_search_box(response.content.decode())


def test_the_server_error_page_has_the_search_box_without_a_database(rf, django_assert_num_queries):
    request = rf.get("/")
    with django_assert_num_queries(0):
        response = defaults.server_error(request)
    assert response.status_code == 500
    assert has_search_box(response.content.decode())


def test_error_pages_speak_english_too(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override("en"):
        html = defaults.permission_denied(request, exception=Exception("x")).content.decode()
    assert "Access denied" in html and has_search_box(html)
