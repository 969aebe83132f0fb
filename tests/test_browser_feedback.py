"""End to end in Debian's Chromium: a citizen asks about a procedure (proof of work on, solved by the
browser's worker), an agency moderator answers and publishes it in the Wagtail admin, and the Q&A
appears under the procedure without the citizen's personal data."""

import re

import pytest
from django.contrib.auth.models import Group, Permission

from agencies.models import Agency
from feedback.models import Feedback
from procedures.tests.factories import make_procedure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Kiem-duyet-2025"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


def test_feedback_on_a_procedure_is_answered_published_and_shown(
    page, live_server, settings, django_user_model
):
    settings.FEEDBACK_POW_DIFFICULTY = 10  # the form only goes through once the browser solved the challenge
    agency = Agency.objects.create(name="UBND xã Tân An", slug="ubnd-xa-tan-an")
    procedure = make_procedure(title="Đăng ký khai sinh", code="1.001193", implementing_agency=agency)
    group = Group.objects.create(name="Biên tập viên – UBND xã Tân An")
    group.permissions.add(
        Permission.objects.get(codename="moderate_agency_feedback"),
        Permission.objects.get(codename="access_admin"),
    )
    agency.editor_group = group
    agency.save()
    moderator = django_user_model.objects.create_user(username="kiemduyet", password=PASSWORD, is_staff=True)
    moderator.groups.add(group)

    # 1. The citizen asks a question under the procedure.
    page.goto(live_server.url + procedure.url)
    page.get_by_role("link", name="Gửi câu hỏi, góp ý về thủ tục này").click()
    page.wait_for_url(re.compile(r"/gop-y/thu-tuc/"))
    form = page.locator("form.fb-form")
    form.get_by_label("Hỏi về thủ tục hành chính").check()
    form.get_by_label("Nội dung").fill("Cha mẹ chưa đăng ký kết hôn thì khai sinh cho con thế nào?")
    form.get_by_label("Họ và tên").fill("Trần Văn Khải")
    form.get_by_label("Thư điện tử", exact=False).and_(form.get_by_role("textbox")).fill(
        "khai.tran@example.vn"
    )
    form.get_by_label("Tôi đồng ý").check()
    form.get_by_role("button", name="Gửi").click()
    page.wait_for_url(re.compile(r"/gop-y/da-gui/$"), timeout=30_000)
    code = page.locator("[data-tracking-code]").inner_text().strip()
    feedback = Feedback.objects.get(tracking_code=code)
    assert feedback.procedure_id == procedure.pk and feedback.status == "new"

    # 2. The agency's moderator answers and publishes it in the admin.
    page.goto(live_server.url + "/admin/login/")
    page.fill('input[name="username"]', "kiemduyet")
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + "/admin/gop-y/")
    page.get_by_role("link", name=code).click()
    page.locator('textarea[name="reply-reply"]').fill(
        "Người mẹ đăng ký khai sinh cho con; phần thông tin người cha để trống."
    )
    page.locator("#fb-action-reply").locator("xpath=..").get_by_role(
        "button", name="Trả lời chính thức"
    ).click()
    page.wait_for_load_state()
    question = page.locator('textarea[name="publish-public_question"]')
    question.fill("Cha mẹ chưa đăng ký kết hôn thì khai sinh cho con thế nào?")
    page.get_by_role("button", name="Công khai hỏi đáp").click()
    page.wait_for_load_state()
    feedback.refresh_from_db()
    assert feedback.status == "published"

    # 3. Anyone sees the Q&A under the procedure, without personal data.
    page.goto(live_server.url + procedure.url)
    qa = page.locator("#hoi-dap article.fb-qa")
    assert qa.count() == 1
    text = qa.inner_text()
    assert "Cha mẹ chưa đăng ký kết hôn thì khai sinh cho con thế nào?" in text
    assert "phần thông tin người cha để trống" in text
    body = page.content()
    assert "Trần Văn Khải" not in body and "khai.tran@example.vn" not in body
