"""A procedure page in Debian's Chromium on a 360 px phone: heading, summary, checklist, no overflow."""

import pytest

from procedures.tests.factories import make_full_procedure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Vietnamese citizen's browser: Accept-Language vi, so the portal answers in Vietnamese.
    return {**browser_context_args, "locale": "vi-VN"}


OVERFLOWING = """
() => {
  const width = document.documentElement.clientWidth;
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= width + 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    offenders.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(rect.right)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, offenders};
}
"""


def test_procedure_page_on_a_phone(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    procedure = make_full_procedure(
        # A long unbroken value must wrap, not widen the page.
        publishing_decision="Quyết định số 1872/QĐ-BTP ngày 15/8/2025 " + "x" * 120,
    )
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(live_server.url + procedure.url)

    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "Đăng ký khai sinh"
    summary = page.locator("section.summary")
    assert summary.is_visible()
    assert "8.000 đồng" in summary.inner_text()
    # The summary comes before the steps on the phone (it is the first thing after the heading).
    assert summary.bounding_box()["y"] < page.locator("#trinh-tu").bounding_box()["y"]

    page.locator("#ho-so").scroll_into_view_if_needed()
    checklist = page.locator("ol.checklist").first
    assert checklist.is_visible()
    assert "Tờ khai đăng ký khai sinh" in checklist.inner_text()

    # The channels table stacks into cards: each cell is as wide as the page, not a squeezed column.
    cell = page.locator("table.channels td").first
    assert cell.bounding_box()["width"] > 250

    result = page.evaluate(OVERFLOWING)
    assert result["scrollWidth"] <= result["width"], result
    assert result["offenders"] == [], result

    # Keyboard: the first Tab reaches the skip link, which becomes visible.
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["x"] >= 0
