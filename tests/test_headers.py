"""Headers and cookies (issue 17, item 6): Permissions-Policy on every page, the language cookie
HttpOnly and SameSite (Secure in production), drafts that keep only declared fields."""

import re

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


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_pages_send_a_strict_content_security_policy(client):
    for url in ("/", "/tim-kiem/?q=khai+sinh", "/ho-so/tra-cuu/", "/xac-thuc/", "/tai-khoan/dang-ky/"):
        policy = _directives(client.get(url)["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]  # nothing inline
        assert policy["object-src"] == policy["base-uri"] == policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]  # the development gateway is the portal's simulator


def test_an_inline_block_runs_only_with_the_nonce_of_its_response(client):
    # The gateway simulator's page carries its styles inline, marked with the request's nonce.
    first = client.get("/thanh-toan/gia-lap/paymentv2/vpcpay.html")
    second = client.get("/thanh-toan/gia-lap/paymentv2/vpcpay.html")
    nonces = []
    for response in (first, second):
        nonce = re.search(r'<style nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in _directives(response["Content-Security-Policy"])["style-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1] and len(nonces[0]) >= 22  # a fresh, unguessable nonce each time


def test_forms_may_lead_to_the_configured_payment_gateway_and_sign_in_provider():
    from portal.settings.components.security import content_security_policy

    policy = content_security_policy(
        form_targets=["https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", "", "/relative/", "javascript:x"],
        upgrade_insecure_requests=True,
    )["DIRECTIVES"]
    assert policy["form-action"] == ["'self'", "https://sandbox.vnpayment.vn"]
    assert policy["upgrade-insecure-requests"] is True


def test_the_admin_has_its_own_policy_and_calls_no_third_party(admin_client):
    response = admin_client.get("/admin/")
    policy = _directives(response["Content-Security-Policy"])
    # Wagtail's screens need inline scripts and styles; every source is still the portal itself.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"] and policy["connect-src"] == ["'self'"]
    html = response.content.decode()
    assert "gravatar.com" not in html and "data-w-upgrade" not in html  # no avatars, no release check
