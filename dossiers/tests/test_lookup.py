import pytest
from django.urls import reverse

from dossiers.models import Dossier, StatusChange

from .factories import make_citizen
from .flow import complete_wizard

pytestmark = pytest.mark.django_db
URL = reverse("dossiers:lookup")


@pytest.fixture
def dossier(client, procedure):
    owner = make_citizen()
    client.force_login(owner)
    complete_wizard(client, procedure)
    client.logout()
    return Dossier.objects.get()  # applicant phone 0912345678, ID 080190001234


def _message(response) -> str:
    html = response.content.decode()
    start = html.index('<div class="notice notice--error"')
    return html[start : html.index("</div>", start)]


def test_code_and_last_four_phone_digits_show_the_status(client, dossier):
    response = client.post(URL, {"ma": dossier.code, "so_cuoi": "5678"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mới đăng ký" in html and dossier.procedure_name in html
    assert "Đăng nhập bằng tài khoản đã nộp" in html  # not the owner: no full history


def test_last_four_digits_of_the_id_number_also_work(client, dossier):
    response = client.post(URL, {"ma": dossier.code.lower(), "so_cuoi": "1234"})
    assert dossier.procedure_name in response.content.decode()


def test_wrong_factor_and_unknown_code_get_the_same_answer(client, dossier):
    wrong_factor = client.post(URL, {"ma": dossier.code, "so_cuoi": "0000"})
    unknown_code = client.post(URL, {"ma": dossier.code[:-4] + "9999", "so_cuoi": "5678"})
    malformed = client.post(URL, {"ma": "khong-co", "so_cuoi": "12"})
    assert wrong_factor.status_code == unknown_code.status_code == malformed.status_code == 200
    assert _message(wrong_factor) == _message(unknown_code) == _message(malformed)
    for response in (wrong_factor, unknown_code):
        assert dossier.procedure_name not in response.content.decode()


def test_owner_signed_in_sees_the_full_history(client, dossier):
    StatusChange.objects.create(dossier=dossier, status="2", at=dossier.submitted_at, note="Đã tiếp nhận")
    client.force_login(dossier.user)
    html = client.post(URL, {"ma": dossier.code, "so_cuoi": "5678"}).content.decode()
    assert "Quá trình xử lý" in html and "Được tiếp nhận" in html and "Đã tiếp nhận" in html


def test_lookup_is_rate_limited_per_ip(client, dossier, settings):
    settings.DOSSIER_LOOKUP_RATE = (3, 600)
    for n in range(3):  # three different (unknown) codes: only the address is counted three times
        assert client.post(URL, {"ma": dossier.code[:-4] + f"999{n}", "so_cuoi": "0000"}).status_code == 200
    limited = client.post(URL, {"ma": dossier.code, "so_cuoi": "5678"})  # even the right answer
    assert limited.status_code == 429
    assert "quá nhiều lần" in limited.content.decode()
    assert dossier.procedure_name not in limited.content.decode()
    other_ip = client.post(URL, {"ma": dossier.code, "so_cuoi": "5678"}, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


def test_qr_link_prefills_the_code(client, dossier):
    html = client.get(URL, {"ma": dossier.code}).content.decode()
    assert f'value="{dossier.code}"' in html


def test_lookup_is_rate_limited_per_code_across_addresses(client, dossier, settings):
    settings.DOSSIER_LOOKUP_RATE = (3, 600)
    for n in range(3):  # guesses from three addresses
        guess = client.post(URL, {"ma": dossier.code, "so_cuoi": f"000{n}"}, REMOTE_ADDR=f"10.0.1.{n}")
        assert guess.status_code == 200
    blocked = client.post(URL, {"ma": dossier.code, "so_cuoi": "5678"}, REMOTE_ADDR="10.0.1.99")
    assert blocked.status_code == 429 and dossier.procedure_name not in blocked.content.decode()
    assert client.post(URL, {"ma": dossier.code.lower(), "so_cuoi": "5678"}).status_code == 429  # same code
    other_code = client.post(
        URL, {"ma": dossier.code[:-4] + "9999", "so_cuoi": "5678"}, REMOTE_ADDR="10.0.1.98"
    )
    assert other_code.status_code == 200
    client.force_login(dossier.user)  # the owner still has the dossier in "Hồ sơ của tôi"
    assert dossier.code in client.get(reverse("accounts:my_dossiers")).content.decode()
