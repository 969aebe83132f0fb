"""The back office end to end in Debian's Chromium: an officer accepts a dossier in the staff
area, starts processing and asks for supplements; the citizen sees it on their dossier page (on a
phone) and uploads the supplement; the officer finishes with a result file and returns it; the
citizen sees every step and the result."""

import pytest

from dossiers.constants import DossierStatus, OfficerRole
from dossiers.models import Dossier
from dossiers.tests.factories import PASSWORD, make_citizen, make_online_procedure, pdf_bytes
from dossiers.tests.officers import make_agency, make_dossier, make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


def _act(page, action: str, fields: dict | None = None, files: dict | None = None):
    """Open the action's panel on the staff detail page, fill it, press its button."""
    panel = page.locator("details.bo-action", has=page.locator(f'summary:text-is("{action}")'))
    panel.locator("summary").click()
    for label, value in (fields or {}).items():
        panel.get_by_label(label).fill(value)
    for label, path in (files or {}).items():
        panel.get_by_label(label).set_input_files(path)
    panel.get_by_role("button", name=action, exact=True).click()
    page.wait_for_load_state()


def _status(page) -> str:
    return page.locator("#bo-status").inner_text()


def test_officer_and_citizen_through_a_supplement(page, browser, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SITE_BASE_URL = live_server.url
    unit = make_agency("Ủy ban nhân dân phường Tân Ninh")
    procedure = make_online_procedure(title="Đăng ký thành lập hộ kinh doanh")
    citizen = make_citizen(email="chu.ho@example.vn", phone="0912345678")
    dossier = make_dossier(
        procedure=procedure, user=citizen, receiving=unit, competent=unit, email=citizen.email
    )
    make_officer(
        (OfficerRole.RECEPTION, unit),
        (OfficerRole.PROCESSING, unit),
        (OfficerRole.LEADER, unit),
        username="canbo.phuong",
    )
    other_unit_dossier = make_dossier(procedure=procedure, receiving=make_agency("Xã khác"))
    (tmp_path / "hop-dong.pdf").write_bytes(pdf_bytes("Hop dong thue"))
    (tmp_path / "ket-qua.pdf").write_bytes(pdf_bytes("Giay chung nhan"))

    # The officer signs in to the admin and finds the dossier among the new ones.
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("canbo.phuong")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.goto(live_server.url + "/admin/mot-cua/?tab=moi")
    queue = page.locator("main").inner_text()
    assert dossier.code in queue and other_unit_dossier.code not in queue
    page.get_by_role("link", name=dossier.code).click()
    assert "Trần Văn Tâm" in page.locator("main").inner_text()
    _act(page, "Tiếp nhận")
    assert _status(page) == "2 – Được tiếp nhận"

    # The citizen, on a phone, sees the acceptance on their dossier page.
    citizen_context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 800})
    phone = citizen_context.new_page()
    phone.goto(live_server.url + "/tai-khoan/dang-nhap/")
    phone.get_by_label("Thư điện tử hoặc số điện thoại").fill("chu.ho@example.vn")
    phone.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.get_by_role("link", name=dossier.code).click()
    assert phone.locator("#dossier-status").inner_text() == "Được tiếp nhận"
    assert "(Tiếp nhận)" in phone.locator("#dossier-history").inner_text()

    # The officer starts processing and asks for a supplement.
    _act(page, "Bắt đầu xử lý")
    _act(
        page,
        "Yêu cầu bổ sung giấy tờ",
        {"Giấy tờ cần bổ sung (mỗi dòng một loại giấy tờ)": "Bản sao hợp đồng thuê địa điểm có chứng thực"},
    )
    assert _status(page) == "5 – Yêu cầu bổ sung giấy tờ"

    # The citizen sees the request and uploads the supplement (first forgetting the file).
    phone.reload()
    assert phone.locator("#dossier-status").inner_text() == "Yêu cầu bổ sung giấy tờ"
    assert "Bản sao hợp đồng thuê địa điểm có chứng thực" in phone.locator("main").inner_text()
    phone.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    assert "Chọn ít nhất một tệp." in phone.locator("main").inner_text()
    phone.get_by_label("Giấy tờ bổ sung (PDF, JPG, PNG)").set_input_files(str(tmp_path / "hop-dong.pdf"))
    phone.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    assert "Đã gửi giấy tờ bổ sung" in phone.locator("main").inner_text()
    assert phone.locator("#dossier-status").inner_text() == "Đang xử lý"
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    # The officer sees the supplement, finishes with the result and returns it.
    page.reload()
    assert _status(page) == "4 – Đang xử lý"
    assert "hop-dong.pdf" in page.locator("main").inner_text()
    _act(
        page,
        "Hoàn thành xử lý",
        files={"Tệp kết quả giải quyết (PDF, JPG, PNG)": str(tmp_path / "ket-qua.pdf")},
    )
    assert _status(page) == "9 – Đã xử lý xong"
    _act(page, "Trả kết quả")
    assert _status(page) == "10 – Đã trả kết quả"

    # The citizen sees every step and can open the result.
    phone.reload()
    assert phone.locator("#dossier-status").inner_text() == "Đã trả kết quả"
    history = phone.locator("#dossier-history").inner_text()
    for step in (
        "Tiếp nhận",
        "Bắt đầu xử lý",
        "Yêu cầu bổ sung giấy tờ",
        "Công dân nộp bổ sung",
        "Hoàn thành xử lý",
        "Trả kết quả",
    ):
        assert f"({step})" in history
    assert phone.get_by_role("link", name="ket-qua.pdf").count() == 1
    citizen_context.close()
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.status == DossierStatus.RETURNED and dossier.history.count() == 7
