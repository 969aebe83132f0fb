"""Token authentication, scopes and units: 401 / 403 / 404, tokens stored hashed."""

import pytest
from django.urls import reverse

from interop import services
from interop.models import ApiCallLog, ApiClient

from .conftest import bearer

pytestmark = pytest.mark.django_db
LIST = reverse("interop:dossiers")


def _message(response) -> str:
    return response.json()["error"]["message"]


def test_missing_token_is_401_with_a_vietnamese_message(client, dossier):
    response = client.get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Thiếu khóa truy cập" in _message(response)
    assert dossier.code not in response.content.decode()


@pytest.mark.parametrize(
    "header",
    ["Bearer khong-phai-khoa", "Basic dXNlcjpwYXNz", "Bearer dvc_00000000_abc", "Bearer", "Token x"],
)
def test_malformed_or_unknown_tokens_are_401(client, writer, header):
    response = client.get(LIST, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_right_id_wrong_secret_is_401(client, writer):
    api_client, token = writer
    forged = token[: token.rindex("_") + 1] + "x" * 43
    assert client.get(LIST, **bearer(forged)).status_code == 401
    assert client.get(LIST, **bearer(token)).status_code == 200


def test_revoked_token_is_401(client, writer):
    api_client, token = writer
    services.revoke_client(client=api_client)
    response = client.get(LIST, **bearer(token))
    assert response.status_code == 401
    assert "thu hồi" in _message(response)


def test_inactive_client_is_401(client, writer):
    api_client, token = writer
    ApiClient.objects.filter(pk=api_client.pk).update(active=False)
    assert client.get(LIST, **bearer(token)).status_code == 401


def test_a_new_token_replaces_the_old_one(client, writer):
    api_client, old = writer
    new = services.issue_token(client=api_client)
    assert client.get(LIST, **bearer(old)).status_code == 401
    assert client.get(LIST, **bearer(new)).status_code == 200


def test_tokens_are_stored_hashed_only(writer):
    api_client, token = writer
    row = ApiClient.objects.filter(pk=api_client.pk).values().get()
    assert token not in " ".join(str(v) for v in row.values())
    assert len(row["token_hash"]) == 64 and row["token_hash"] != token


def test_missing_scope_is_403(client, make_api_client, unit, dossier):
    api_client, token = make_api_client("dossiers:read", units=[unit])
    url = reverse("interop:status_change", args=[dossier.code])
    response = client.post(url, {"action": "accept"}, content_type="application/json", **bearer(token))
    assert response.status_code == 403
    assert "dossiers:write" in _message(response)
    dossier.refresh_from_db()
    assert dossier.status == "1"
    results = client.post(reverse("interop:results", args=[dossier.code]), {}, **bearer(token))
    assert results.status_code == 403


def test_reading_needs_the_read_scope(client, make_api_client, unit, dossier):
    api_client, token = make_api_client("results:write", units=[unit])
    assert client.get(LIST, **bearer(token)).status_code == 403
    assert client.get(reverse("interop:dossier", args=[dossier.code]), **bearer(token)).status_code == 403


def test_a_unit_the_client_may_not_see_is_403(client, writer, dossier, other_dossier):
    api_client, token = writer
    other_unit = other_dossier.receiving_unit
    response = client.get(LIST, {"unit": other_unit.code}, **bearer(token))
    assert response.status_code == 403
    assert other_unit.code in _message(response)


def test_dossiers_of_other_units_are_invisible(client, writer, dossier, other_dossier):
    api_client, token = writer
    codes = [d["code"] for d in client.get(LIST, **bearer(token)).json()["results"]]
    assert codes == [dossier.code]
    detail = client.get(reverse("interop:dossier", args=[other_dossier.code]), **bearer(token))
    assert detail.status_code == 404
    push = client.post(
        reverse("interop:status_change", args=[other_dossier.code]),
        {"action": "accept"},
        content_type="application/json",
        **bearer(token),
    )
    assert push.status_code == 404
    other_dossier.refresh_from_db()
    assert other_dossier.status == "1"


def test_all_units_client_sees_every_dossier(client, make_api_client, dossier, other_dossier):
    api_client, token = make_api_client("dossiers:read", all_units=True)
    codes = {d["code"] for d in client.get(LIST, **bearer(token)).json()["results"]}
    assert codes == {dossier.code, other_dossier.code}


def test_refused_calls_are_logged_too(client, writer):
    client.get(LIST)
    client.get(LIST, HTTP_AUTHORIZATION="Bearer faux")
    entries = list(ApiCallLog.objects.order_by("pk"))
    assert [(e.client, e.status_code, e.method, e.path) for e in entries] == [
        (None, 401, "GET", LIST),
        (None, 401, "GET", LIST),
    ]
