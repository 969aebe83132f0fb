"""The citizen's dossier page: the same history officers record, supplements and withdrawal
through the lifecycle, results; owner only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dossiers.constants import Action, DossierStatus, OfficerRole
from dossiers.lifecycle import perform

from .factories import make_citizen, pdf_bytes
from .officers import action_data, make_dossier, make_officer

S = DossierStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return make_officer((OfficerRole.ADMIN, None))


def test_only_the_owner_sees_the_page(client, procedure):
    dossier = make_dossier(procedure=procedure)
    url = reverse("dossiers:detail", args=[dossier.code])
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(make_citizen())
    assert client.get(url).status_code == 404
    client.force_login(dossier.user)
    response = client.get(url)
    assert response.status_code == 200 and dossier.code in response.content.decode()
    client.force_login(dossier.user)
    assert f'href="{url}"' in client.get(reverse("accounts:my_dossiers")).content.decode()


def test_history_reasons_and_results_are_shown(client, procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    perform(dossier, Action.REQUEST_SUPPLEMENT, actor=admin, reason="Bản sao hợp đồng thuê nhà có chứng thực")
    client.force_login(dossier.user)
    html = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Cơ quan yêu cầu bổ sung giấy tờ" in html and "Bản sao hợp đồng thuê nhà có chứng thực" in html
    assert reverse("dossiers:citizen_action", args=[dossier.code, "supply"]) in html
    assert "Yêu cầu bổ sung giấy tờ" in html and "Phiếu của cơ quan" in html


def test_supply_without_a_file_is_refused_then_accepted(
    client, procedure, admin, django_capture_on_commit_callbacks
):
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    perform(dossier, Action.REQUEST_SUPPLEMENT, actor=admin, reason="Sơ đồ thửa đất")
    client.force_login(dossier.user)
    url = reverse("dossiers:citizen_action", args=[dossier.code, "supply"])
    response = client.post(url, {"supply-reason": "Gửi bổ sung"})
    assert response.status_code == 400 and "Chọn ít nhất một tệp." in response.content.decode()
    bad = client.post(url, {"supply-files": [SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 64)]})
    assert bad.status_code == 400
    dossier.refresh_from_db()
    assert dossier.status == S.SUPPLEMENT_REQUESTED and not dossier.files.exists()
    upload = SimpleUploadedFile("so-do.pdf", pdf_bytes("So do"), "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"supply-files": [upload], "supply-reason": "Sơ đồ đã ký"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == S.PROCESSING
    change = dossier.history.last()
    assert (change.action, change.actor, change.note) == (Action.SUPPLY, dossier.user, "Sơ đồ đã ký")
    assert dossier.files.get().purpose == "supplement"
    html = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Đã gửi giấy tờ bổ sung" in html and "so-do.pdf" in html


def test_withdrawal_and_no_officer_actions_for_citizens(client, procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.ACCEPTED)
    client.force_login(dossier.user)
    assert client.post(reverse("dossiers:citizen_action", args=[dossier.code, "stop"])).status_code == 404
    assert client.post(reverse("dossiers:citizen_action", args=[dossier.code, "supply"])).status_code == 400
    response = client.post(
        reverse("dossiers:citizen_action", args=[dossier.code, "request_withdrawal"]),
        {"request_withdrawal-reason": "Đã nộp nhầm thủ tục"},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == S.WITHDRAWAL_REQUESTED
    stranger = make_citizen()
    client.force_login(stranger)
    assert (
        client.post(reverse("dossiers:citizen_action", args=[dossier.code, "request_withdrawal"])).status_code
        == 404
    )


def test_result_file_is_offered_to_the_citizen(client, procedure, admin):
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    perform(dossier, Action.FINISH, actor=admin, **action_data(Action.FINISH))
    perform(dossier, Action.RETURN, actor=admin)
    result = dossier.files.get()
    client.force_login(dossier.user)
    html = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Kết quả giải quyết" in html and reverse("dossiers:file", args=[result.pk]) in html
    assert client.get(reverse("dossiers:file", args=[result.pk])).status_code == 200


def test_supply_bad_files_and_a_double_submit_lose_nothing(client, procedure, admin, settings):
    """Too large, a fake PDF, then the same form sent twice: clear messages, one supplement only."""
    dossier = make_dossier(procedure=procedure, status=S.PROCESSING)
    perform(dossier, Action.REQUEST_SUPPLEMENT, actor=admin, reason="Bản vẽ mặt bằng")
    client.force_login(dossier.user)
    url = reverse("dossiers:citizen_action", args=[dossier.code, "supply"])
    settings.DOSSIER_UPLOAD_MAX_BYTES = 2048
    big = SimpleUploadedFile("ban-ve.pdf", pdf_bytes("x" * 4000), "application/pdf")
    response = client.post(url, {"supply-files": [big]})
    assert response.status_code == 400 and "MB" in response.content.decode()
    settings.DOSSIER_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
    fake = SimpleUploadedFile("ban-ve.pdf", b"this is not a pdf at all", "application/pdf")
    assert client.post(url, {"supply-files": [fake]}).status_code == 400
    dossier.refresh_from_db()
    assert dossier.status == S.SUPPLEMENT_REQUESTED and not dossier.files.exists()
    history = dossier.history.count()

    def send():
        upload = SimpleUploadedFile("ban-ve.pdf", pdf_bytes("Ban ve"), "application/pdf")
        return client.post(url, {"supply-files": [upload], "supply-reason": "Bản vẽ đã ký"})

    assert send().status_code == 302
    again = send()  # the browser's back button, or a second click
    html = again.content.decode()
    assert again.status_code == 400 and "Không thể “Công dân nộp bổ sung”" in html
    assert html.count("Không thể “Công dân nộp bổ sung”") == 1
    dossier.refresh_from_db()
    assert dossier.status == S.PROCESSING
    assert dossier.files.count() == 1 and dossier.history.count() == history + 1
