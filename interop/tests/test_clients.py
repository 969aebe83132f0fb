"""Clients managed by the management command and in the Wagtail admin; the log in the admin."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from interop import services
from interop.models import ApiCallLog, ApiClient

from .conftest import bearer

pytestmark = pytest.mark.django_db
LIST = reverse("interop:dossiers")


def run(*args) -> str:
    out = io.StringIO()
    call_command("interop_client", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_command_creates_lists_rotates_and_revokes(client, unit, dossier):
    token = run("create", "cong-tinh", "--scope", "dossiers:read", "--unit", unit.code)
    assert token.startswith("dvc_")
    response = client.get(LIST, **bearer(token))
    assert response.status_code == 200 and response.json()["count"] == 1
    assert run("list") == f"cong-tinh\tactive\tdossiers:read\t{unit.code}"
    new = run("rotate", "cong-tinh")
    assert client.get(LIST, **bearer(token)).status_code == 401
    assert client.get(LIST, **bearer(new)).status_code == 200
    run("revoke", "cong-tinh")
    assert client.get(LIST, **bearer(new)).status_code == 401
    assert "revoked" in run("list")


def test_command_refuses_unknown_units_and_no_units(unit):
    with pytest.raises(CommandError, match="khong-co"):
        run("create", "x", "--scope", "dossiers:read", "--unit", "khong-co")
    with pytest.raises(CommandError, match="--all-units"):
        run("create", "x", "--scope", "dossiers:read")
    assert not ApiClient.objects.exists()


def test_admin_creates_a_client_and_shows_the_token_once(client, admin_user, unit, dossier):
    client.force_login(admin_user)
    response = client.post(
        reverse("interop_clients:add"),
        {
            "name": "he-thong-huyen",
            "description": "",
            "scopes": ["dossiers:read"],
            "units": [unit.pk],
            "active": "on",
        },
    )
    assert response.status_code == 200, response.content[:500]
    html = response.content.decode()
    token = html.split('id="api-token" type="text" readonly value="', 1)[1].split('"', 1)[0]
    created = ApiClient.objects.get(name="he-thong-huyen")
    assert created.scopes == ["dossiers:read"] and list(created.units.all()) == [unit]
    assert token not in created.token_hash
    client.logout()
    assert client.get(LIST, **bearer(token)).status_code == 200
    client.force_login(admin_user)
    edit = client.get(reverse("interop_clients:edit", args=[created.pk])).content.decode()
    assert token not in edit


def test_admin_issues_a_new_token(client, admin_user, writer):
    api_client, old = writer
    client.force_login(admin_user)
    url = reverse("interop_clients:rotate", args=[api_client.pk])
    assert client.get(url).status_code == 200
    html = client.post(url).content.decode()
    new = html.split('readonly value="', 1)[1].split('"', 1)[0]
    client.logout()
    assert client.get(LIST, **bearer(old)).status_code == 401
    assert client.get(LIST, **bearer(new)).status_code == 200


def test_administrators_see_the_log_others_do_not(client, admin_user, writer):
    api_client, token = writer
    client.get(LIST, {"status": "4"}, **bearer(token))
    client.force_login(admin_user)
    html = client.get(reverse("interop_calls:index")).content.decode()
    assert "mot-cua-tinh" in html and LIST in html
    entry = ApiCallLog.objects.get()
    assert client.get(reverse("interop_calls:inspect", args=[entry.pk])).status_code == 200
    staff = get_user_model().objects.create_user("bientap", password="Mat-khau-bien-tap-1", is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get(reverse("interop_calls:index"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("interop_clients:index")).status_code in (302, 403)


def test_the_log_has_no_add_edit_or_delete_views():
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"interop_calls:{name}", args=[1] if name != "add" else [])


def test_create_client_refuses_unknown_scopes():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.create_client(name="x", scopes=["dossiers:delete"], all_units=True)
    assert not ApiClient.objects.exists()
