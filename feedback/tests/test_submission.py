"""Sending feedback: contact rules per kind, tracking code, confirmation, e-mail after commit, lookup."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from feedback import services
from feedback.constants import FeedbackKind, FeedbackStatus
from feedback.models import Feedback

pytestmark = pytest.mark.django_db

CODE_RE = re.compile(r"GY-\d{6}-[0-9A-HJKMNP-TV-Z]{8}")


def post_form(client, url, **overrides):
    data = {
        "kind": FeedbackKind.QUESTION,
        "message": "Tôi cần mang theo giấy tờ gì khi đăng ký khai sinh cho con?",
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "phone": "",
        "consent_to_publish": "on",
        "extra_note": "",
    }
    data.update(overrides)
    return client.post(url, data)


def test_procedure_form_stores_feedback_and_shows_tracking_code(
    client, procedure, django_capture_on_commit_callbacks
):
    url = reverse("feedback:procedure_form", args=[procedure.code])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_form(client, url)
    assert response.status_code == 302 and response["Location"] == reverse("feedback:sent")
    feedback = Feedback.objects.get()
    assert CODE_RE.fullmatch(feedback.tracking_code)
    assert feedback.procedure == procedure
    assert feedback.agency == procedure.implementing_agency
    assert feedback.status == FeedbackStatus.NEW
    assert feedback.consent_to_publish is True
    assert [e.to_status for e in feedback.events.all()] == [FeedbackStatus.NEW]
    # the confirmation e-mail is a task enqueued on commit
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["an@example.vn"]
    assert feedback.tracking_code in mail.outbox[0].subject
    assert feedback.tracking_code in mail.outbox[0].body
    page = client.get(response["Location"])
    assert feedback.tracking_code in page.content.decode()


def test_no_email_before_commit(procedure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_feedback(
            kind=FeedbackKind.QUESTION,
            message="Câu hỏi về lệ phí khai sinh?",
            email="b@example.vn",
            procedure=procedure,
        )
    assert len(callbacks) == 1
    assert mail.outbox == []  # nothing sent while the transaction is open
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_no_email_when_only_phone_given(procedure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        feedback = services.submit_feedback(
            kind=FeedbackKind.QUESTION, message="Câu hỏi về lệ phí khai sinh?", phone="0912 345 678"
        )
    assert callbacks == [] and mail.outbox == []
    assert feedback.phone == "0912345678"


def test_general_form_has_no_procedure_and_no_agency(client):
    response = post_form(client, reverse("feedback:form"), kind=FeedbackKind.SUGGESTION, email="", name="")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.procedure is None and feedback.agency is None
    assert feedback.kind == FeedbackKind.SUGGESTION


@pytest.mark.parametrize(
    ("kind", "fields", "errors"),
    [
        (FeedbackKind.QUESTION, {"email": "", "phone": ""}, {"email"}),
        (FeedbackKind.QUESTION, {"email": "", "phone": "0912345678", "name": ""}, set()),
        (FeedbackKind.SUGGESTION, {"email": "", "phone": "", "name": ""}, set()),
        (FeedbackKind.REGULATION, {"email": "x@example.vn", "name": ""}, {"name"}),
        (FeedbackKind.REGULATION, {"email": "", "phone": "", "name": "Trần Thị Bình"}, {"email"}),
        (FeedbackKind.REGULATION, {"email": "", "phone": "+84 912.345.678", "name": "Trần Thị Bình"}, set()),
        (FeedbackKind.SUGGESTION, {"phone": "12345"}, {"phone"}),
        (FeedbackKind.SUGGESTION, {"email": "not-an-address"}, {"email"}),
    ],
)
def test_contact_rules_per_kind(client, kind, fields, errors):
    response = post_form(client, reverse("feedback:form"), kind=kind, **fields)
    if errors:
        assert response.status_code == 400
        assert set(response.context["form"].errors) == errors
        assert Feedback.objects.count() == 0
    else:
        assert response.status_code == 302
        assert Feedback.objects.count() == 1


def test_bad_input_keeps_what_was_typed_and_explains_in_vietnamese(client):
    message = "Ngắn"
    response = post_form(client, reverse("feedback:form"), message=message, name="Lê Văn Cường")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nội dung quá ngắn" in html
    assert "Lê Văn Cường" in html and "Ngắn</textarea>" in html


def test_length_limits(client):
    response = post_form(client, reverse("feedback:form"), message="x" * 4001)
    assert response.status_code == 400
    assert "Nội dung quá dài" in response.content.decode()
    response = post_form(client, reverse("feedback:form"), name="n" * 121)
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_service_refuses_unknown_kind_and_missing_contact():
    with pytest.raises(ValueError):
        services.submit_feedback(kind="complaint", message="Tôi muốn khiếu nại quyết định.", email="a@b.vn")
    with pytest.raises(ValueError):
        services.submit_feedback(kind=FeedbackKind.QUESTION, message="Câu hỏi không có liên hệ")


def test_form_explains_complaints_are_a_separate_flow(client, procedure):
    for url in (reverse("feedback:form"), reverse("feedback:procedure_form", args=[procedure.code])):
        html = client.get(url).content.decode()
        assert "Khiếu nại, tố cáo" in html
        assert 'href="/tim-kiem/?q=khieu+nai"' in html


def test_unknown_procedure_is_404(client):
    assert client.get(reverse("feedback:procedure_form", args=["9.999999"])).status_code == 404


def test_sent_page_without_session_shows_no_code(client):
    html = client.get(reverse("feedback:sent")).content.decode()
    assert not CODE_RE.search(html)


# --- lookup ----------------------------------------------------------------------------------------


@pytest.fixture
def sent_feedback(procedure):
    return services.submit_feedback(
        kind=FeedbackKind.QUESTION,
        message="Hỏi về thời hạn giải quyết",
        email="An@Example.vn",
        phone="0912345678",
        procedure=procedure,
    )


@pytest.mark.parametrize("contact", ["an@example.vn", " AN@example.VN ", "0912345678", "+84 912 345 678"])
def test_lookup_with_code_and_contact(client, sent_feedback, contact):
    code = sent_feedback.tracking_code
    response = client.post(reverse("feedback:lookup"), {"code": code.lower(), "contact": contact})
    assert response.status_code == 200
    assert response.context["feedback"] == sent_feedback
    assert "Hỏi về thời hạn giải quyết" in response.content.decode()


def test_lookup_does_not_reveal_whether_a_code_exists(client, sent_feedback):
    wrong_contact = client.post(
        reverse("feedback:lookup"), {"code": sent_feedback.tracking_code, "contact": "other@example.vn"}
    )
    no_such_code = client.post(
        reverse("feedback:lookup"), {"code": "GY-250101-ABCDEFGH", "contact": "an@example.vn"}
    )
    empty_contact = client.post(
        reverse("feedback:lookup"), {"code": sent_feedback.tracking_code, "contact": ""}
    )
    bodies = set()
    for response in (wrong_contact, no_such_code, empty_contact):
        assert response.status_code == 200
        assert response.context["feedback"] is None and response.context["not_found"] is True
        html = response.content.decode()
        assert "Hỏi về thời hạn giải quyết" not in html
        bodies.add(re.sub(r'name="(csrfmiddlewaretoken|code|contact)"[^>]*>', "", html))
    assert len(bodies) == 1  # identical pages whatever the reason


def test_anonymous_feedback_is_found_by_code_alone():
    feedback = services.submit_feedback(kind=FeedbackKind.SUGGESTION, message="Nên có hướng dẫn bằng video")
    assert services.find_feedback(code=feedback.tracking_code, contact="") == feedback
    assert services.find_feedback(code=feedback.tracking_code, contact="a@b.vn") is None


def test_lookup_shows_reply_once_answered(client, sent_feedback, central_moderator):
    services.reply_to_feedback(
        feedback=sent_feedback, reply="Thời hạn là 1 ngày làm việc.", actor=central_moderator
    )
    response = client.post(
        reverse("feedback:lookup"), {"code": sent_feedback.tracking_code, "contact": "0912345678"}
    )
    html = response.content.decode()
    assert "Thời hạn là 1 ngày làm việc." in html
    assert str(FeedbackStatus.ANSWERED.label) in html


def test_tracking_codes_are_unique_and_well_formed(db):
    codes = {services.new_tracking_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(CODE_RE.fullmatch(code) for code in codes)
    assert services.normalize_code(" gy-250101-abcdefgh ") == "GY-250101-ABCDEFGH"
    assert services.normalize_code("GY-250101-0OIL1234") == "GY-250101-00111234"
