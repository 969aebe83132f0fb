"""Pages a shared front cache may keep (issue 18, item 2): an anonymous GET of the public pages sets
no cookie and says `public` with a shared lifetime; anything personal or with a form says `private`."""

import pytest
from django.test import Client
from django.urls import reverse

from dossiers.tests.factories import make_citizen
from procedures.tests.factories import make_full_procedure

pytestmark = pytest.mark.django_db


def _cache_control(response) -> dict[str, str]:
    parts = (part.strip().split("=") for part in response.get("Cache-Control", "").split(","))
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts if part[0]}


@pytest.fixture
def procedure(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_full_procedure()


@pytest.mark.engine  # the statistics pages run raw SQL
def test_anonymous_public_pages_are_shareable_and_set_no_cookie(client, procedure, settings):
    pages = {
        "/": 3600,
        procedure.url: 3600,
        "/tim-kiem/?q=khai+sinh": 60,
        "/thong-ke/": 600,
        "/lo-trinh/": 600,
        reverse("feedback:questions"): 3600,
    }
    for url, shared_seconds in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, list(response.cookies))
        directives = _cache_control(response)
        assert "public" in directives and "private" not in directives, (url, directives)
        assert directives["s-maxage"] == str(shared_seconds), (url, directives)
        assert directives["max-age"] == str(min(settings.FRONT_CACHE_BROWSER_SECONDS, shared_seconds))
        assert "Accept-Language" in response["Vary"]  # one copy per language


def test_signed_in_users_and_forms_are_never_shared(client, procedure):
    form_page = client.get(reverse("feedback:procedure_form", args=[procedure.code]))
    assert "csrftoken" in form_page.cookies and "private" in _cache_control(form_page)
    citizen = make_citizen()
    client.force_login(citizen)
    for url in ("/", procedure.url, "/tim-kiem/?q=khai+sinh"):
        directives = _cache_control(client.get(url))
        assert "private" in directives and "public" not in directives, url


def test_personal_and_transactional_addresses_are_never_marked_shareable(client):
    for url in (
        "/tai-khoan/dang-nhap/",
        "/ho-so/tra-cuu/",
        "/xac-thuc/",
        "/gop-y/tra-cuu/",
        "/api/v1/openapi.json",
    ):
        assert "public" not in _cache_control(client.get(url)), url


def test_the_language_switch_works_without_a_token_or_a_cookie_on_the_page(procedure):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(procedure.url)
    assert "csrfmiddlewaretoken" not in page.content.decode()
    switched = browser.post(reverse("set_language"), {"language": "en", "next": procedure.url})
    assert switched.status_code == 302 and switched["Location"] == procedure.url
    assert switched.cookies["django_language"].value == "en"
    assert '<html lang="en"' in browser.get(procedure.url).content.decode()
    # The next address is still checked: no redirect off the site.
    away = browser.post(reverse("set_language"), {"language": "vi", "next": "https://example.com/"})
    assert away["Location"] == "/"


def test_publishing_a_page_purges_it_from_the_front_cache(procedure, settings):
    """Wagtail's frontend cache, as production configures it (FRONTEND_CACHE_PURGE_URL): publishing
    sends PURGE for the page's address to the front cache (here a real HTTP server standing for it)."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    purged = []

    class FrontCache(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), FrontCache)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        procedure.title = "Đăng ký khai sinh (sửa)"
        procedure.save_revision().publish()
    finally:
        server.shutdown()
    assert procedure.url in [path for path, _host in purged], purged
