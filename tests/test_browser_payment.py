"""Paying a fee online in Debian's Chromium on a phone: the dossier page's button, the gateway
simulator's page (bank, approve), the IPN over HTTP, back on the portal: paid, the dossier goes on,
the receipt is downloadable."""

import pytest

from dossiers.constants import Action, DossierStatus
from dossiers.tests.factories import PASSWORD
from payments.constants import PaymentStatus
from payments.models import Payment
from payments.tests.helpers import dossier_owing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "accept_downloads": True}


def test_pay_a_fee_online(page, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SITE_BASE_URL = live_server.url
    dossier = dossier_owing(150000, email="chu.ho@example.vn")
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
