"""The page cache (core.pagecache, issue 18 item 3): an anonymous public page is rendered once and then
answered from Django's cache until published content changes; nothing personal is ever stored."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.pagecache import HEADER, content_version
from dossiers.tests.factories import make_citizen
from procedures.tests.factories import make_full_procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield make_full_procedure()
    cache.clear()


def test_an_anonymous_page_is_rendered_once_then_answered_from_the_cache(client, procedure):
    first = client.get(procedure.url)
    second = client.get(procedure.url)
    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"] and "public" in second["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]  # its nonce matches
    assert not second.cookies
    # Another address, or the same with another query, is its own copy.
    assert client.get(procedure.url + "?a=1")[HEADER] == "miss"
    assert client.get("/")[HEADER] == "miss"


def test_publishing_replaces_the_copy(client, procedure):
    client.get(procedure.url)
    before = content_version()
    procedure.title = "Đăng ký khai sinh lưu động"
    procedure.save_revision().publish()
    assert content_version() != before
    again = client.get(procedure.url)
    assert again[HEADER] == "miss"
    assert "Đăng ký khai sinh lưu động" in again.content.decode()


def test_an_agency_edit_replaces_every_copy(client, procedure):
    client.get(procedure.url)
    agency = procedure.implementing_agency
    agency.address = "Số 9 đường Nguyễn Huệ"
    agency.save()
    again = client.get(procedure.url)
    assert again[HEADER] == "miss"


def test_each_language_has_its_own_copy(procedure):
    vietnamese = Client(HTTP_ACCEPT_LANGUAGE="vi").get(procedure.url)
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(procedure.url)
    assert vietnamese[HEADER] == english[HEADER] == "miss"
    assert '<html lang="vi"' in vietnamese.content.decode()
    assert '<html lang="en"' in english.content.decode()
    chosen = Client()
    chosen.cookies["django_language"] = "en"
    assert '<html lang="en"' in chosen.get(procedure.url).content.decode()


def test_signed_in_users_and_forms_are_never_stored_nor_served_from_the_cache(client, procedure):
    client.get(procedure.url)  # stored for anonymous visitors
    signed_in = Client()
    signed_in.force_login(make_citizen())
    own = signed_in.get(procedure.url)
    assert HEADER not in own and "private" in own["Cache-Control"]
    assert "Hồ sơ của tôi" in own.content.decode()  # the signed-in header, not the stored copy
    # A form page sets the CSRF cookie: not stored; a visitor who holds that cookie gets fresh pages.
    form_url = reverse("feedback:procedure_form", args=[procedure.code])
    form_page = client.get(form_url)
    assert "csrftoken" in form_page.cookies and HEADER not in form_page
    assert HEADER not in client.get(form_url)
    assert HEADER not in client.get(procedure.url)  # the client now holds the csrftoken cookie


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, procedure):
    client.get(procedure.url)
    client.cookies["messages"] = "a-message-to-show"
    assert HEADER not in client.get(procedure.url)


def test_personal_addresses_and_errors_are_not_stored(client, procedure):
    for url in ("/tai-khoan/dang-nhap/", "/ho-so/tra-cuu/", "/khong-co-trang-nay/"):
        client.get(url)
        assert HEADER not in client.get(url), url


@pytest.mark.engine  # the statistics pages run raw SQL
def test_statistics_pages_follow_the_statistics_data_version(client, procedure):
    from stats.services.figure_cache import bump_stats_version

    assert client.get("/thong-ke/")[HEADER] == "miss"
    assert client.get("/thong-ke/")[HEADER] == "hit"
    bump_stats_version()
    assert client.get("/thong-ke/")[HEADER] == "miss"


def test_off_when_no_lifetime_is_set(client, procedure, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(procedure.url)
    assert HEADER not in client.get(procedure.url)
