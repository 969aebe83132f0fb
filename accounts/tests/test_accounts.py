import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import CitizenProfile
from accounts.oidc import CitizenOIDCBackend, profile_values_from_claims
from accounts.services import make_email_token, verify_email_token
from dossiers.tests.factories import PASSWORD, make_citizen

pytestmark = pytest.mark.django_db
REGISTER = reverse("accounts:register")
LOGIN = reverse("accounts:login")
GOOD = {
    "full_name": "Võ Thị Sáu",
    "email": "Vo.Thi.Sau@Example.vn",
    "phone": "+84 912 000 111",
    "password1": "Ngay-mai-troi-lai-sang",
    "password2": "Ngay-mai-troi-lai-sang",
}


def test_register_creates_account_profile_and_sends_verification_after_commit(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, GOOD)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:my_dossiers")
    user = get_user_model().objects.get()
    assert user.email == "vo.thi.sau@example.vn"
    profile = user.citizen_profile
    assert profile.phone == "0912000111" and profile.full_name == "Võ Thị Sáu" and not profile.email_verified
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/tai-khoan/xac-minh/\S+/", mail.outbox[0].body).group(0)
    verified = client.get(link[link.index("/tai-khoan/") :])
    assert verified.status_code == 200 and "Đã xác minh" in verified.content.decode()
    profile.refresh_from_db()
    assert profile.email_verified


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
        ({"email": "khong-hop-le"}, "email", ""),
        ({"password2": "khac"}, "password2", "Hai mật khẩu không khớp."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", ""),
        ({"full_name": ""}, "full_name", ""),
    ],
)
def test_register_validation(client, change, field, message):
    response = client.post(REGISTER, {**GOOD, **change})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not get_user_model().objects.exists()


def test_register_refuses_taken_email_and_phone(client):
    make_citizen(email="vo.thi.sau@example.vn", phone="0912000111")
    errors = client.post(REGISTER, GOOD).context["form"].errors
    assert "đã được dùng" in errors["email"][0] and "đã được dùng" in errors["phone"][0]


def test_sign_in_with_email_or_phone(client):
    make_citizen(email="an@example.vn", phone="0987654321")
    assert client.post(LOGIN, {"username": "AN@example.vn", "password": PASSWORD}).status_code == 302
    client.logout()
    assert client.post(LOGIN, {"username": "+84 987 654 321", "password": PASSWORD}).status_code == 302
    client.logout()
    wrong = client.post(LOGIN, {"username": "0987654321", "password": "sai"})
    assert wrong.status_code == 200 and "không đúng" in wrong.content.decode()
    unknown = client.post(LOGIN, {"username": "0911111111", "password": PASSWORD})
    assert "không đúng" in unknown.content.decode()


def test_staff_can_still_sign_in_with_a_username(client):
    get_user_model().objects.create_user(username="bientapvien", password=PASSWORD)
    assert client.login(username="bientapvien", password=PASSWORD)


def test_verification_token_rejects_tampering_and_changed_email():
    user = make_citizen(verified=False)
    token = make_email_token(user)
    assert verify_email_token(token[:-2] + "xx") is None
    user.email = "moi@example.vn"
    user.save()
    assert verify_email_token(token) is None


def test_password_reset_sends_a_working_link(client):
    user = make_citizen(email="quen@example.vn")
    response = client.post(reverse("accounts:password_reset"), {"email": "quen@example.vn"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    path = re.search(r"/tai-khoan/dat-lai-mat-khau/\S+/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get(path, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2025", "new_password2": "Mat-khau-moi-2025"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2025")


def test_my_dossiers_requires_sign_in(client):
    response = client.get(reverse("accounts:my_dossiers"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_oidc_claims_map_onto_the_citizen_profile(settings):
    claims = {
        "sub": "vneid-123",
        "email": "Dan@Example.vn",
        "phone_number": "+84 912 999 000",
        "name": "Trần Thị Dân",
        "citizen_id": "080190009999",
    }
    values = profile_values_from_claims(claims)
    assert values["phone"] == "0912999000" and values["citizen_id"] == "080190009999"
    backend = CitizenOIDCBackend.__new__(CitizenOIDCBackend)  # no provider endpoints needed for mapping
    backend.UserModel = get_user_model()
    user = backend.create_user(claims)
    profile = CitizenProfile.objects.get(user=user)
    assert (
        profile.oidc_subject == "vneid-123" and profile.email_verified and profile.full_name == "Trần Thị Dân"
    )
    assert list(backend.filter_users_by_claims({"sub": "vneid-123"})) == [user]
    assert list(backend.filter_users_by_claims({"sub": "other", "email": "dan@example.vn"})) == [user]
    assert backend.verify_claims({"sub": "x"}) and not backend.verify_claims({"email": "a@b.vn"})


def test_my_dossiers_lists_the_citizens_own_dossiers_and_drafts(client):
    from dossiers.tests.factories import make_online_procedure
    from dossiers.tests.flow import applicant_values, complete_wizard, post_step, submit_url

    other = make_citizen(email="nguoi.khac@example.vn")
    client.force_login(other)
    complete_wizard(client, make_online_procedure(title="Cấp giấy phép xây dựng"))
    other_code = other.dossiers.get().code

    mine = make_citizen(email="cua.toi@example.vn")
    client.force_login(mine)
    complete_wizard(client, make_online_procedure(title="Đăng ký thành lập hộ kinh doanh"))
    dossier = mine.dossiers.get()
    draft_procedure = make_online_procedure(title="Đăng ký khai sinh")
    client.get(submit_url(draft_procedure))
    post_step(client, draft_procedure, "nguoi-nop", applicant_values())

    html = client.get(reverse("accounts:my_dossiers")).content.decode()
    assert dossier.code in html and reverse("dossiers:detail", args=[dossier.code]) in html
    assert "Mới đăng ký" in html and dossier.appointment_date.strftime("%d/%m/%Y") in html
    assert other_code not in html and "Cấp giấy phép xây dựng" not in html
    drafts = html[html.index("Hồ sơ đang soạn") : html.index("Hồ sơ đã nộp")]
    assert "Đăng ký khai sinh" in drafts and submit_url(draft_procedure) in drafts
    assert "Đăng ký thành lập hộ kinh doanh" not in drafts  # submitted, no longer a draft


def test_e_mail_links_use_the_published_address(client, settings, django_capture_on_commit_callbacks):
    settings.SITE_BASE_URL = "https://dichvucong.example.vn"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, GOOD)
    client.logout()
    client.post(reverse("accounts:password_reset"), {"email": GOOD["email"]})
    verification, reset = mail.outbox[-2:]
    assert "https://dichvucong.example.vn/tai-khoan/" in verification.body
    assert "https://dichvucong.example.vn/tai-khoan/dat-lai-mat-khau/" in reset.body
    assert "testserver" not in verification.body + reset.body
