"""Issue 15 end to end in Debian's Chromium: a procedure with no hand-built form, only its national
record (an agency standing for every commune, a conditional and an in-person component), takes a
dossier on a phone: the citizen chooses the commune, uploads the required documents (the optional
one left out), books an appointment to show the original, and the commune's officer sees the
appointment in the day's list and accepts the dossier."""

import pytest
from django.utils import timezone

from appointments.models import AppointmentSchedule
from dossiers.constants import OfficerRole
from dossiers.models import Dossier
from dossiers.tests.factories import PASSWORD, make_citizen, pdf_bytes
from dossiers.tests.officers import make_officer
from procedures.tests.factories import make_agency, make_document, make_procedure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


def test_a_record_only_procedure_takes_a_dossier_with_an_appointment(
    page, browser, live_server, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_BASE_URL = live_server.url
    settings.DOSSIER_RECEIVING_UNIT = ""
    communes = make_agency(name="Ủy ban nhân dân xã, phường")
    make_agency(name="UBND phường Long An", parent=communes, code="000.00.41.H56")
    tan_an = make_agency(
        name="UBND phường Tân An", parent=communes, code="000.00.42.H56", address="Số 1 Võ Văn Tần"
    )
    AppointmentSchedule.objects.create(
        agency=tan_an, slot_minutes=30, capacity=2, days_ahead=5, place="Quầy số 2"
    )
    template = make_document("Mẫu CT01", name="ct01.pdf", data=pdf_bytes("Mau CT01"))
    procedure = make_procedure(
        title="Đăng ký tạm trú",
        implementing_agency=communes,
        online_level="full",
        channels=[{"kind": "online", "time_limit_value": 3, "time_limit_unit": "working_days"}],
        components=[
            {"name": "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "originals": 1, "form_name": "Mẫu CT01",
             "form_document": template},
            {"name": "Văn bản ủy quyền (nếu nộp thay)", "originals": 1},
            {"name": "Giấy tờ chứng minh chỗ ở hợp pháp", "quantity_text": "Xuất trình bản chính"},
        ],
    )  # fmt: skip
    assert not hasattr(procedure, "online_form")
    make_citizen(email="tam.tru@example.vn", phone="0912345678", citizen_id="080190001234")
    make_officer(
        (OfficerRole.RECEPTION, tan_an), (OfficerRole.PROCESSING, tan_an), (OfficerRole.LEADER, tan_an),
        username="canbo.tanan",
    )  # fmt: skip
    (tmp_path / "to-khai.pdf").write_bytes(pdf_bytes("To khai CT01"))

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + procedure.url)
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("tam.tru@example.vn")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # Step 1: the applicant, and where to submit (the commune).
    page.get_by_label("UBND phường Tân An").check()
    page.get_by_label("Ngày sinh").fill("1990-05-17")
    page.locator("#id_nguoi-nop-address__commune").select_option(index=1)
    page.get_by_label("Số nhà, đường, thôn/ấp/khu phố").fill("Số 12 đường Hùng Vương")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # Step 2: the record's components: the declaration with its blank form to download, the
    # conditional one optional, the in-person one not asked for but listed to bring.
    main = page.locator("main")
    text = main.inner_text()
    assert "Văn bản ủy quyền (nếu nộp thay) (không bắt buộc)" in text
    assert "Giấy tờ chứng minh chỗ ở hợp pháp" in main.locator("#in-person-title + p + ul").inner_text()
    assert page.locator("input[type=file]").count() == 2
    assert main.get_by_role("link", name="Mẫu CT01").get_attribute("href").endswith(".pdf")
    page.get_by_role("button", name="Lưu và tiếp tục").click()  # the required declaration is missing
    assert "Tờ khai thay đổi thông tin cư trú" in page.locator(".field--error").first.inner_text()
    page.locator("input[type=file]").nth(0).set_input_files(str(tmp_path / "to-khai.pdf"))
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # Review and submit; then the appointment page opens.
    page.get_by_label("Tôi đã kiểm tra thông tin và xin cam đoan như trên.").check()
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    dossier = Dossier.objects.get()
    assert dossier.code.startswith("000.00.42.H56-") and dossier.receiving_unit == tan_an
    assert "Chọn khung giờ" in page.locator("main").inner_text()
    first_free = page.locator("input[name=khung_gio]:not([disabled])").first
    first_free.check()
    chosen = first_free.get_attribute("value")
    page.get_by_role("button", name="Đặt lịch hẹn").click()
    assert "Đã đặt lịch hẹn" in page.locator("main").inner_text()
    appointment = dossier.appointments.get()
    assert timezone.localtime(appointment.start).strftime("%Y-%m-%dT%H:%M") == chosen
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    # The officer of Tân An sees it in the day's list and accepts the dossier.
    officer = browser.new_context(locale="vi-VN").new_page()
    officer.goto(live_server.url + "/admin/login/")
    officer.locator("input[name=username]").fill("canbo.tanan")
    officer.locator("input[name=password]").fill(PASSWORD)
    officer.locator("form button[type=submit]").first.click()
    day = timezone.localtime(appointment.start).date().isoformat()
    officer.goto(f"{live_server.url}/admin/lich-hen/?ngay={day}")
    assert dossier.code in officer.locator("main").inner_text()
    officer.get_by_role("link", name=dossier.code).click()
    panel = officer.locator("details.bo-action", has=officer.locator('summary:text-is("Tiếp nhận")'))
    panel.locator("summary").click()
    panel.get_by_role("button", name="Tiếp nhận", exact=True).click()
    officer.wait_for_load_state()
    assert officer.locator("#bo-status").inner_text() == "2 – Được tiếp nhận"
