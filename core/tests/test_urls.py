"""Every absolute link comes from SITE_BASE_URL: not from the request's host, not from Wagtail's Site
row (which says localhost:80 on a fresh install)."""

import csv
import io

import pytest
from django.urls import reverse

from core.urls import absolute_url, page_absolute_url
from dossiers.receipts import receipt_context
from dossiers.tests.officers import make_dossier

BASE = "https://dichvucong.example.vn"


def test_absolute_url_joins_the_setting_and_the_path(settings):
    settings.SITE_BASE_URL = BASE + "/"
    assert absolute_url("/du-lieu-mo/v1/") == BASE + "/du-lieu-mo/v1/"
    assert absolute_url("thu-tuc/1.000894/") == BASE + "/thu-tuc/1.000894/"


@pytest.mark.django_db
def test_open_data_and_receipts_link_to_the_published_address(client, settings, tmp_path):
    settings.SITE_BASE_URL = BASE
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dossier = make_dossier()
    page = dossier.procedure
    assert page_absolute_url(page) == BASE + page.url
    index = client.get(reverse("opendata:index")).content.decode()
    assert BASE + reverse("opendata:catalog", args=["csv"]) in index
    assert "testserver" not in index and "localhost" not in index
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("opendata:catalog", args=["csv"])).content.decode()))
    )
    urls = [value for row in rows for value in row.values() if value and value.startswith("http")]
    assert urls and all(url.startswith(BASE + "/") for url in urls)
    assert receipt_context(dossier)["lookup_url"].startswith(BASE + "/ho-so/tra-cuu/")
    client.force_login(dossier.user)
    assert (
        BASE + "/ho-so/tra-cuu/"
        in client.get(reverse("dossiers:receipt", args=[dossier.code])).content.decode()
    )
