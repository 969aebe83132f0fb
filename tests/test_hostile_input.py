"""Hostile input never makes a server error (issue 17, item 4): the cases a fuzz run found, and a
walk over every URL pattern of the portal with hostile values as four roles. Marked `engine`: NUL
bytes and huge numbers behave differently on PostgreSQL, where they used to give HTTP 500."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dossiers.constants import OfficerRole
from dossiers.tests.factories import make_citizen
from dossiers.tests.officers import make_dossier, make_officer

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def anonymous(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/gop-y/muc-do-hai-long/?nam=99999999999999999999999999", 400),
        ("/gop-y/danh-gia/?code=../../x", 200),  # the form says what a code looks like
        ("/tim-kiem/?q=%00abc", 400),
        ("/ho-so/tra-cuu/?ma=%00", 400),
        ("/thu-tuc/%00/", 400),
    ],
)
def test_the_cases_the_fuzz_run_found_are_clear_errors(anonymous, url, expected):
    response = anonymous.get(url)
    assert response.status_code == expected
    body = response.content.decode()
    if expected == 400:
        assert "Yêu cầu không hợp lệ" in body


def test_a_date_far_in_the_past_is_explained(anonymous):
    body = anonymous.get("/thong-ke/?ngay=0001-01-01").content.decode()
    assert "quá xa" in body


def test_nul_bytes_in_form_fields_and_json_are_refused(anonymous):
    assert anonymous.post("/ho-so/tra-cuu/", {"ma": "A\x00B", "so_cuoi": "1\x002"}).status_code == 400
    assert anonymous.post("/gop-y/", {"noi_dung": "x\x00y"}).status_code == 400
    response = anonymous.post(
        "/api/v1/dossiers/X/status-changes/", '{"reason": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400


def test_the_api_refuses_nested_and_non_scalar_json(anonymous):
    from interop.services import create_client

    _api_client, token = create_client(
        name="fuzz", scopes=["dossiers:read", "dossiers:write"], units=[], all_units=True
    )
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    url = "/api/v1/dossiers/000.00.12.H53-261207-0001/status-changes/"
    deep = "[" * 5000 + "]" * 5000
    assert anonymous.post(url, deep, content_type="application/json", **auth).status_code == 400
    body = json.dumps({"action": {"a": [1]}, "reason": ["x"]})
    assert anonymous.post(url, body, content_type="application/json", **auth).status_code == 400
    assert anonymous.get("/api/v1/dossiers/?page=99999999999999999999999", **auth).status_code == 400


# ---- every URL pattern, hostile values, four roles ----------------------------------------------

HOSTILE = ["../../x", "%27%22%3E%3Cscript%3E", "%00", "A" * 300, "000.00.12.H53-991231-9999"]
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _routes(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = getattr(pattern.pattern, "_route", None)
        if route is None:  # a regex pattern (Wagtail's page serving): covered by the catalog tests
            continue
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield prefix + route


def _fill(route: str, value: str) -> str:
    def one(match):
        kind = match.group(1) or "str"
        if kind == "int":
            return "99999999999999999999"
        if kind == "uuid":
            return str(uuid.uuid4())
        return value

    return "/" + _CONVERTER.sub(one, route)


def _urls() -> list[str]:
    urls = set()
    for route in _routes():
        if route.startswith(("admin/", "documents/")) and not route.startswith(
            (
                "admin/mot-cua/",
                "admin/thanh-toan/",
                "admin/lich-hen/",
                "admin/khoa-dang-nhap/",
                "admin/lo-trinh",
            )
        ):
            continue  # Wagtail's own admin screens are Wagtail's to test; the portal's admin screens are walked
        for value in HOSTILE if "<" in route else [""]:
            urls.add(_fill(route, value))
    return sorted(urls)


def test_every_url_pattern_with_hostile_values_never_errors(client, django_user_model, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    client.raise_request_exception = False
    dossier = make_dossier()
    officer = make_officer(
        (OfficerRole.RECEPTION, dossier.receiving_unit), (OfficerRole.LEADER, dossier.receiving_unit)
    )
    roles = {
        "anonymous": None,
        "citizen": make_citizen(),
        "officer": officer,
        "administrator": django_user_model.objects.create_superuser("qt.fuzz", "qt@example.invalid", "x"),
    }
    query = "?q=%27%3Cx%3E&page=-1&trang=abc&ngay=0001-01-01&nam=99999&co_quan=..%2F..&format=%00x"
    errors = []
    urls = _urls()
    assert len(urls) > 100, urls
    for role, user in roles.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            for full in (url, url + query):
                response = client.get(full)
                if response.status_code >= 500:
                    errors.append((role, "GET", full, response.status_code))
            if "gia-lap" in url:
                continue  # the gateway simulator's own pages are not the portal's
            response = client.post(url, {"x": "'\"<script>", "ma": "../../x", "code": "%00"})
            if response.status_code >= 500:
                errors.append((role, "POST", url, response.status_code))
    assert errors == []
