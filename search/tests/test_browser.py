"""In a real browser: a citizen types a query without diacritics and opens the right procedure."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_typing_without_diacritics_opens_the_right_procedure(page, live_server, sample):
    target = sample["khai_sinh"]
    page.goto(live_server.url + "/tim-kiem/")
    box = page.locator("#search-page-q")
    expect(box).to_have_attribute("role", "combobox")  # enhanced by search-autocomplete.js

    # With JavaScript: suggestions appear while typing (debounced: far fewer requests than keys);
    # Escape closes the list, arrow down reopens it and moves through it, Enter opens the procedure.
    requests = []
    page.on("request", lambda request: requests.append(request.url) if "/goi-y/" in request.url else None)
    typed = "dang ky khai s"
    box.press_sequentially(typed, delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_contain_text("đăng ký khai sinh")
    assert 1 <= len(requests) <= len(typed) // 3, requests
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")  # reopens the list
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(r"search-ac-list-\d+-0"))
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target.url) + "$"))
    expect(page.locator("h1")).to_contain_text("đăng ký khai sinh")

    # Without choosing a suggestion: the form submits, the results page lists it first.
    page.goto(live_server.url + "/tim-kiem/")
    box = page.locator("#search-page-q")
    box.fill("cap doi the can cuoc")
    box.press("Enter")  # no suggestion chosen: the form is submitted as without JavaScript
    expect(page).to_have_url(re.compile(r"q=cap\+doi\+the\+can\+cuoc"))
    first = page.locator(".result h3 a").first
    expect(first).to_contain_text("Cấp đổi thẻ căn cước")
    expect(first.locator("mark").first).to_have_text("Cấp")
    first.click()
    expect(page).to_have_url(re.compile(re.escape(sample["can_cuoc"].url) + "$"))
