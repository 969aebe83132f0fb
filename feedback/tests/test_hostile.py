"""Hostile text is stored as given and never runs: every page that shows feedback, public and admin."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import services
from feedback.constants import FeedbackKind, QuestionKind
from feedback.models import Feedback, Survey, SurveyQuestion
from feedback.surveys import record_response

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(2)">bấm vào đây</a>',
    '"><svg onload=alert(3)>',
    "javascript:alert(document.cookie)",
    "<iframe src=//evil.example></iframe>",
]
HOSTILE = "Câu hỏi " + " ".join(PAYLOADS)
# What must never appear unescaped in a page.
DANGEROUS = [
    '<script>alert("xss")',
    "<img src=x onerror",
    'href="javascript:',
    "<svg onload",
    "<iframe src=//evil",
]


def assert_inert(html: str, *, expect_escaped: bool = True):
    for fragment in DANGEROUS:
        assert fragment not in html, fragment
    if expect_escaped:
        assert "&lt;script&gt;alert(" in html


@pytest.fixture
def hostile(client, procedure, central_moderator, django_capture_on_commit_callbacks):
    """Sent through the public form (as a citizen would), answered and published with hostile text."""
    data = {
        "kind": FeedbackKind.QUESTION,
        "message": HOSTILE,
        "name": '<script>alert("name")</script>',
        "email": "x@example.vn",
        "phone": "",
        "consent_to_publish": "on",
        "extra_note": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("feedback:procedure_form", args=[procedure.code]), data)
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.message == HOSTILE  # stored exactly as given
    assert feedback.name == '<script>alert("name")</script>'
    services.reply_to_feedback(
        feedback=feedback, reply="Trả lời " + " ".join(PAYLOADS), actor=central_moderator
    )
    services.publish_feedback(feedback=feedback, actor=central_moderator)
    return feedback


def test_public_pages_escape_hostile_text(client, hostile, procedure):
    pages = {
        "procedure page": client.get(procedure.url),
        "Q&A page": client.get(reverse("feedback:questions")),
        "Q&A search": client.get(reverse("feedback:questions"), {"q": "cau hoi"}),
        "general form (recent Q&A)": client.get(reverse("feedback:form")),
        "procedure form": client.get(reverse("feedback:procedure_form", args=[procedure.code])),
        "lookup result": client.post(
            reverse("feedback:lookup"), {"code": hostile.tracking_code, "contact": "x@example.vn"}
        ),
        "confirmation": client.get(reverse("feedback:sent")),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert_inert(html, expect_escaped=name != "confirmation")


def test_hostile_search_query_is_escaped(client, hostile):
    html = client.get(reverse("feedback:questions"), {"q": '"><script>alert("q")</script>'}).content.decode()
    assert '<script>alert("q")' not in html
    assert "&quot;&gt;&lt;script&gt;alert(&quot;q&quot;)" in html


def test_form_redisplay_escapes_hostile_input(client):
    response = client.post(
        reverse("feedback:form"),
        {"kind": FeedbackKind.QUESTION, "message": HOSTILE, "name": '"><script>alert("n")</script>'},
    )
    assert response.status_code == 400  # no contact for a question
    html = response.content.decode()
    assert_inert(html)
    assert '<script>alert("n")' not in html


def test_admin_pages_escape_hostile_text(client, hostile, central_moderator):
    client.force_login(central_moderator)
    index = client.get(reverse("feedback_moderation:index")).content.decode()
    detail = client.get(reverse("feedback_moderation:detail", args=[hostile.pk])).content.decode()
    for html in (index, detail):
        assert_inert(html)
    assert '<script>alert("name")' not in detail
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in detail


def test_confirmation_email_is_plain_text(hostile):
    from django.core import mail

    message = mail.outbox[0]
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
    assert HOSTILE in message.body  # plain text: shown, never interpreted


@pytest.mark.engine
def test_survey_pages_escape_hostile_text(client, django_user_model, agency):
    from django.contrib.auth.models import Permission

    today = timezone.localdate()
    survey = Survey.objects.create(
        title='Khảo sát <script>alert("t")</script>',
        slug="doc-hai",
        year=today.year,
        intro='<img src=x onerror="alert(1)">',
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=1),
    )
    single = SurveyQuestion.objects.create(
        survey=survey,
        sort_order=0,
        kind=QuestionKind.SINGLE,
        text="<svg onload=alert(3)> câu hỏi",
        help_text='<a href="javascript:alert(2)">gợi ý</a>',
        choices='<script>alert("xss")</script>\nBình thường',
    )
    text = SurveyQuestion.objects.create(survey=survey, sort_order=1, kind=QuestionKind.TEXT, text="Ý kiến")
    record_response(
        survey=survey, answers={single.pk: '<script>alert("xss")</script>', text.pk: HOSTILE}, agency=agency
    )
    public = client.get(reverse("feedback:survey", args=[survey.slug])).content.decode()
    assert_inert(public)
    editor = django_user_model.objects.create_user(username="ks", password="x")
    for codename in ("access_admin", "view_survey"):
        editor.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(editor)
    results = client.get(reverse("feedback_surveys:results", args=[survey.pk])).content.decode()
    assert_inert(results)
    # the SVG chart's labels, <title> and <desc> are escaped too
    start = results.index('<svg class="fb-chart"')
    svg = results[start : results.index("</svg>", start)]
    assert "&lt;script&gt;alert(" in svg and "<script" not in svg
