"""Where a citizen can go from every page: the menu marks only the page they are on, and the footer
reaches the statistics, the roadmap and open data (a crawl from the home page found none of them)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from dossiers.tests.factories import make_citizen, make_online_procedure
from dossiers.tests.flow import submit_url

pytestmark = pytest.mark.django_db


def _nav_current(html: str) -> list[str]:
    nav = BeautifulSoup(html, "html.parser").select_one("nav.site-nav")
    return [a.get_text(strip=True) for a in nav.select("a[aria-current]")]


def test_the_wizard_does_not_mark_the_lookup_in_the_menu(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    procedure = make_online_procedure()
    client.force_login(make_citizen(citizen_id="080190001234"))
    response = client.get(submit_url(procedure))
    assert response.status_code == 200 and "nguoi-nop" in response.content.decode()
    assert "Tra cứu hồ sơ" not in _nav_current(response.content.decode())


def test_the_lookup_page_is_marked_as_the_current_page(client):
    html = client.get(reverse("dossiers:lookup")).content.decode()
    nav = BeautifulSoup(html, "html.parser").select_one("nav.site-nav")
    link = nav.find("a", string=re.compile("Tra cứu hồ sơ"))
    assert link["aria-current"] == "page"


@pytest.mark.engine  # the statistics pages it opens read vendor SQL
def test_the_footer_reaches_statistics_roadmap_and_open_data(client):
    html = client.get(reverse("dossiers:lookup")).content.decode()
    footer = BeautifulSoup(html, "html.parser").select_one("footer nav")
    hrefs = {a["href"] for a in footer.select("a")}
    wanted = {reverse("stats:province"), reverse("roadmap:list"), reverse("opendata:index")}
    assert wanted <= hrefs
    for href in wanted:
        assert client.get(href).status_code == 200, href


def test_the_open_data_root_leads_to_the_current_index(client):
    response = client.get("/du-lieu-mo/")
    assert response.status_code == 302
    assert response["Location"] == reverse("opendata:index")
