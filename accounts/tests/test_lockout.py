"""Password guessing (issue 17): lockout per account and per address on the citizens' sign-in page
and the admin's, a Vietnamese message, an unlock in the admin; password-reset e-mails limited."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from dossiers.tests.factories import PASSWORD, make_citizen

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.ACCOUNTS_SIGNIN_ADDRESS_LIMITS = [(8, 1800)]  # an address's larger budget


def _sign_in(client, username, password, ip="203.0.113.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_wrong_passwords_lock_the_account_even_with_the_right_one_after(client):
    citizen = make_citizen(email="chu.ho@example.vn")
    answers = [
        _sign_in(client, "chu.ho@example.vn", f"sai-{n}", ip=f"198.51.100.{n}").status_code for n in range(5)
    ]
    assert answers == [200, 200, 200, 200, 429]  # the fifth wrong password locks
    locked = _sign_in(client, "Chu.Ho@Example.vn", PASSWORD, ip="198.51.100.99")  # any address, any case
    assert locked.status_code == 429
    assert "Đã nhập sai mật khẩu quá nhiều lần" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # another account is not affected
    other = make_citizen(email="hang.xom@example.vn")
    assert _sign_in(client, "hang.xom@example.vn", PASSWORD, ip="198.51.100.98").status_code == 302
    assert int(client.session["_auth_user_id"]) == other.pk
    assert citizen.pk != other.pk


def test_one_address_guessing_many_accounts_is_locked_with_a_larger_budget(client):
    """Many citizens share an address (a carrier's NAT): the address may fail more often than one
    account before it is locked."""
    make_citizen(email="that@example.vn")
    for n in range(7):
        assert _sign_in(client, f"nguoi{n}@example.vn", "sai", ip="192.0.2.50").status_code == 200
    assert _sign_in(client, "that@example.vn", PASSWORD, ip="192.0.2.50").status_code == 302  # 7 < 8
    client.logout()
    _sign_in(client, "nguoi9@example.vn", "sai", ip="192.0.2.50")  # the 8th failure
    locked = _sign_in(client, "that@example.vn", PASSWORD, ip="192.0.2.50")
    assert locked.status_code == 429 and "Đã nhập sai mật khẩu quá nhiều lần" in locked.content.decode()
    assert _sign_in(client, "that@example.vn", PASSWORD, ip="192.0.2.51").status_code == 302
    # an administrator lifts the address's lockout
    client.force_login(get_user_model().objects.create_superuser("qt.z", "qt.z@example.invalid", PASSWORD))
    page = client.get(reverse("accounts_lockouts")).content.decode()
    assert "192.0.2.50" in page and "đang bị khóa" in page
    assert client.post(reverse("accounts_lockouts"), {"ip": "192.0.2.50"}).status_code == 302
    client.logout()
    assert _sign_in(client, "that@example.vn", PASSWORD, ip="192.0.2.50").status_code == 302


def test_the_admin_sign_in_is_locked_too_and_an_administrator_unlocks(client, django_user_model):
    officer = django_user_model.objects.create_user("canbo.x", password=PASSWORD)
    admin_login = reverse("wagtailadmin_login")
    for n in range(5):
        client.post(
            admin_login, {"username": "canbo.x", "password": f"sai-{n}"}, REMOTE_ADDR=f"198.51.100.{n}"
        )
    locked = client.post(
        admin_login, {"username": "canbo.x", "password": PASSWORD}, REMOTE_ADDR="198.51.100.77"
    )
    assert locked.status_code == 429
    # The administrator sees the lockout and lifts it.
    admin = django_user_model.objects.create_superuser("quantri.x", "qt@example.invalid", PASSWORD)
    client.force_login(admin)
    page = client.get(reverse("accounts_lockouts"))
    assert (
        page.status_code == 200
        and "canbo.x" in page.content.decode()
        and "đang bị khóa" in page.content.decode()
    )
    assert client.post(reverse("accounts_lockouts"), {"username": "canbo.x"}).status_code == 302
    client.logout()
    assert (
        client.post(
            admin_login, {"username": "canbo.x", "password": PASSWORD}, REMOTE_ADDR="198.51.100.78"
        ).status_code
        == 302
    )
    assert int(client.session["_auth_user_id"]) == officer.pk


def test_only_administrators_reach_the_lockouts_screen(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("bientap.y", password=PASSWORD))
    assert client.get(reverse("accounts_lockouts")).status_code in (302, 403)


def test_password_reset_mails_are_limited_per_address_without_revealing_anything(client):
    make_citizen(email="quen@example.vn")
    url = reverse("accounts:password_reset")
    answers = [
        client.post(url, {"email": "quen@example.vn"}, REMOTE_ADDR=f"198.51.100.{n}") for n in range(8)
    ]
    assert all(
        a.status_code == 302 and a["Location"] == reverse("accounts:password_reset_done") for a in answers
    )
    assert len(mail.outbox) == 3  # the hourly allowance of one address
    # an unknown address gets the very same answer
    unknown = client.post(url, {"email": "khong-co@example.vn"}, REMOTE_ADDR="198.51.100.200")
    assert unknown.status_code == 302 and unknown["Location"] == reverse("accounts:password_reset_done")
    assert get_user_model().objects.filter(email="khong-co@example.vn").count() == 0
