"""Online submission end to end in Debian's Chromium on a phone: find a procedure with the search,
sign in, fill the wizard with two uploads, get a dossier code, download the PDF receipt, look the
dossier up, see it in "Hồ sơ của tôi"."""

import re

import pytest

from dossiers.models import Dossier
from dossiers.tests.factories import PASSWORD, make_citizen, make_online_procedure, pdf_bytes, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "accept_downloads": True}


def test_submit_a_dossier_online(page, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_BASE_URL = live_server.url
    procedure = make_online_procedure(title="Đăng ký thành lập hộ kinh doanh")
    citizen = make_citizen(email="chu.ho@example.vn", phone="0912345678", citizen_id="080190001234")
    (tmp_path / "giay-de-nghi.pdf").write_bytes(pdf_bytes("Giay de nghi dang ky"))
    (tmp_path / "hop-dong-thue.png").write_bytes(png_bytes((300, 200)))

    page.set_viewport_size({"width": 360, "height": 800})
    # Find the procedure with the portal's search, open it, press the button.
    page.goto(live_server.url + "/tim-kiem/")
    page.get_by_label("Bạn cần làm thủ tục gì?").fill("thành lập hộ kinh doanh")
    page.get_by_role("button", name="Tìm kiếm", exact=True).click()
    page.locator("ol.search-results__list").get_by_role(
        "link", name="Đăng ký thành lập hộ kinh doanh"
    ).click()
    page.wait_for_url(live_server.url + procedure.url)
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()

    # Sign in (with the phone number), then back to the wizard.
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912 345 678")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # Step 1: applicant, prefilled from the account.
    assert page.get_by_label("Thư điện tử", exact=True).input_value() == citizen.email
    assert page.get_by_label("Số định danh cá nhân (CCCD)").input_value() == "080190001234"
    page.get_by_label("Ngày sinh").fill("1990-05-17")
    page.locator("#id_nguoi-nop-address__commune").select_option(index=1)
    page.get_by_label("Số nhà, đường, thôn/ấp/khu phố").fill("Số 12 đường Hùng Vương")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # Step 2: the editor's step; first a mistake, shown next to the field.
    page.get_by_label("Tên hộ kinh doanh").fill("Hộ kinh doanh Tạp hóa Minh Khai")
    page.get_by_label("Ngành nghề kinh doanh").fill("Bán lẻ hàng tạp hóa")
    page.get_by_label("Vốn kinh doanh (đồng)").fill("một trăm triệu")
    page.get_by_label("Nhà riêng").check()
    page.locator("#id_buoc-1-dia_diem__commune").select_option(index=2)
    page.locator("#id_buoc-1-dia_diem__street").fill("Ấp Bình Trung")
    page.get_by_role("button", name="Lưu và tiếp tục").click()
    assert (
        page.locator("#id_buoc-1-von_error")
        .inner_text()
        .endswith("Vui lòng nhập một số, ví dụ 12 hoặc 12,5.")
    )
    assert page.get_by_label("Tên hộ kinh doanh").input_value() == "Hộ kinh doanh Tạp hóa Minh Khai"
    page.get_by_label("Vốn kinh doanh (đồng)").fill("100.000.000")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # Step 3: two uploads.
    slots = page.locator("input[type=file]")
    slots.nth(0).set_input_files(str(tmp_path / "giay-de-nghi.pdf"))
    slots.nth(1).set_input_files(str(tmp_path / "hop-dong-thue.png"))
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    # Step 4: review shows everything, without sideways scrolling on the phone; declaration and submit.
    review = page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert "Hộ kinh doanh Tạp hóa Minh Khai" in review and "100.000.000" in review
    assert "giay-de-nghi.pdf" in review and "hop-dong-thue.png" in review
    page.get_by_label("Tôi đã kiểm tra thông tin và xin cam đoan như trên.").check()
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()

    # Receipt with the code and the QR code.
    code = page.locator(".notice .receipt-code").inner_text().strip()
    assert re.fullmatch(r"000\.00\.12\.H53-\d{6}-0001", code)
    assert page.locator(".receipt-qr svg").count() == 1
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải biên nhận (PDF)").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert Dossier.objects.get(code=code).files.count() == 2

    # Lookup: a wrong factor says nothing; the right one shows the status.
    page.goto(live_server.url + f"/ho-so/tra-cuu/?ma={code}")
    page.get_by_label("4 số cuối số điện thoại hoặc số định danh cá nhân của người nộp").fill("0000")
    page.get_by_role("button", name="Tra cứu").click()
    assert "Không tìm thấy hồ sơ" in page.locator("main").inner_text()
    page.get_by_label("4 số cuối số điện thoại hoặc số định danh cá nhân của người nộp").fill("5678")
    page.get_by_role("button", name="Tra cứu").click()
    result = page.locator("main").inner_text()
    assert "Mới đăng ký" in result and "Quá trình xử lý" in result  # signed in as the owner

    # The citizen's own list shows the dossier with its status.
    page.goto(live_server.url + "/tai-khoan/ho-so-cua-toi/")
    row = page.get_by_role("row").filter(has_text=code)
    assert "Mới đăng ký" in row.inner_text()
