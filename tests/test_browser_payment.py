"""Level 4 in Debian's Chromium: the citizen pays a fee on a phone (the dossier page's button, the
gateway simulator's page, the IPN over HTTP, back on the portal: paid, the receipt downloadable);
the officer finishes the dossier in the admin with a result, which the portal signs; the citizen
downloads the signed result and checks it on /xac-thuc/, and a copy with one byte changed is
reported as changed."""

from pathlib import Path

import pytest

from dossiers.constants import Action, DossierStatus
from dossiers.tests.factories import PASSWORD, pdf_bytes
from payments.constants import PaymentStatus
from payments.models import Payment
from payments.tests.helpers import dossier_owing
from signing.models import SignedDocument
from signing.services import ensure_demo_key

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "accept_downloads": True}


def test_pay_online_then_receive_and_verify_a_signed_result(page, browser, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SIGNING_DIR = tmp_path / "signing"
    settings.SITE_BASE_URL = live_server.url
    dossier = dossier_owing(150000, email="chu.ho@example.vn")
    ensure_demo_key(dossier.competent_agency)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill(dossier.user.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/ho-so/{dossier.code}/")
    assert "150.000 đồng" in page.locator("#payment-title + p").inner_text()
    page.get_by_role("link", name="Thanh toán trực tuyến").click()
    page.get_by_role("button", name="Thanh toán qua VNPAY").click()
    # The gateway's own page (the simulator): no card data on the portal.
    assert "150000 VND" in page.locator("#so-tien").inner_text()
    page.get_by_label("Vietcombank").check()
    page.get_by_role("button", name="Xác nhận thanh toán").click()
    assert "Thanh toán thành công" in page.locator("main").inner_text()
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PAID and payment.bank_code == "VCB"
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROCESSING
    assert dossier.history.filter(action=Action.CONFIRM_PAYMENT).count() == 1
    page.get_by_role("link", name="Về trang hồ sơ").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Biên lai điện tử {payment.receipt_number}").click()
    with open(download.value.path(), "rb") as receipt:
        assert receipt.read(4) == b"%PDF"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    # The officer, in the admin on a desktop, finishes the dossier with the result document.
    (tmp_path / "ket-qua.pdf").write_bytes(pdf_bytes("Giay chung nhan dang ky ho kinh doanh"))
    desk = browser.new_context(locale="vi-VN").new_page()
    desk.goto(live_server.url + "/admin/login/")
    desk.locator("input[name=username]").fill(dossier.officer.username)
    desk.locator("input[name=password]").fill(PASSWORD)
    desk.locator("form button[type=submit]").first.click()
    desk.goto(f"{live_server.url}/admin/mot-cua/ho-so/{dossier.code}/")
    assert (
        "Phí, lệ phí" in desk.locator("main").inner_text()
        and payment.receipt_number in desk.locator("main").inner_text()
    )
    panel = desk.locator("details.bo-action", has=desk.locator('summary:text-is("Hoàn thành xử lý")'))
    panel.locator("summary").click()
    panel.get_by_label("Tệp kết quả giải quyết (PDF, JPG, PNG)").set_input_files(
        str(tmp_path / "ket-qua.pdf")
    )
    panel.get_by_role("button", name="Hoàn thành xử lý", exact=True).click()
    desk.wait_for_load_state()
    assert desk.locator("#bo-status").inner_text() == "9 – Đã xử lý xong"

    # The citizen downloads the signed result from the dossier page.
    page.reload()
    results = page.locator("ul.results").inner_text()
    assert "Đã ký số" in results and dossier.competent_agency.name in results
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về ket-qua.pdf").click()
    signed = Path(download.value.path()).read_bytes()
    assert SignedDocument.objects.get().dossier_code == dossier.code

    # …and checks it on /xac-thuc/ (the link next to it leads to the register's record first).
    page.get_by_role("link", name="Xác thực văn bản").click()
    assert dossier.code in page.locator("main").inner_text()
    (tmp_path / "nhan-duoc.pdf").write_bytes(signed)
    page.get_by_label("Văn bản cần kiểm tra (PDF)").set_input_files(str(tmp_path / "nhan-duoc.pdf"))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    report = page.locator("main").inner_text()
    assert "Văn bản hợp lệ" in report and dossier.code in report and "Không bị thay đổi" in report
    assert dossier.competent_agency.name in report

    # A copy with one byte changed is reported as changed.
    changed = bytearray(signed)
    changed[signed.index(b"Giay chung nhan")] ^= 0x01
    (tmp_path / "da-sua.pdf").write_bytes(bytes(changed))
    page.get_by_label("Văn bản cần kiểm tra (PDF)").set_input_files(str(tmp_path / "da-sua.pdf"))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    report = page.locator("main").inner_text()
    assert "Văn bản KHÔNG hợp lệ" in report and "Đã bị thay đổi" in report
    assert "Nội dung văn bản đã bị thay đổi sau khi ký." in report
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
