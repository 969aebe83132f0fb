"""The public Q&A: under the procedure and on /gop-y/hoi-dap/, searchable, without personal data."""

import pytest
from django.urls import reverse

from feedback import services
from feedback.constants import FeedbackKind

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Hoàng Văn Em", "em.hoang@example.vn", "0901234567"


def published(procedure, moderator, *, message, question=None, reply="Trả lời chính thức."):
    feedback = services.submit_feedback(
        kind=FeedbackKind.QUESTION,
        message=message,
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        consent_to_publish=True,
        procedure=procedure,
    )
    services.reply_to_feedback(feedback=feedback, reply=reply, actor=moderator)
    services.publish_feedback(feedback=feedback, actor=moderator, public_question=question)
    return feedback


def assert_no_personal_data(html: str):
    for value in (NAME, EMAIL, PHONE, "0901 234 567"):
        assert value not in html


def test_published_qa_appears_under_the_procedure_without_personal_data(client, procedure, central_moderator):
    item = published(
        procedure,
        central_moderator,
        message="Tôi là Hoàng Văn Em, số 0901234567: khai sinh cần giấy gì?",
        question="Khai sinh cần giấy tờ gì?",
        reply="Cần giấy chứng sinh và giấy tờ tùy thân của cha hoặc mẹ.",
    )
    html = client.get(procedure.url).content.decode()
    assert 'id="hoi-dap"' in html
    assert "Khai sinh cần giấy tờ gì?" in html
    assert "Cần giấy chứng sinh và giấy tờ tùy thân của cha hoặc mẹ." in html
    assert "Tôi là Hoàng Văn Em" not in html  # the message as sent stays private
    assert_no_personal_data(html)
    assert item.tracking_code not in html
    # and the link to ask about this procedure opens the feedback app's form (its own page: a form
    # here would set a CSRF cookie and keep the procedure page out of the front cache)
    assert f'href="{reverse("feedback:procedure_form", args=[procedure.code])}"' in html
    assert "csrfmiddlewaretoken" not in html


def test_procedure_page_without_qa_still_offers_the_form(client, procedure):
    html = client.get(procedure.url).content.decode()
    assert "Chưa có câu hỏi nào được trả lời công khai." in html
    form_url = reverse("feedback:procedure_form", args=[procedure.code])
    assert f'href="{form_url}"' in html
    assert 'name="message"' in client.get(form_url).content.decode()


def test_only_published_items_are_public(client, procedure, other_procedure, central_moderator):
    shown = published(procedure, central_moderator, message="Câu hỏi đã công khai về khai sinh")
    answered = services.submit_feedback(
        kind=FeedbackKind.QUESTION,
        message="Câu hỏi chỉ mới trả lời",
        email=EMAIL,
        consent_to_publish=True,
        procedure=procedure,
    )
    services.reply_to_feedback(feedback=answered, reply="Trả lời riêng.", actor=central_moderator)
    services.submit_feedback(
        kind=FeedbackKind.QUESTION, message="Câu hỏi mới gửi", email=EMAIL, procedure=procedure
    )
    elsewhere = published(other_procedure, central_moderator, message="Câu hỏi về giấy phép xây dựng")
    html = client.get(procedure.url).content.decode()
    assert "Câu hỏi đã công khai về khai sinh" in html
    assert "Câu hỏi chỉ mới trả lời" not in html and "Trả lời riêng." not in html
    assert "Câu hỏi mới gửi" not in html and "giấy phép xây dựng" not in html
    qa = client.get(reverse("feedback:questions")).content.decode()
    assert "Câu hỏi đã công khai về khai sinh" in qa and "Câu hỏi về giấy phép xây dựng" in qa
    assert "Câu hỏi chỉ mới trả lời" not in qa and "Câu hỏi mới gửi" not in qa
    assert_no_personal_data(qa)
    # unpublishing takes it down everywhere
    services.unpublish_feedback(feedback=shown, actor=central_moderator)
    assert "Câu hỏi đã công khai về khai sinh" not in client.get(procedure.url).content.decode()
    assert (
        "Câu hỏi đã công khai về khai sinh" not in client.get(reverse("feedback:questions")).content.decode()
    )
    assert elsewhere.status == "published"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("dang ky", True),
        ("ĐĂNG KÝ", True),
        ("đăng ký khai", True),
        ("khai sinh cho con", True),
        ("chung sinh", True),  # words of the answer count too
        ("kết hôn", False),
        ("dang ky ket hon", False),
        ("ang", False),  # words match from their start, not in the middle
    ],
)
def test_qa_search_folds_vietnamese(client, procedure, central_moderator, query, found):
    published(
        procedure,
        central_moderator,
        message="Đăng ký khai sinh cho con thế nào?",
        reply="Mang theo giấy chứng sinh.",
    )
    response = client.get(reverse("feedback:questions"), {"q": query})
    assert ("Đăng ký khai sinh cho con thế nào?" in response.content.decode()) is found
    assert response.context["page_obj"].paginator.count == (1 if found else 0)


def test_qa_page_filters_by_procedure(client, procedure, other_procedure, central_moderator):
    published(procedure, central_moderator, message="Câu về khai sinh")
    published(other_procedure, central_moderator, message="Câu về xây dựng")
    html = client.get(reverse("feedback:questions"), {"thu-tuc": procedure.code}).content.decode()
    assert "Câu về khai sinh" in html and "Câu về xây dựng" not in html


def test_procedure_block_links_to_all_when_there_are_many(client, procedure, central_moderator):
    for i in range(6):
        published(procedure, central_moderator, message=f"Câu hỏi số {i} về khai sinh")
    html = client.get(procedure.url).content.decode()
    assert html.count('class="fb-qa"') == 5
    assert f"?thu-tuc={procedure.code}" in html


def test_qa_pages_with_page_and_moves_old_trang_links(client, procedure, central_moderator):
    for i in range(21):  # 20 a page
        published(procedure, central_moderator, message=f"Câu hỏi số {i} về khai sinh")
    url = reverse("feedback:questions")
    first = client.get(url, {"q": "khai sinh"})
    assert len(first.context["items"]) == 20
    assert "?q=khai%20sinh&amp;page=2" in first.content.decode()
    assert len(client.get(url, {"q": "khai sinh", "page": 2}).context["items"]) == 1
    # `trang` was the parameter's name before: old links move, permanently, to `page`.
    old = client.get(url, {"q": "khai sinh", "trang": 2})
    assert old.status_code == 301
    assert old["Location"] == f"{url}?q=khai+sinh&page=2"
