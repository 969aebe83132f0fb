"""Each endpoint: list (filters, pagination, sync), detail, status changes (409 on a refused
transition, 400 on bad input), result files (checked like uploads, nothing half-written)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier, DossierFile, StatusChange
from dossiers.tests.factories import pdf_bytes
from interop.models import ApiCallLog

from .conftest import bearer, submit

pytestmark = pytest.mark.django_db
LIST = reverse("interop:dossiers")


def push(client, token, dossier, **body):
    return client.post(
        reverse("interop:status_change", args=[dossier.code]),
        body,
        content_type="application/json",
        **bearer(token),
    )


def files_on_disk(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- List --------------------------------------------------------------------------------------
def test_list_pages_in_a_stable_order_with_links(client, writer, procedure):
    api_client, token = writer
    made = [submit(client, procedure) for _ in range(3)]
    first = client.get(LIST, {"page_size": 2}, **bearer(token)).json()
    assert first["count"] == 3 and first["page"] == 1 and first["previous"] is None
    assert [d["code"] for d in first["results"]] == [made[0].code, made[1].code]
    second = client.get(first["next"], **bearer(token)).json()
    assert [d["code"] for d in second["results"]] == [made[2].code]
    assert second["next"] is None and "page=1" in second["previous"]
    summary = first["results"][0]
    assert summary["status"] == "1" and summary["status_label"] == "Mới đăng ký"
    assert summary["receiving_unit"]["code"] == "000.00.31.H80"
    assert summary["url"] == reverse("interop:dossier", args=[made[0].code])


def test_list_filters_by_status_unit_procedure_and_dates(client, writer, dossier, procedure, unit):
    api_client, token = writer
    accepted = submit(client, procedure)
    assert push(client, token, accepted, action="accept").status_code == 200

    def codes(**params):
        response = client.get(LIST, params, **bearer(token))
        assert response.status_code == 200, response.content
        return [d["code"] for d in response.json()["results"]]

    assert codes(status="2") == [accepted.code]
    assert codes(status="1,2") == [dossier.code, accepted.code]
    assert codes(unit=unit.code, status="1") == [dossier.code]
    assert codes(procedure=procedure.code) == [dossier.code, accepted.code]
    assert codes(procedure="9.999999") == []
    today = timezone.localdate().isoformat()
    assert codes(submitted_from=today, submitted_to=today) == [dossier.code, accepted.code]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert codes(submitted_from=tomorrow) == []


def test_updated_since_returns_what_changed_for_sync(client, writer, dossier, procedure):
    api_client, token = writer
    later = submit(client, procedure)
    first = client.get(LIST, **bearer(token)).json()
    since = first["server_time"]
    assert codes_of(client.get(LIST, {"updated_since": since}, **bearer(token))) == []
    assert push(client, token, dossier, action="accept").status_code == 200
    assert codes_of(client.get(LIST, {"updated_since": since}, **bearer(token))) == [dossier.code]
    old = (timezone.now() - timedelta(days=1)).isoformat()
    assert codes_of(client.get(LIST, {"updated_since": old}, **bearer(token))) == [dossier.code, later.code]


def codes_of(response):
    assert response.status_code == 200, response.content
    return [d["code"] for d in response.json()["results"]]


@pytest.mark.parametrize(
    "params, field, words",
    [
        ({"status": "11"}, "status", "Trạng thái không hợp lệ"),
        ({"page_size": "1000"}, "page_size", "200"),
        ({"page": "0"}, "page", "1"),
        ({"page": "9"}, "page", "Trang này không có"),
        ({"updated_since": "hom-qua"}, "updated_since", "Nhập"),
        ({"submitted_from": "2025-13-45"}, "submitted_from", "Nhập"),
        ({"submitted_from": "2025-05-02", "submitted_to": "2025-05-01"}, "submitted_to", "Ngày kết thúc"),
        ({"unit": "khong-co"}, "unit", "Không có đơn vị"),
    ],
)
def test_bad_list_parameters_are_400_with_vietnamese_field_errors(
    client, writer, dossier, params, field, words
):
    api_client, token = writer
    response = client.get(LIST, params, **bearer(token))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == "Tham số không hợp lệ."
    assert words in " ".join(error["fields"][field])


# --- Detail ------------------------------------------------------------------------------------
def test_detail_has_applicant_answers_files_and_history(client, writer, dossier):
    api_client, token = writer
    response = client.get(reverse("interop:dossier", args=[dossier.code]), **bearer(token))
    assert response.status_code == 200
    data = response.json()
    assert data["code"] == dossier.code and data["status"] == "1"
    assert data["applicant"]["name"] == dossier.applicant_name
    assert data["applicant"]["phone"] == "0912345678"
    answers = {a["key"]: a for a in data["answers"]}
    assert answers["ten_ho"]["display"] == "Hộ kinh doanh Tạp hóa Minh Khai"
    assert len(data["files"]) == dossier.files.count() == 2
    stored = dossier.files.first()
    described = next(f for f in data["files"] if f["id"] == str(stored.pk))
    assert described["sha256"] == stored.sha256 and described["size"] == stored.size
    assert stored.file.name not in response.content.decode()  # storage names never leave the portal
    assert [(h["from_status"], h["status"]) for h in data["history"]] == [(None, "1")]
    assert response["Cache-Control"] == "no-store"


def test_unknown_code_is_404(client, writer):
    api_client, token = writer
    response = client.get(reverse("interop:dossier", args=["000.00.31.H80-250101-9999"]), **bearer(token))
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ" in response.json()["error"]["message"]


# --- Status changes ----------------------------------------------------------------------------
def test_push_accept_then_start_records_the_system_in_the_history(client, writer, dossier):
    api_client, token = writer
    response = push(client, token, dossier, action="accept")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["dossier"]["status"] == "2"
    assert body["status_change"] == {
        **body["status_change"],
        "from_status": "1",
        "status": "2",
        "action": "accept",
        "system": "mot-cua-tinh",
        "by": "mot-cua-tinh",
    }
    assert push(client, token, dossier, action="start").json()["dossier"]["status"] == "4"
    history = list(StatusChange.objects.filter(dossier=dossier).order_by("pk"))
    assert [(h.from_status, h.status, h.system) for h in history] == [
        ("", "1", ""),
        ("1", "2", "mot-cua-tinh"),
        ("2", "4", "mot-cua-tinh"),
    ]
    detail = client.get(reverse("interop:dossier", args=[dossier.code]), **bearer(token)).json()
    assert [h["status"] for h in detail["history"]] == ["1", "2", "4"]


def test_refused_transition_is_409_and_changes_nothing(client, writer, dossier):
    api_client, token = writer
    before = StatusChange.objects.filter(dossier=dossier).count()
    response = push(client, token, dossier, action="return")
    assert response.status_code == 409
    assert (
        response.json()["error"]["message"]
        == "Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Mới đăng ký”."
    )
    dossier.refresh_from_db()
    assert dossier.status == "1"
    assert StatusChange.objects.filter(dossier=dossier).count() == before


def test_second_apology_is_409(client, writer, dossier):
    api_client, token = writer
    push(client, token, dossier, action="accept")
    new_date = (dossier.appointment_date + timedelta(days=5)).isoformat()
    first = push(client, token, dossier, action="apologize", reason="Cần xác minh thêm", due_date=new_date)
    assert first.status_code == 200, first.content
    later = (dossier.appointment_date + timedelta(days=9)).isoformat()
    again = push(client, token, dossier, action="apologize", reason="Lần nữa", due_date=later)
    assert again.status_code == 409
    assert "chỉ được hẹn lại một lần" in again.json()["error"]["message"]


@pytest.mark.parametrize(
    "body, field, words",
    [
        ({"action": "bay"}, "action", "Hãy chọn"),
        ({}, "action", "bắt buộc"),
        ({"action": "refuse"}, "reason", "cần lý do"),
        ({"action": "accept", "amount": 5000}, "amount", "không nhận"),
        ({"action": "request_payment"}, "amount", "bắt buộc"),
        ({"action": "request_payment", "amount": -3}, "amount", "lớn hơn hoặc bằng"),
        ({"action": "accept", "due_date": "2020-01-01"}, "due_date", "trước hôm nay"),
        ({"action": "accept", "due_date": "mai"}, "due_date", "Nhập"),
        (
            {"action": "transfer", "reason": "Sai thẩm quyền", "to_unit": "khong-co"},
            "to_unit",
            "Không có đơn vị",
        ),
        ({"action": "finish"}, "action", "/results/"),
        ({"action": "supply"}, "action", "Công dân"),
    ],
)
def test_bad_status_change_input_is_400_with_field_errors(client, writer, dossier, body, field, words):
    api_client, token = writer
    before = StatusChange.objects.filter(dossier=dossier).count()
    response = push(client, token, dossier, **body)
    assert response.status_code == 400, response.content
    assert words in " ".join(response.json()["error"]["fields"][field])
    assert StatusChange.objects.filter(dossier=dossier).count() == before


def test_body_must_be_a_json_object(client, writer, dossier):
    api_client, token = writer
    url = reverse("interop:status_change", args=[dossier.code])
    not_json = client.post(url, "action=accept", content_type="application/json", **bearer(token))
    assert not_json.status_code == 400 and "JSON" in not_json.json()["error"]["message"]
    form = client.post(url, {"action": "accept"}, **bearer(token))  # multipart, not JSON
    assert form.status_code == 400 and "Content-Type" in form.json()["error"]["message"]
    a_list = client.post(url, ["accept"], content_type="application/json", **bearer(token))
    assert a_list.status_code == 400


def test_transfer_moves_the_dossier_to_the_competent_agency_of_the_code(
    client, writer, dossier, other_procedure
):
    api_client, token = writer
    target = other_procedure.implementing_agency
    push(client, token, dossier, action="accept")
    response = push(
        client, token, dossier, action="transfer", reason="Thuộc thẩm quyền khác", to_unit=target.code
    )
    assert response.status_code == 200, response.content
    dossier.refresh_from_db()
    assert dossier.competent_agency == target and dossier.status == "2"
    assert response.json()["dossier"]["competent_agency"]["code"] == target.code


def test_wrong_method_is_405(client, writer, dossier):
    api_client, token = writer
    response = client.get(reverse("interop:status_change", args=[dossier.code]), **bearer(token))
    assert response.status_code == 405 and response["Allow"] == "POST"


# --- Results -----------------------------------------------------------------------------------
def _processing(client, token, dossier):
    for action in ("accept", "start"):
        assert push(client, token, dossier, action=action).status_code == 200


def test_result_finishes_a_dossier_being_processed(client, writer, dossier):
    api_client, token = writer
    _processing(client, token, dossier)
    url = reverse("interop:results", args=[dossier.code])
    upload = SimpleUploadedFile("Giấy chứng nhận.pdf", pdf_bytes("Ket qua"), content_type="application/pdf")
    response = client.post(url, {"file": upload, "reason": "Đã cấp giấy chứng nhận"}, **bearer(token))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["dossier"]["status"] == "9"
    assert [(f["purpose"], f["name"], f["content_type"]) for f in body["files"]] == [
        ("result", "Giấy chứng nhận.pdf", "application/pdf")
    ]
    change = StatusChange.objects.filter(dossier=dossier).latest("pk")
    assert (change.action, change.status, change.system) == ("finish", "9", "mot-cua-tinh")
    stored = DossierFile.objects.get(pk=body["files"][0]["id"])
    assert stored.status_change == change and stored.file.read().startswith(b"%PDF")
    # a finished dossier takes no further result through the API
    extra = SimpleUploadedFile("phu-luc.pdf", pdf_bytes("Phu luc"), content_type="application/pdf")
    again = client.post(url, {"file": extra}, **bearer(token))
    assert again.status_code == 409 and "Đã xử lý xong" in again.json()["error"]["message"]
    assert DossierFile.objects.filter(dossier=dossier, purpose="result").count() == 1


def test_refused_result_file_leaves_nothing_behind(client, writer, dossier, private_media):
    api_client, token = writer
    _processing(client, token, dossier)
    before_files, before_rows = files_on_disk(private_media), DossierFile.objects.count()
    url = reverse("interop:results", args=[dossier.code])
    good = SimpleUploadedFile("ket-qua.pdf", pdf_bytes(), content_type="application/pdf")
    evil = SimpleUploadedFile("ket-qua.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = client.post(url, {"file": [good, evil]}, **bearer(token))
    assert response.status_code == 400
    assert "không nhận tệp thực thi" in " ".join(response.json()["error"]["fields"]["file"])
    dossier.refresh_from_db()
    assert dossier.status == "4"
    assert DossierFile.objects.count() == before_rows
    assert files_on_disk(private_media) == before_files


def test_a_result_pdf_hiding_a_script_is_refused(client, writer, dossier):
    from dossiers.tests.hostile_pdfs import js_in_object_stream

    _api_client, token = writer
    _processing(client, token, dossier)
    url = reverse("interop:results", args=[dossier.code])
    hidden = SimpleUploadedFile("ket-qua.pdf", js_in_object_stream(), content_type="application/pdf")
    response = client.post(url, {"file": [hidden]}, **bearer(token))
    assert response.status_code == 400
    assert "JavaScript" in " ".join(response.json()["error"]["fields"]["file"])
    dossier.refresh_from_db()
    assert dossier.status == "4"


def test_result_needs_a_file_and_the_right_status(client, writer, dossier):
    api_client, token = writer
    url = reverse("interop:results", args=[dossier.code])
    missing = client.post(url, {}, **bearer(token))
    assert missing.status_code == 400 and "file" in missing.json()["error"]["fields"]
    upload = SimpleUploadedFile("ket-qua.pdf", pdf_bytes(), content_type="application/pdf")
    too_early = client.post(url, {"file": upload}, **bearer(token))
    assert too_early.status_code == 409
    assert "Mới đăng ký" in too_early.json()["error"]["message"]
    assert not DossierFile.objects.filter(dossier=dossier, purpose="result").exists()


# --- The log -----------------------------------------------------------------------------------
def test_every_call_is_logged_with_client_method_path_status_and_duration(client, writer, dossier):
    api_client, token = writer
    client.get(LIST, {"status": "1"}, **bearer(token))
    push(client, token, dossier, action="return")
    entries = list(ApiCallLog.objects.order_by("pk"))
    assert [(e.client_id, e.client_name, e.method, e.path, e.status_code) for e in entries] == [
        (api_client.pk, "mot-cua-tinh", "GET", LIST, 200),
        (api_client.pk, "mot-cua-tinh", "POST", reverse("interop:status_change", args=[dossier.code]), 409),
    ]
    assert entries[0].query == "status=1"
    assert all(e.duration_ms > 0 and e.at is not None for e in entries)
    api_client.refresh_from_db()
    assert api_client.last_used_at == entries[-1].at


def test_the_log_is_append_only(client, writer):
    from interop.models import AppendOnlyError

    api_client, token = writer
    client.get(LIST, **bearer(token))
    entry = ApiCallLog.objects.get()
    entry.status_code = 200
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        ApiCallLog.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        ApiCallLog.objects.update(status_code=500)
    assert ApiCallLog.objects.count() == 1


def test_listing_does_not_change_dossiers(client, writer, dossier):
    api_client, token = writer
    before = Dossier.objects.values().get(pk=dossier.pk)
    client.get(LIST, **bearer(token))
    assert Dossier.objects.values().get(pk=dossier.pk) == before
