"""Headers and cookies (issue 17, item 6): Permissions-Policy on every page, the language cookie
HttpOnly and SameSite (Secure in production), drafts that keep only declared fields."""

import pytest
from django.urls import reverse

from dossiers.models import Draft
from dossiers.tests.factories import make_citizen, make_online_procedure, wizard_data
from dossiers.tests.flow import APPLICANT, applicant_values, submit_url

pytestmark = pytest.mark.django_db


def test_every_page_sends_a_permissions_policy(client):
    for url in ("/", "/tim-kiem/?q=khai+sinh", "/ho-so/tra-cuu/", "/xac-thuc/"):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy


def test_the_language_cookie_is_http_only_and_same_site(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_draft_keeps_only_the_fields_of_its_step(client):
    procedure = make_online_procedure()
    client.force_login(make_citizen())
    client.get(submit_url(procedure))
    junk = {f"nguoi-nop-rac_{n}": "x" * 200 for n in range(2000)}  # with the step's own prefix
    response = client.post(submit_url(procedure), {**wizard_data("nguoi-nop", applicant_values()), **junk})
    assert response.status_code == 200 and not response.context["form"].errors  # on to the next step
    stored = str(Draft.objects.get().data)
    assert APPLICANT["full_name"] in stored  # the step was kept…
    assert "rac_" not in stored  # …and nothing else
    assert len(stored) < 20_000
