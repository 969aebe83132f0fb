"""The wizard: prefill, back/next keep data, server-side drafts and resume, versions, button."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dossiers.constants import DraftStatus
from dossiers.models import Dossier, DossierFile, Draft
from dossiers.services.drafts import cleanup_abandoned_drafts
from dossiers.tests.factories import make_citizen
from dossiers.tests.flow import (
    applicant_values,
    business_values,
    complete_wizard,
    post_step,
    submit_url,
    upload_files,
)
from forms.models import FormVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(client):
    user = make_citizen(citizen_id="080190001234", street="Số 5 Lê Lợi")
    client.force_login(user)
    return user


def test_applicant_step_is_prefilled_from_the_account(client, citizen, procedure):
    html = client.get(submit_url(procedure)).content.decode()
    assert 'value="Nguyễn Thị Minh Khai"' in html
    assert f'value="{citizen.email}"' in html
    assert 'value="080190001234"' in html and 'value="Số 5 Lê Lợi"' in html
    assert '<option value="80" selected>Tây Ninh</option>' in html


def test_errors_are_shown_next_to_fields_with_a_summary(client, citizen, procedure):
    client.get(submit_url(procedure))
    response = post_step(client, procedure, "nguoi-nop", applicant_values(phone="12345", citizen_id="1"))
    html = response.content.decode()
    assert "Có lỗi cần sửa" in html
    assert 'id="id_nguoi-nop-phone_error"' in html and 'aria-invalid="true"' in html
    assert "Số điện thoại không hợp lệ" in html and "12 chữ số" in html
    assert 'value="Nguyễn Thị Minh Khai"' in html  # nothing typed is lost


def test_back_keeps_what_was_typed_even_unvalidated(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    partial = business_values(ten_ho="Tạp hóa Bà Tư", von="")
    data = {"nop_ho_so-current_step": "buoc-1", "wizard_goto_step": "nguoi-nop"}
    data.update({f"buoc-1-{k}": v for k, v in partial.items()})
    back = client.post(submit_url(procedure), data)
    assert 'aria-current="step">Thông tin người nộp' in back.content.decode()
    forward = client.post(
        submit_url(procedure), {"nop_ho_so-current_step": "nguoi-nop", "wizard_goto_step": "buoc-1"}
    )
    assert 'value="Tạp hóa Bà Tư"' in forward.content.decode()


def test_draft_is_saved_server_side_and_resumed_in_a_new_session(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values(full_name="Phạm Văn Đồng"))
    post_step(client, procedure, "buoc-1", business_values())
    post_step(client, procedure, "giay-to", {}, upload_files(procedure))
    client.logout()  # the session is gone
    client.force_login(citizen)
    resumed = client.get(submit_url(procedure))
    html = resumed.content.decode()
    assert 'aria-current="step">Xem lại và nộp' in html  # back where they left
    assert "Phạm Văn Đồng" in html and "Giấy đề nghị.pdf" in html
    assert Draft.objects.count() == 1 and DossierFile.objects.filter(draft__isnull=False).count() == 2
    mine = client.get("/tai-khoan/ho-so-cua-toi/").content.decode()
    assert procedure.display_name in mine and "Hồ sơ đang soạn" in mine


def test_another_citizen_does_not_see_the_draft(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values(full_name="Phạm Văn Đồng"))
    client.force_login(make_citizen())
    assert "Phạm Văn Đồng" not in client.get(submit_url(procedure)).content.decode()


def test_drafts_older_than_30_days_are_not_resumed_and_are_cleaned_up(client, citizen, procedure, settings):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    post_step(client, procedure, "buoc-1", business_values())
    post_step(client, procedure, "giay-to", {}, upload_files(procedure))
    stored = [f.file.name for f in DossierFile.objects.all()]
    from dossiers.storage import private_storage

    assert all(private_storage.exists(name) for name in stored)
    Draft.objects.update(updated_at=timezone.now() - timedelta(days=31))
    assert cleanup_abandoned_drafts() == 1
    assert not Draft.objects.exists() and not DossierFile.objects.exists()
    assert not any(private_storage.exists(name) for name in stored)


def test_recent_drafts_and_submitted_files_survive_cleanup(client, citizen, procedure, other_procedure):
    complete_wizard(client, procedure)  # submitted
    client.get(submit_url(other_procedure))  # a fresh open draft
    Draft.objects.filter(status=DraftStatus.SUBMITTED).update(updated_at=timezone.now() - timedelta(days=40))
    assert cleanup_abandoned_drafts() == 1  # only the old submitted draft row goes
    assert Draft.objects.filter(status=DraftStatus.OPEN).count() == 1
    assert DossierFile.objects.filter(dossier__isnull=False).count() == 2


def test_cleanup_task_runs_through_the_tasks_api(client, citizen, procedure):
    from dossiers.tasks import cleanup_abandoned_drafts_task

    client.get(submit_url(procedure))
    Draft.objects.update(updated_at=timezone.now() - timedelta(days=31))
    result = cleanup_abandoned_drafts_task.enqueue()
    assert result.return_value == 1 and not Draft.objects.exists()


def test_discarding_a_draft_deletes_it(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    response = client.post(submit_url(procedure), {"huy_nhap": "1"})
    assert response.status_code == 302 and not Draft.objects.exists()


def test_editing_the_form_creates_a_version_and_old_dossiers_keep_theirs(client, citizen, procedure):
    complete_wizard(client, procedure)
    old = Dossier.objects.get()
    form = procedure.online_form
    steps = form.steps.raw_data
    steps[0]["value"]["fields"][0]["label"] = "Tên hộ kinh doanh (ghi bằng chữ in hoa)"
    form.steps = steps
    form.save()
    client.get(submit_url(procedure))  # a new draft freezes the edited form as version 2
    assert FormVersion.objects.filter(form=form).count() == 2
    post_step(client, procedure, "nguoi-nop", applicant_values())
    html = client.get(submit_url(procedure) + "?buoc=buoc-1").content.decode()
    assert "ghi bằng chữ in hoa" in html
    old.refresh_from_db()
    assert old.form_version.number == 1
    assert old.answers.get(key="ten_ho").label == "Tên hộ kinh doanh"
    assert client.get(f"/ho-so/{old.code}/bien-nhan/").status_code == 200


def test_a_draft_started_before_an_edit_keeps_its_version(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    form = procedure.online_form
    form.declaration = "Lời cam đoan mới"
    form.save()
    post_step(client, procedure, "buoc-1", business_values())
    post_step(client, procedure, "giay-to", {}, upload_files(procedure))
    assert Draft.objects.get().form_version.number == 1


def test_submit_requires_a_verified_email_and_keeps_the_draft(client, procedure):
    user = make_citizen(verified=False)
    client.force_login(user)
    response = complete_wizard(client, procedure)
    assert response.status_code == 200
    assert "xác minh địa chỉ thư điện tử" in response.content.decode()
    assert not Dossier.objects.exists()
    assert Draft.objects.get().data["step_data"]["buoc-1"]  # nothing lost


def test_unavailable_form_and_unknown_procedure(client, citizen, procedure):
    form = procedure.online_form
    form.is_active = False
    form.save()
    response = client.get(submit_url(procedure))
    assert response.status_code == 404 and "chưa nhận hồ sơ trực tuyến" in response.content.decode()
    assert client.get("/ho-so/nop/9.999999/").status_code == 404


def test_the_retention_period_shown_is_the_configured_one(client, citizen, procedure, settings):
    settings.DOSSIER_DRAFT_RETENTION_DAYS = 14
    html = client.get(submit_url(procedure)).content.decode()
    assert "quay lại trong 14 ngày" in html


def test_save_draft_says_it_was_saved_and_shows_no_error(client, citizen, procedure):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    partial = business_values(ten_ho="Tạp hóa Bà Tư", von="")  # unfinished: a required field is empty
    data = {"nop_ho_so-current_step": "buoc-1", "wizard_goto_step": "buoc-1"}
    data.update({f"buoc-1-{k}": v for k, v in partial.items()})
    saved = client.post(submit_url(procedure), data)
    html = saved.content.decode()
    assert "Đã lưu nháp" in html
    assert "Có lỗi cần sửa" not in html and 'aria-invalid="true"' not in html
    assert not html.split("<title>")[1].startswith("Lỗi")
    assert 'value="Tạp hóa Bà Tư"' in html  # what was typed is shown again
    assert Draft.objects.get().data  # and kept server-side
    going_on = post_step(client, procedure, "buoc-1", partial)  # going on still checks the step
    assert "Có lỗi cần sửa" in going_on.content.decode()


@pytest.mark.parametrize("button", ["save", "back"])
def test_a_refused_upload_is_reported_after_save_or_back(client, citizen, procedure, button):
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    post_step(client, procedure, "buoc-1", business_values())
    slot = procedure.online_form.upload_slots.order_by("sort_order")[0]
    exe = SimpleUploadedFile("to-khai.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/x-msdownload")
    goto = "giay-to" if button == "save" else "buoc-1"
    response = client.post(
        submit_url(procedure),
        {"nop_ho_so-current_step": "giay-to", "wizard_goto_step": goto, f"giay-to-slot-{slot.pk}": [exe]},
    )
    html = response.content.decode()
    notice = (
        '<p class="notice notice--error">Tệp “to-khai” là chương trình chạy được; không nhận tệp thực thi.'
    )
    assert notice in html
    assert DossierFile.objects.filter(original_name="to-khai.exe").count() == 0


def test_too_many_files_at_once_get_a_page_that_says_why(client, citizen, procedure, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 100
    client.raise_request_exception = False
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    post_step(client, procedure, "buoc-1", business_values())
    slot = procedure.online_form.upload_slots.order_by("sort_order")[0]
    files = [SimpleUploadedFile(f"trang-{i}.png", b"x", "image/png") for i in range(150)]
    response = client.post(
        submit_url(procedure), {"nop_ho_so-current_step": "giay-to", f"giay-to-slot-{slot.pk}": files}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "quá nhiều tệp trong một lần (tối đa 100 tệp)" in html
    assert f'href="{submit_url(procedure)}"' in html  # back to the step, where the draft resumes
    assert DossierFile.objects.count() == 0
    assert "Thông tin người nộp" in client.get(submit_url(procedure)).content.decode()


def test_the_applicant_step_and_time_limits_read_in_english(client, citizen, procedure):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(submit_url(procedure)).content.decode()
    assert "Applicant" in html or "applicant" in html
    assert "Thông tin người nộp hồ sơ" not in html and "Họ và tên" not in html
    from django.utils import translation

    from procedures.presentation import format_time_limit

    with translation.override("en"):
        assert format_time_limit(1, "working_days") == "1 working day"
        assert format_time_limit(15, "working_days") == "15 working days"
    with translation.override("vi"):
        assert format_time_limit(1, "working_days") == "1 ngày làm việc"
