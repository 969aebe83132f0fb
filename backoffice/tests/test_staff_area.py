"""The staff area: queue (tabs, filters, search, sort, counts, pages), detail, actions, notes,
files and slips; officers of one unit never reach another unit's dossier, also by direct URL."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers.constants import Action, DossierStatus, OfficerRole
from dossiers.lifecycle import perform
from dossiers.models import DossierNote, FileAccess, StatusChange
from dossiers.tests.factories import make_citizen
from dossiers.tests.officers import action_data, make_agency, make_dossier, make_officer

S, R = DossierStatus, OfficerRole
QUEUE = reverse("backoffice:queue")
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(procedure):
    x, y = make_agency("Trung tâm X"), make_agency("Sở Y")
    today = timezone.localdate()
    d = {
        "new": make_dossier(procedure=procedure, receiving=x, competent=x, applicant_name="Lê Thị Mới"),
        "due_today": make_dossier(
            procedure=procedure, status=S.PROCESSING, receiving=x, competent=x, due=today
        ),
        "overdue": make_dossier(
            procedure=procedure, status=S.PROCESSING, receiving=x, competent=x, due=today - timedelta(days=3)
        ),
        "supplement": make_dossier(
            procedure=procedure, status=S.SUPPLEMENT_REQUESTED, receiving=x, competent=x
        ),
        "done": make_dossier(procedure=procedure, status=S.RETURNED, receiving=x, competent=x),
        "other": make_dossier(procedure=procedure, receiving=y, competent=y, applicant_name="Lê Thị Khác"),
    }
    officer = make_officer((R.RECEPTION, x), (R.PROCESSING, x), (R.LEADER, x))
    return {"x": x, "y": y, "d": d, "officer": officer, "procedure": procedure}


def _queue_codes(client, world, **params):
    response = client.get(QUEUE, params)
    assert response.status_code == 200
    listed = {row["dossier"].code for row in response.context["rows"]}
    html = response.content.decode()
    assert all(f'href="{reverse("backoffice:dossier", args=[code])}"' in html for code in listed)
    return {key for key, dossier in world["d"].items() if dossier.code in listed}


def test_non_officers_cannot_open_the_staff_area(client, world):
    assert client.get(QUEUE).status_code == 302  # to the admin login
    client.force_login(make_citizen())
    assert client.get(QUEUE).status_code in (302, 403)
    code = world["d"]["new"].code
    assert client.get(reverse("backoffice:dossier", args=[code])).status_code in (302, 403)


def test_queue_tabs_counts_and_unit_isolation(client, world):
    client.force_login(world["officer"])
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert _queue_codes(client, world) == {"new", "due_today", "overdue", "supplement"}
    assert _queue_codes(client, world, tab="moi") == {"new"}
    assert _queue_codes(client, world, tab="den-han") == {"due_today"}
    assert _queue_codes(client, world, tab="qua-han") == {"overdue"}
    assert _queue_codes(client, world, tab="cho-bo-sung") == {"supplement"}
    assert _queue_codes(client, world, tab="tat-ca") == {"new", "due_today", "overdue", "supplement", "done"}
    new_row = next(r for r in response.context["rows"] if r["dossier"] == world["d"]["new"])
    assert 0 < new_row["accept_hours"] <= 8 and not new_row["accept_late"]
    assert "giờ làm việc" in response.content.decode()
    counts = {key: count for key, _label, count, _p, _c in response.context["tabs"] if count is not None}
    assert counts == {"dang-xu-ly": 4, "moi": 1, "den-han": 1, "qua-han": 1, "cho-bo-sung": 1, "da-chuyen": 0}


@pytest.mark.engine  # Vietnamese case-insensitive search, dates by day
def test_queue_filters_search_sort_and_pages(client, world):
    client.force_login(world["officer"])
    d = world["d"]
    assert _queue_codes(client, world, tab="tat-ca", trang_thai="10") == {"done"}
    assert _queue_codes(client, world, qua_han="1") == {"overdue"}
    assert _queue_codes(client, world, q=d["new"].code) == {"new"}
    assert _queue_codes(client, world, q="thị mới") == {"new"}
    assert _queue_codes(client, world, q="Lê Thị Khác") == set()  # another unit's applicant
    assert _queue_codes(client, world, q=d["other"].code) == set()
    assert _queue_codes(client, world, thu_tuc=world["procedure"].code, tab="tat-ca") == {
        "new", "due_today", "overdue", "supplement", "done",
    }  # fmt: skip
    assert _queue_codes(client, world, thu_tuc="9.999999") == set()
    today = timezone.localdate().isoformat()
    assert len(_queue_codes(client, world, tu_ngay=today, den_ngay=today)) == 4
    bad = client.get(QUEUE, {"tu_ngay": "31/02/2025"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()
    rows = client.get(QUEUE, {"sap_xep": "han"}).context["rows"]
    dues = [r["dossier"].appointment_date for r in rows]
    assert dues == sorted(dues)
    rows = client.get(QUEUE, {"sap_xep": "-han"}).context["rows"]
    assert [r["dossier"].appointment_date for r in rows] == sorted(dues, reverse=True)
    for _ in range(26):
        make_dossier(procedure=world["procedure"], receiving=world["x"], competent=world["x"])
    first = client.get(QUEUE, {"tab": "moi"})
    assert first.context["page_obj"].paginator.count == 27 and len(first.context["rows"]) == 25
    second = client.get(QUEUE, {"tab": "moi", "page": 2})
    assert len(second.context["rows"]) == 2
    assert "page=1" in second.content.decode()  # the link back to the first page
    # The old parameter name still works (links and bookmarks from before `page` everywhere).
    assert len(client.get(QUEUE, {"tab": "moi", "p": 2}).context["rows"]) == 2


@pytest.mark.parametrize(
    "role,unit,sees",
    [
        (R.RECEPTION, "x", True),
        (R.PROCESSING, "x", True),
        (R.LEADER, "x", True),
        (R.ADMIN, "x", True),
        (R.RECEPTION, "y", False),
        (R.PROCESSING, "y", False),
        (R.LEADER, "y", False),
        (R.ADMIN, "y", False),
    ],
)
def test_direct_urls_of_another_units_dossier_are_404(client, world, role, unit, sees):
    officer = make_officer((role, world[unit]))
    client.force_login(officer)
    dossier = world["d"]["new"]  # received and handled by X
    detail = client.get(reverse("backoffice:dossier", args=[dossier.code]))
    assert detail.status_code == (200 if sees else 404)
    for action in ("accept", "refuse", "request_supplement"):
        post = client.post(
            reverse("backoffice:action", args=[dossier.code, action]), {f"{action}-reason": "x"}
        )
        if not sees:
            assert post.status_code == 404
    note = client.post(reverse("backoffice:note", args=[dossier.code]), {"text": "ghi chú"})
    assert note.status_code == (302 if sees else 404)
    refused = make_dossier(procedure=world["procedure"], receiving=world["x"], competent=world["x"])
    change = perform(refused, Action.REFUSE, actor=world["officer"], reason="Hồ sơ không thuộc thẩm quyền")
    slip = client.get(reverse("backoffice:slip", args=[refused.code, change.pk]))
    assert slip.status_code == (200 if sees else 404)
    if not sees:
        dossier.refresh_from_db()
        assert dossier.status == S.NEW and not DossierNote.objects.filter(dossier=dossier).exists()


def test_detail_shows_only_the_actions_allowed_now(client, world):
    reception = make_officer((R.RECEPTION, world["x"]))
    client.force_login(reception)
    html = client.get(reverse("backoffice:dossier", args=[world["d"]["new"].code])).content.decode()
    for action in ("accept", "refuse", "request_supplement"):
        assert reverse("backoffice:action", args=[world["d"]["new"].code, action]) in html
    for action in ("start", "finish", "stop", "request_withdrawal", "supply"):
        assert reverse("backoffice:action", args=[world["d"]["new"].code, action]) not in html
    # an action not allowed now is refused even when posted by hand
    response = client.post(reverse("backoffice:action", args=[world["d"]["new"].code, "finish"]))
    assert response.status_code == 400 and "không" in response.content.decode().lower()


def test_accept_then_refuse_without_reason_loses_nothing(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["officer"])
    dossier = world["d"]["new"]
    url = reverse("backoffice:action", args=[dossier.code, "refuse"])
    response = client.post(url, {"refuse-reason": ""})
    assert response.status_code == 400 and "Nhập nội dung này." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == S.NEW
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("backoffice:action", args=[dossier.code, "accept"]), {"accept-due_date": ""}
        )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == S.ACCEPTED
    change = dossier.history.last()
    assert change.actor == world["officer"] and change.action == Action.ACCEPT
    assert len(mail.outbox) == 1 and "tiếp nhận" in mail.outbox[0].subject


def test_finish_with_a_result_file_through_the_form(client, world):
    client.force_login(world["officer"])
    dossier = world["d"]["due_today"]
    url = reverse("backoffice:action", args=[dossier.code, "finish"])
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {"finish-result_files": [action_data(Action.FINISH)["result_files"][0]]})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == S.DONE and dossier.files.filter(purpose="result").count() == 1


def test_internal_notes_are_appended_and_hidden_from_the_citizen(client, world):
    client.force_login(world["officer"])
    dossier = world["d"]["new"]
    url = reverse("backoffice:note", args=[dossier.code])
    assert client.post(url, {"text": "  "}).status_code == 400
    client.post(url, {"text": "Đã gọi điện xác minh địa chỉ"})
    client.post(url, {"text": "Chờ ý kiến phòng Tài nguyên"})
    assert list(DossierNote.objects.filter(dossier=dossier).values_list("text", flat=True)) == [
        "Đã gọi điện xác minh địa chỉ",
        "Chờ ý kiến phòng Tài nguyên",
    ]
    client.force_login(dossier.user)
    html = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Đã gọi điện" not in html


def test_file_access_is_logged_and_refused_to_other_units(client, world):
    dossier = world["d"]["due_today"]
    admin = make_officer((R.ADMIN, None))
    perform(dossier, Action.FINISH, actor=admin, **action_data(Action.FINISH))
    upload = dossier.files.get()
    url = reverse("dossiers:file", args=[upload.pk])
    stranger = make_officer((R.PROCESSING, world["y"]))
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert not FileAccess.objects.exists()
    staff_with_perms = make_officer(is_superuser=False)
    staff_with_perms.is_staff = True
    staff_with_perms.save()
    client.force_login(staff_with_perms)
    assert client.get(url).status_code == 404
    client.force_login(world["officer"])
    response = client.get(url + "?xem=1")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(dossier.user)
    assert client.get(url).status_code == 200
    log = list(FileAccess.objects.order_by("pk").values_list("user_id", "as_officer", "file_id"))
    assert log == [(world["officer"].pk, True, upload.pk), (dossier.user.pk, False, upload.pk)]
    client.force_login(world["officer"])
    html = client.get(reverse("backoffice:dossier", args=[dossier.code])).content.decode()
    assert "Lượt mở tệp gần đây" in html


def _pdf_text(tmp_path, content: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils missing: tests/scripts/system-deps.sh installs it")
    path = tmp_path / "phieu.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    "status,action,title",
    [
        (S.NEW, Action.REFUSE, "PHIẾU TỪ CHỐI TIẾP NHẬN"),
        (S.PROCESSING, Action.REQUEST_SUPPLEMENT, "PHIẾU YÊU CẦU BỔ SUNG"),
        (S.PROCESSING, Action.APOLOGIZE, "PHIẾU XIN LỖI VÀ HẸN LẠI"),
    ],
)
def test_slips_as_pdf_for_officer_and_citizen(client, world, tmp_path, status, action, title):
    dossier = make_dossier(
        procedure=world["procedure"], status=status, receiving=world["x"], competent=world["x"]
    )
    reason = "Bản sao Giấy chứng nhận quyền sử dụng đất\nSơ đồ vị trí thửa đất"
    data = action_data(action, dossier=dossier)
    data["reason"] = reason
    change = perform(dossier, action, actor=world["officer"], **data)
    client.force_login(world["officer"])
    response = client.get(reverse("backoffice:slip", args=[dossier.code, change.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(tmp_path, response.content)
    assert title in text and dossier.code in text and "Sơ đồ vị trí thửa đất" in text
    client.force_login(dossier.user)
    assert client.get(reverse("dossiers:slip", args=[dossier.code, change.pk])).status_code == 200
    client.force_login(make_citizen())
    assert client.get(reverse("dossiers:slip", args=[dossier.code, change.pk])).status_code == 404
    first = StatusChange.objects.filter(dossier=dossier).first()
    client.force_login(world["officer"])
    assert client.get(reverse("backoffice:slip", args=[dossier.code, first.pk])).status_code == 404


def test_admin_screens_for_assignments_and_email_templates(client, world):
    from dossiers.models import NotificationTemplate

    template = NotificationTemplate.objects.get(action=Action.ACCEPT)
    edit = reverse("wagtailsnippets_dossiers_notificationtemplate:edit", args=[template.pk])
    assignments = reverse("officer_assignments:index")
    client.force_login(world["officer"])  # an officer is not an administrator of the settings
    assert client.get(edit).status_code in (302, 403)
    assert client.get(assignments).status_code in (302, 403)
    client.force_login(make_officer(is_superuser=True))
    assert client.get(assignments).status_code == 200
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"action": "accept", "enabled": "on", "subject": "{% if dossier %}Hồ sơ", "body": "x"}
    )
    assert response.status_code == 200 and "Mẫu không hợp lệ" in response.content.decode()
    template.refresh_from_db()
    assert template.subject.startswith("Hồ sơ {{ dossier.code }}")


def test_after_a_transfer_the_agency_it_left_reads_it_but_cannot_act(client, world):
    dossier = world["d"]["due_today"]  # received by X, processing at X
    client.force_login(make_officer((R.PROCESSING, world["x"]), (R.LEADER, world["x"])))
    response = client.post(
        reverse("backoffice:action", args=[dossier.code, "transfer"]),
        {"transfer-reason": "Thuộc thẩm quyền Sở Y", "transfer-to_agency": world["y"].pk},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.competent_agency == world["y"] and dossier.status == S.PROCESSING
    # Out of X's work queue, listed under "Đã chuyển liên thông", still readable, read-only.
    assert "due_today" not in _queue_codes(client, world)
    assert _queue_codes(client, world, tab="da-chuyen") == {"due_today"}
    detail = client.get(reverse("backoffice:dossier", args=[dossier.code]))
    html = detail.content.decode()
    assert detail.status_code == 200 and detail.context["read_only"]
    assert "chuyển liên thông đến Sở Y" in html
    assert detail.context["action_forms"] == []
    assert reverse("backoffice:note", args=[dossier.code]) not in html
    post = client.post(reverse("backoffice:action", args=[dossier.code, "finish"]))
    assert post.status_code == 400
    note = client.post(reverse("backoffice:note", args=[dossier.code]), {"text": "ghi chú"})
    assert note.status_code == 400 and not DossierNote.objects.filter(dossier=dossier).exists()
    dossier.refresh_from_db()
    assert dossier.status == S.PROCESSING
    # X's reception desk still has it in its queue (it returns the result); Y acts on it; an
    # uninvolved agency still gets 404.
    client.force_login(world["officer"])
    assert "due_today" in _queue_codes(client, world)
    client.force_login(make_officer((R.PROCESSING, world["y"])))
    detail = client.get(reverse("backoffice:dossier", args=[dossier.code]))
    assert not detail.context["read_only"] and detail.context["action_forms"]
    client.force_login(make_officer((R.PROCESSING, make_agency("Sở Z"))))
    assert client.get(reverse("backoffice:dossier", args=[dossier.code])).status_code == 404


def test_acceptance_countdown_is_refreshed_by_the_server(client, world):
    client.force_login(world["officer"])
    new = world["d"]["new"]
    page = client.get(reverse("backoffice:dossier", args=[new.code])).content.decode()
    url = reverse("backoffice:countdown", args=[new.code])
    assert f'data-url="{url}"' in page and "setInterval" in page
    data = client.get(url).json()
    assert 0 < data["hours"] <= 8 and not data["late"] and "giờ làm việc" in data["text"]
    assert data["text"] in page
    assert client.get(reverse("backoffice:countdown", args=[world["d"]["done"].code])).json()["hours"] is None
    assert client.get(reverse("backoffice:countdown", args=[world["d"]["other"].code])).status_code == 404


def test_queue_queries_do_not_grow_with_its_rows(client, world):
    """No query per row (holiday calendar, units): a page of 12 costs what a page of 4 does."""
    client.force_login(world["officer"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    before = queries()
    for _ in range(8):
        make_dossier(procedure=world["procedure"], receiving=world["x"], competent=world["x"])
    assert queries() == before
