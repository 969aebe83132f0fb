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


def _link(message) -> str:
    url = re.search(r"https?://\S+/tai-khoan/xac-minh/\S+/", message.body).group(0)
    return url[url.index("/tai-khoan/") :]


def test_register_creates_an_unverified_account_and_the_mailed_link_completes_it(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER + "?next=/thu-tuc/", {**GOOD, "next": "/thu-tuc/"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:register_sent")
    page = client.get(response["Location"]).content.decode()
    assert "Kiểm tra hộp thư" in page and "vo.thi.sau@example.vn" in page
    user = get_user_model().objects.get()
    assert user.email == "vo.thi.sau@example.vn"
    profile = user.citizen_profile
    assert profile.phone == "0912000111" and profile.full_name == "Võ Thị Sáu" and not profile.email_verified
    assert "_auth_user_id" not in client.session  # not signed in before the mailbox is proven
    # Until then the password does not sign in, with the same answer as a wrong password.
    refused = client.post(LOGIN, {"username": GOOD["email"], "password": GOOD["password1"]})
    assert refused.status_code == 200 and "chưa được xác minh" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1 and "hoàn tất đăng ký" in mail.outbox[0].body
    # The first click verifies, signs in and goes where the citizen was going.
    verified = client.get(_link(mail.outbox[0]))
    assert verified.status_code == 302 and verified["Location"] == "/thu-tuc/"
    assert int(client.session["_auth_user_id"]) == user.pk
    profile.refresh_from_db()
    assert profile.email_verified
    # A second click (or someone else with the link) does not sign in again.
    client.logout()
    again = client.get(_link(mail.outbox[0]))
    assert again.status_code == 200 and "Đã xác minh" in again.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.post(LOGIN, {"username": GOOD["phone"], "password": GOOD["password1"]}).status_code == 302


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


def test_register_does_not_reveal_a_taken_address_or_phone(client, django_capture_on_commit_callbacks):
    """The page and the redirect are the same for a free and a taken address; the owner of the taken
    address is told by e-mail, and nothing of the account changes."""
    owner = make_citizen(email="vo.thi.sau@example.vn", phone="0912000111")
    hash_before = owner.password
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(REGISTER, GOOD)
        free = client.post(REGISTER, {**GOOD, "email": "moi@example.vn"})  # the phone is taken
    assert taken.status_code == free.status_code == 302 and taken["Location"] == free["Location"]
    assert get_user_model().objects.filter(email="vo.thi.sau@example.vn").count() == 1
    owner.refresh_from_db()
    assert owner.password == hash_before
    to_owner, to_new = mail.outbox
    assert to_owner.to == ["vo.thi.sau@example.vn"] and "đã có tài khoản" in to_owner.body
    assert "/tai-khoan/quen-mat-khau/" in to_owner.body and "/xac-minh/" not in to_owner.body
    assert to_new.to == ["moi@example.vn"] and "đã thuộc một tài khoản khác" in to_new.body
    newcomer = get_user_model().objects.get(email="moi@example.vn")
    assert newcomer.citizen_profile.phone is None  # not attached to a second account
    assert CitizenProfile.objects.get(user=owner).phone == "0912000111"


def test_register_mails_one_address_a_few_times_only(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            response = client.post(REGISTER, GOOD)
            assert response["Location"] == reverse("accounts:register_sent")
    assert len(mail.outbox) == 3  # settings ACCOUNTS_REGISTER_LIMITS: 3 an hour, then silence


def test_resend_verification_says_the_same_for_any_address(client, django_capture_on_commit_callbacks):
    make_citizen(email="chua@example.vn", verified=False)
    make_citizen(email="roi@example.vn", verified=True)
    url = reverse("accounts:resend_verification")
    assert client.get(url).status_code == 200
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("chua@example.vn", "roi@example.vn", "khong-co@example.vn"):
            response = client.post(url, {"email": email}, follow=True)
            page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            answers.append(page.replace(email, "…"))
    assert answers[0] == answers[1] == answers[2]
    assert [m.to for m in mail.outbox] == [["chua@example.vn"]]
    bad = client.post(url, {"email": "khong-hop-le"})
    assert bad.status_code == 200 and bad.context["form"].errors["email"]


def test_a_password_reset_from_the_mail_also_verifies_the_address(client):
    user = make_citizen(email="quen2@example.vn", verified=False)
    client.post(reverse("accounts:password_reset"), {"email": "quen2@example.vn"})
    path = re.search(r"/tai-khoan/dat-lai-mat-khau/\S+/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2025", "new_password2": "Mat-khau-moi-2025"},
    )
    assert CitizenProfile.objects.get(user=user).email_verified


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
    assert verify_email_token(token[:-2] + "xx") == (None, False)
    user.email = "moi@example.vn"
    user.save()
    assert verify_email_token(token) == (None, False)


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
    client.post(reverse("accounts:password_reset"), {"email": GOOD["email"]})
    verification, reset = mail.outbox[-2:]
    assert "https://dichvucong.example.vn/tai-khoan/" in verification.body
    assert "https://dichvucong.example.vn/tai-khoan/dat-lai-mat-khau/" in reset.body
    assert "testserver" not in verification.body + reset.body
