"""Accessibility of the public pages, checked with axe-core in Debian's Chromium.

One test builds the data once (statistics world, an online procedure, a citizen) and walks every
public page a citizen meets: home, catalog, a procedure, search results, each step of the online
submission (and a step sent back with a missing required field), the receipt, the status lookup
(form and result), the citizen's dossier page, the feedback and rating forms, the statistics and
roadmap pages. Each page is checked in Vietnamese and in English (the `django_language` cookie, as
the header's language switch sets it) at desktop width and at 390 px, by switching the cookie and
resizing the viewport, not by rebuilding anything. Any axe violation of impact "serious" or
"critical" fails the test; the message lists every one with its page, language, width and nodes.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings

from dossiers.models import Dossier
from dossiers.tests.factories import PASSWORD, make_citizen, make_online_procedure, pdf_bytes
from stats.tests.fixtures import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ("en", "vi")  # Vietnamese last: the page is left in Vietnamese, ready to fill
WIDTHS = (("desktop", 1280, 900), ("390px", 390, 844))
BLOCKING = ("serious", "critical")
ERROR_TITLE = {"vi": "Lỗi: ", "en": "Error: "}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


class Audit:
    """Runs axe on the page in the browser at each width and keeps every blocking violation."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.axe = Axe()
        self.findings: list[str] = []
        self.checks = 0

    def language(self, code: str) -> None:
        self.page.context.add_cookies(
            [{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": code, "url": self.base_url}]
        )

    def run_axe(self) -> list[dict]:
        """axe-core's violations on the page as it is now; the script goes in once per page load."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(self.axe.axe_script)
        return self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]

    def check(self, name: str, language: str) -> None:
        page = self.page
        assert page.locator("html").get_attribute("lang") == language, f"{name}: not in {language}"
        for width_name, width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            self.checks += 1
            violations = self.run_axe()
            for violation in violations:
                if violation["impact"] not in BLOCKING:
                    continue
                targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:6])
                more = len(violation["nodes"]) - 6
                self.findings.append(
                    f"{name} [{language}, {width_name}] {violation['id']} ({violation['impact']}): "
                    f"{violation['help']} – {targets}" + (f" (+{more} more)" if more > 0 else "")
                )
        page.set_viewport_size({"width": WIDTHS[0][1], "height": WIDTHS[0][2]})

    def visit(self, name: str, path: str, then=None, languages=LANGUAGES) -> None:
        """Open `path` in each language (then do `then(page, language)`, e.g. submit a form) and check it."""
        for language in languages:
            self.language(language)
            self.page.goto(self.base_url + path)
            if then is not None:
                then(self.page, language)
            self.check(name, language)
        self.language("vi")


def _submit_missing_required(page, language):
    """Send the editor's step back with its required fields empty: the error state."""
    page.locator("form[enctype] button[type=submit]:not([name])").click()
    page.wait_for_load_state()
    assert page.title().startswith(ERROR_TITLE[language]), page.title()
    summary = page.locator("#error-summary")
    assert summary.evaluate("el => el === document.activeElement"), "focus is not on the error summary"
    assert summary.locator("h2").count() == 1
    links = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "#id_buoc-1-ten_ho" in links and "#id_buoc-1-loai_dia_diem_fieldset" in links, links
    missing = [href for href in links if page.locator(href).count() != 1]
    assert not missing, f"error summary links to nothing: {missing}"


def test_public_pages_have_no_serious_accessibility_violations(page, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_BASE_URL = live_server.url
    world = build_world()
    procedure = make_online_procedure(title="Đăng ký thành lập hộ kinh doanh")
    make_citizen(email="chu.ho@example.vn", phone="0912345678", citizen_id="080190001234")
    (tmp_path / "giay-de-nghi.pdf").write_bytes(pdf_bytes("Giay de nghi dang ky"))
    audit = Audit(page, live_server.url)
    page.set_viewport_size({"width": WIDTHS[0][1], "height": WIDTHS[0][2]})

    # Pages anyone reads.
    audit.visit("home", "/")
    audit.visit("catalog", procedure.get_parent().url)
    audit.visit("procedure", procedure.url)
    audit.visit("search results", "/tim-kiem/?q=th%C3%A0nh+l%E1%BA%ADp+h%E1%BB%99+kinh+doanh")
    audit.visit("statistics: province", "/thong-ke/")
    audit.visit("statistics: agency", f"/thong-ke/co-quan/{world.agencies['a'].slug}/")
    audit.visit("statistics: procedure", f"/thong-ke/thu-tuc/{world.procedures['p1'].code}/")
    audit.visit("roadmap list", "/lo-trinh/")
    audit.visit("roadmap", f"/lo-trinh/{world.roadmap.slug}/")
    audit.visit("feedback form", "/gop-y/")
    audit.visit("status lookup form", "/ho-so/tra-cuu/")

    # Sign in, then the wizard step by step (filled in Vietnamese; each step re-opened in English).
    wizard = f"/ho-so/nop/{procedure.code}/"
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=" + wizard)
    page.locator("input[name=username]").fill("0912345678")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(live_server.url + wizard)
    audit.visit("wizard 1: applicant", wizard)
    page.get_by_label("Ngày sinh").fill("1990-05-17")
    page.locator("#id_nguoi-nop-address__commune").select_option(index=1)
    page.locator("#id_nguoi-nop-address__street").fill("Số 12 đường Hùng Vương")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    audit.visit("wizard 2: procedure's step", wizard)
    audit.visit("wizard 2: missing required field", wizard, then=_submit_missing_required)
    page.goto(live_server.url + wizard)
    page.get_by_label("Tên hộ kinh doanh").fill("Hộ kinh doanh Tạp hóa Minh Khai")
    page.get_by_label("Ngành nghề kinh doanh").fill("Bán lẻ hàng tạp hóa")
    page.get_by_label("Vốn kinh doanh (đồng)").fill("100.000.000")
    page.get_by_label("Nhà riêng").check()
    page.locator("#id_buoc-1-dia_diem__commune").select_option(index=2)
    page.locator("#id_buoc-1-dia_diem__street").fill("Ấp Bình Trung")
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    audit.visit("wizard 3: uploads", wizard)
    page.locator("input[type=file]").nth(0).set_input_files(str(tmp_path / "giay-de-nghi.pdf"))
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    audit.visit("wizard 4: review", wizard)
    page.get_by_label("Tôi đã kiểm tra thông tin và xin cam đoan như trên.").check()
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    code = page.locator(".notice .receipt-code").inner_text().strip()
    assert Dossier.objects.filter(code=code).exists()

    # After submission: receipt, lookup result, the dossier page, rating.
    audit.visit("receipt", f"/ho-so/{code}/bien-nhan/")

    def look_up(page, language):
        page.locator("#lookup-code").fill(code)
        page.locator("#lookup-factor").fill("5678")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("#result-title").count() == 1

    audit.visit("status lookup result", "/ho-so/tra-cuu/", then=look_up)
    audit.visit("dossier page", f"/ho-so/{code}/")
    audit.visit("rating form", f"/gop-y/danh-gia/{code}/")

    assert audit.checks == 2 * len(WIDTHS) * 20
    assert not audit.findings, f"{len(audit.findings)} serious or critical axe violations:\n" + "\n".join(
        audit.findings
    )
