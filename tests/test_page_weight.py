"""What a procedure page costs a citizen on a phone (issue 18, item 3): under 100 KB with everything it
loads (HTML, style sheets, scripts, uncompressed), under 20 KB of JavaScript. Sizes, not times: the
figures measured over HTTP with compression are in benchmarks/README.md (bench_pages.py)."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from procedures.tests.factories import make_full_procedure

pytestmark = pytest.mark.django_db


def _static_size(url: str) -> int:
    assert url.startswith("/static/"), url
    path = finders.find(url.removeprefix("/static/").split("?")[0])
    assert path, f"{url} is not a static file of the portal"
    with open(path, "rb") as handle:
        return len(handle.read())


def test_a_procedure_page_is_light(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    procedure = make_full_procedure()
    html = Client().get(procedure.url).content
    text = html.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', text)
    styles = re.findall(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"', text)
    assert scripts and styles  # the page really loads some
    javascript = sum(_static_size(url) for url in scripts)
    total = len(html) + javascript + sum(_static_size(url) for url in styles)
    assert javascript < 20 * 1024, javascript
    assert total < 100 * 1024, total
    # No script or style from anywhere else (the CSP would refuse it anyway).
    assert not re.search(r'<script[^>]+src="https?://', text)
