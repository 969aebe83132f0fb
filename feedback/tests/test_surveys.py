"""Survey builder, public survey, aggregates on a hand-computed fixture, charts and exports."""

import csv
import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from feedback.constants import QuestionKind
from feedback.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from feedback.surveys import (
    NO_AGENCY,
    SurveyClosed,
    agency_breakdown,
    record_response,
    safe_cell,
    survey_results,
)

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day):
    return dt.datetime(year, month, day, 12, 0, tzinfo=VN)


def build_survey(**overrides) -> Survey:
    fields = {
        "title": "Khảo sát mức độ hài lòng năm 2025",
        "slug": "hai-long-2025",
        "year": 2025,
        "opens_on": dt.date(2025, 1, 1),
        "closes_on": dt.date(2026, 12, 31),
    }
    fields.update(overrides)
    survey = Survey.objects.create(**fields)
    questions = [
        (QuestionKind.SINGLE, "Cán bộ hướng dẫn có rõ ràng không?", "Rõ ràng\nBình thường\nKhông rõ", True),
        (QuestionKind.MULTIPLE, "Bạn đã dùng kênh nào?", "Trực tiếp\nTrực tuyến\nBưu chính", False),
        (QuestionKind.RATING, "Mức độ hài lòng chung", "", True),
        (QuestionKind.TEXT, "Góp ý thêm", "", False),
    ]
    for order, (kind, text, choices, required) in enumerate(questions):
        SurveyQuestion.objects.create(
            survey=survey, sort_order=order, kind=kind, text=text, choices=choices, required=required
        )
    return survey


def q(survey, kind):
    return survey.questions.get(kind=kind)


@pytest.fixture
def survey(db):
    return build_survey()


@pytest.fixture
def answered(survey, agency, other_agency):
    """The hand-computed fixture: four responses, two agencies, two years."""
    single, multiple, rating, text = (q(survey, k) for k in QuestionKind.values)
    rows = [
        (agency, at(2025, 3, 1), "Rõ ràng", ["Trực tiếp", "Trực tuyến"], 5, "Tốt"),
        (agency, at(2025, 6, 1), "Bình thường", ["Trực tiếp"], 4, ""),
        (other_agency, at(2025, 9, 1), "Rõ ràng", ["Bưu chính"], 2, "Chậm"),
        (None, at(2026, 2, 1), "Rõ ràng", [], 3, ""),
    ]
    for who, when, s, m, r, t in rows:
        record_response(
            survey=survey,
            agency=who,
            when=when,
            answers={single.pk: s, multiple.pk: m, rating.pk: r, text.pk: t},
        )
    return survey


def options(result):
    return [(o.label, o.count, o.percent) for o in result.options]


def test_aggregates_match_the_hand_computed_figures(answered):
    results = survey_results(answered)
    assert results.responses == 4
    single, multiple, rating, text = results.questions
    assert single.answered == 4
    assert options(single) == [("Rõ ràng", 3, 75.0), ("Bình thường", 1, 25.0), ("Không rõ", 0, 0.0)]
    assert multiple.answered == 3
    assert options(multiple) == [("Trực tiếp", 2, 66.7), ("Trực tuyến", 1, 33.3), ("Bưu chính", 1, 33.3)]
    assert rating.answered == 4
    assert options(rating) == [("1", 0, 0.0), ("2", 1, 25.0), ("3", 1, 25.0), ("4", 1, 25.0), ("5", 1, 25.0)]
    assert rating.mean == 3.5
    assert text.answered == 2 and sorted(text.texts) == ["Chậm", "Tốt"]


def test_aggregates_per_agency_and_per_year(answered, agency):
    by_agency = survey_results(answered, agency=agency)
    assert by_agency.responses == 2
    assert options(by_agency.questions[0])[:2] == [("Rõ ràng", 1, 50.0), ("Bình thường", 1, 50.0)]
    assert by_agency.questions[2].mean == 4.5
    year_2025 = survey_results(answered, year=2025)
    assert year_2025.responses == 3
    assert options(year_2025.questions[0])[:2] == [("Rõ ràng", 2, 66.7), ("Bình thường", 1, 33.3)]
    assert year_2025.questions[2].mean == 3.67
    no_agency = survey_results(answered, agency=NO_AGENCY)
    assert no_agency.responses == 1 and no_agency.questions[2].mean == 3.0
    assert survey_results(answered, agency=agency, year=2026).responses == 0
    rating_questions, rows = agency_breakdown(answered)
    assert [q.kind for q in rating_questions] == [QuestionKind.RATING]
    assert {(r.name, r.responses, r.means[0]) for r in rows} == {
        ("Sở Tư pháp tỉnh Tây Ninh", 2, 4.5),
        ("Sở Xây dựng tỉnh Tây Ninh", 1, 2.0),
        ("Không chọn cơ quan", 1, 3.0),
    }


def test_renamed_choice_keeps_its_old_answers(answered):
    single = q(answered, QuestionKind.SINGLE)
    single.choices = "Rất rõ ràng\nBình thường\nKhông rõ"
    single.save()
    labels = dict((label, count) for label, count, _p in options(survey_results(answered).questions[0]))
    assert labels["Rất rõ ràng"] == 0 and labels["Rõ ràng"] == 3


def test_record_response_validates_answers(survey):
    single, multiple, rating, text = (q(survey, k) for k in QuestionKind.values)
    base = {single.pk: "Rõ ràng", rating.pk: 4}
    with pytest.raises(ValueError):
        record_response(survey=survey, answers={**base, single.pk: "Tuyệt vời"}, when=at(2025, 5, 5))
    with pytest.raises(ValueError):
        record_response(survey=survey, answers={**base, rating.pk: 6}, when=at(2025, 5, 5))
    with pytest.raises(ValueError):
        record_response(survey=survey, answers={**base, multiple.pk: ["Fax"]}, when=at(2025, 5, 5))
    with pytest.raises(ValueError):
        record_response(survey=survey, answers={single.pk: "Rõ ràng"}, when=at(2025, 5, 5))  # rating required
    with pytest.raises(SurveyClosed):
        record_response(survey=survey, answers=base, when=at(2024, 12, 31))
    assert SurveyResponse.objects.count() == 0
    record_response(survey=survey, answers=base, when=at(2025, 5, 5))
    assert SurveyAnswer.objects.count() == 2


# --- the public survey ------------------------------------------------------------------------------


@pytest.fixture
def open_survey(db):
    today = timezone.localdate()
    return build_survey(
        slug="dang-mo", opens_on=today - dt.timedelta(days=1), closes_on=today + dt.timedelta(days=30)
    )


def test_public_survey_lists_renders_and_records(client, open_survey, agency):
    assert open_survey.title in client.get(reverse("feedback:surveys")).content.decode()
    url = reverse("feedback:survey", args=[open_survey.slug])
    page = client.get(url)
    html = page.content.decode()
    for question in open_survey.questions.all():
        assert question.text in html
    assert 'type="radio"' in html and 'type="checkbox"' in html and "<textarea" in html
    single, multiple, rating, text = (q(open_survey, k) for k in QuestionKind.values)
    data = {
        "agency": agency.pk,
        f"q{single.pk}": "Rõ ràng",
        f"q{multiple.pk}": ["Trực tiếp", "Bưu chính"],
        f"q{rating.pk}": "5",
        f"q{text.pk}": "Nhanh gọn",
        "extra_note": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.agency == agency
    assert {a.question_id: (a.choices, a.rating, a.text) for a in saved.answers.all()} == {
        single.pk: (["Rõ ràng"], None, ""),
        multiple.pk: (["Trực tiếp", "Bưu chính"], None, ""),
        rating.pk: ([], 5, ""),
        text.pk: ([], None, "Nhanh gọn"),
    }


def test_public_survey_missing_required_answer_keeps_input(client, open_survey):
    single, _m, rating, text = (q(open_survey, k) for k in QuestionKind.values)
    url = reverse("feedback:survey", args=[open_survey.slug])
    response = client.post(url, {f"q{single.pk}": "Rõ ràng", f"q{text.pk}": "Ý kiến của tôi"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng kiểm tra" in html and "Ý kiến của tôi" in html
    assert SurveyResponse.objects.count() == 0


def test_closed_survey_takes_no_answers(client, survey):
    survey.opens_on = timezone.localdate() + dt.timedelta(days=10)
    survey.closes_on = timezone.localdate() + dt.timedelta(days=20)
    survey.save()
    url = reverse("feedback:survey", args=[survey.slug])
    assert client.get(url).status_code == 410
    assert client.post(url, {}).status_code == 410
    assert survey.title not in client.get(reverse("feedback:surveys")).content.decode()


def test_survey_honeypot_and_rate_limit(client, open_survey, settings):
    settings.FEEDBACK_RATE_LIMITS = {"survey_ip": [(1, 86400)]}
    single, _m, rating, _t = (q(open_survey, k) for k in QuestionKind.values)
    url = reverse("feedback:survey", args=[open_survey.slug])
    data = {f"q{single.pk}": "Rõ ràng", f"q{rating.pk}": "4"}
    assert client.post(url, {**data, "extra_note": "bot"}).status_code == 302
    assert SurveyResponse.objects.count() == 0
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 429
    assert SurveyResponse.objects.count() == 1


# --- the builder in the admin -----------------------------------------------------------------------


@pytest.fixture
def survey_editor(django_user_model):
    user = django_user_model.objects.create_user(username="khaosat", password="x", is_staff=True)
    for codename in ("access_admin", "add_survey", "change_survey", "view_survey", "delete_survey"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def builder_data(questions, **survey_fields):
    data = {
        "title": "Khảo sát 2026",
        "slug": "khao-sat-2026",
        "year": "2026",
        "intro": "",
        "opens_on": "2026-01-01",
        "closes_on": "2026-12-31",
        "ask_agency": "on",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "1",
        "questions-MAX_NUM_FORMS": "1000",
    }
    data.update(survey_fields)
    for i, (kind, text, choices) in enumerate(questions):
        data.update(
            {
                f"questions-{i}-kind": kind,
                f"questions-{i}-text": text,
                f"questions-{i}-help_text": "",
                f"questions-{i}-choices": choices,
                f"questions-{i}-ORDER": str(i + 1),
                f"questions-{i}-id": "",
                f"questions-{i}-DELETE": "",
            }
        )
    return data


def test_editor_builds_a_survey_in_the_admin(client, survey_editor):
    client.force_login(survey_editor)
    assert client.get(reverse("feedback_surveys:add")).status_code == 200
    questions = [
        (QuestionKind.RATING, "Thái độ của cán bộ", ""),
        (QuestionKind.SINGLE, "Thời gian chờ", "Dưới 15 phút\n15–30 phút\nTrên 30 phút"),
        (QuestionKind.MULTIPLE, "Kênh đã dùng", "Trực tiếp\nTrực tuyến"),
        (QuestionKind.TEXT, "Góp ý khác", ""),
    ]
    response = client.post(reverse("feedback_surveys:add"), builder_data(questions))
    assert response.status_code == 302, response.content.decode()[:2000]
    survey = Survey.objects.get(slug="khao-sat-2026")
    assert [(x.kind, x.text) for x in survey.questions.all()] == [(k, t) for k, t, _c in questions]
    assert survey.questions.get(kind=QuestionKind.SINGLE).choice_list() == [
        "Dưới 15 phút",
        "15–30 phút",
        "Trên 30 phút",
    ]
    index = client.get(reverse("feedback_surveys:index")).content.decode()
    assert "Khảo sát 2026" in index
    assert reverse("feedback_surveys:results", args=[survey.pk]) in index


@pytest.mark.parametrize(
    ("questions", "fields", "message"),
    [
        ([(QuestionKind.SINGLE, "Chỉ một lựa chọn", "Có")], {}, "ít nhất hai lựa chọn"),
        ([(QuestionKind.TEXT, "Tự do", "A\nB")], {}, "Chỉ câu hỏi chọn một"),
        ([(QuestionKind.RATING, "Điểm", "")], {"closes_on": "2025-12-31"}, "Ngày đóng phải sau ngày mở"),
    ],
)
def test_builder_refuses_inconsistent_surveys(client, survey_editor, questions, fields, message):
    client.force_login(survey_editor)
    response = client.post(reverse("feedback_surveys:add"), builder_data(questions, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Survey.objects.filter(slug="khao-sat-2026").exists()


# --- results page, chart and exports ------------------------------------------------------------------


def page_table(html: str) -> list[tuple[int, str, int, str]]:
    """(question number, option, count, percent text) as shown in the results tables."""
    soup = BeautifulSoup(html, "html.parser")
    rows = []
    for section in soup.select("section.fb-result-q"):
        number = int(section.h2.get_text().split(".")[0])
        for tr in section.select("tr[data-option]"):
            rows.append(
                (
                    number,
                    tr.th.get_text(),
                    int(tr.select_one("[data-count]").get_text()),
                    tr.select_one("[data-percent]").get_text(),
                )
            )
    return rows


@pytest.mark.engine
def test_results_page_chart_and_table(client, answered, survey_editor):
    client.force_login(survey_editor)
    response = client.get(reverse("feedback_surveys:results", args=[answered.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    charts = soup.select("section.fb-result-q svg")
    assert len(charts) == 3  # one per choice/rating question; the text question lists answers
    first = charts[0]
    assert first["role"] == "img"
    assert first.title.get_text() == "1. Cán bộ hướng dẫn có rõ ràng không?"
    desc = first.desc.get_text()
    assert "Rõ ràng: 3 (75,0 %)" in desc and "Không rõ: 0 (0,0 %)" in desc
    assert len(first.select("rect")) == 3
    assert soup.select("section.fb-result-q script") == []  # nothing to run: the chart is plain SVG
    assert (1, "Rõ ràng", 3, "75,0 %") in page_table(html)
    assert "Tốt" in html and "Chậm" in html
    assert soup.select_one("[data-mean]").get_text() == "3,5"


@pytest.mark.engine
def test_results_filters_on_the_page(client, answered, survey_editor, agency):
    client.force_login(survey_editor)
    url = reverse("feedback_surveys:results", args=[answered.pk])
    html = client.get(url, {"agency": agency.pk, "year": 2025}).content.decode()
    assert 'data-responses="2"' in html
    assert (1, "Rõ ràng", 1, "50,0 %") in page_table(html)
    html = client.get(url, {"agency": NO_AGENCY}).content.decode()
    assert 'data-responses="1"' in html


@pytest.mark.engine
def test_csv_and_xlsx_exports_match_the_page(client, answered, survey_editor, agency):
    client.force_login(survey_editor)
    params = {"year": 2025}
    shown = page_table(
        client.get(reverse("feedback_surveys:results", args=[answered.pk]), params).content.decode()
    )
    assert shown  # the comparison below is not vacuous

    response = client.get(reverse("feedback_surveys:results_csv", args=[answered.pk]), params)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="khao-sat-hai-long-2025-2025.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Khảo sát", answered.title, "Số phiếu", "3"]
    from_csv = [
        (int(r[0]), r[3], int(r[4]), f"{float(r[5]):.1f}".replace(".", ",") + " %") for r in rows[2:] if r[3]
    ]
    assert from_csv == shown

    response = client.get(reverse("feedback_surveys:results_xlsx", args=[answered.pk]), params)
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Khảo sát", answered.title, "Số phiếu", 3)
    from_xlsx = [(r[0], r[3], r[4], f"{r[5]:.1f}".replace(".", ",") + " %") for r in values[2:] if r[3]]
    assert from_xlsx == shown
    texts = list(book.worksheets[1].iter_rows(values_only=True))
    assert sorted(row[2] for row in texts[1:]) == ["Chậm", "Tốt"]


def test_exports_neutralise_spreadsheet_formulas(client, open_survey, survey_editor):
    single, _m, rating, text = (q(open_survey, k) for k in QuestionKind.values)
    record_response(
        survey=open_survey,
        answers={single.pk: "Rõ ràng", rating.pk: 1, text.pk: '=HYPERLINK("http://x","y")'},
    )
    client.force_login(survey_editor)
    response = client.get(reverse("feedback_surveys:results_xlsx", args=[open_survey.pk]))
    texts = list(load_workbook(io.BytesIO(response.content)).worksheets[1].iter_rows(values_only=True))
    assert texts[1][2] == '\'=HYPERLINK("http://x","y")'
    assert (
        safe_cell("+1") == "'+1"
        and safe_cell("-2") == "'-2"
        and safe_cell("@x") == "'@x"
        and safe_cell(5) == 5
    )


def test_results_need_survey_permission(client, answered, agency_moderator):
    client.force_login(agency_moderator)
    for name in ("results", "results_csv", "results_xlsx"):
        response = client.get(reverse(f"feedback_surveys:{name}", args=[answered.pk]))
        assert response.status_code in (302, 403)
        assert not re.search("Tốt|Chậm", response.content.decode(errors="replace"))


def edit_data(survey, *, delete=None, kinds=None):
    questions = list(survey.questions.all())
    data = builder_data(
        [(kinds.get(x.pk, x.kind) if kinds else x.kind, x.text, x.choices) for x in questions],
        title=survey.title,
        slug=survey.slug,
        year=str(survey.year),
        opens_on=survey.opens_on.isoformat(),
        closes_on=survey.closes_on.isoformat(),
    )
    data["questions-INITIAL_FORMS"] = str(len(questions))
    for i, question in enumerate(questions):
        data[f"questions-{i}-id"] = str(question.pk)
        data[f"questions-{i}-required"] = "on" if question.required else ""
        if delete == question.pk:
            data[f"questions-{i}-DELETE"] = "1"
    return data


def test_answered_questions_cannot_be_removed_or_change_kind(client, answered, survey_editor):
    client.force_login(survey_editor)
    url = reverse("feedback_surveys:edit", args=[answered.pk])
    text_question = q(answered, QuestionKind.TEXT)
    response = client.post(url, edit_data(answered, delete=text_question.pk))
    assert response.status_code == 200
    assert "không xóa được" in response.content.decode()
    assert SurveyAnswer.objects.filter(question=text_question).count() == 2
    rating = q(answered, QuestionKind.RATING)
    response = client.post(url, edit_data(answered, kinds={rating.pk: QuestionKind.TEXT}))
    assert "không đổi loại được" in response.content.decode()
    rating.refresh_from_db()
    assert rating.kind == QuestionKind.RATING
    # unanswered questions can go; answered ones can be reworded
    extra = SurveyQuestion.objects.create(
        survey=answered, sort_order=9, kind=QuestionKind.TEXT, text="Câu thừa"
    )
    data = edit_data(answered, delete=extra.pk)
    data["questions-0-text"] = "Cán bộ hướng dẫn có dễ hiểu không?"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not SurveyQuestion.objects.filter(pk=extra.pk).exists()
    assert q(answered, QuestionKind.SINGLE).text == "Cán bộ hướng dẫn có dễ hiểu không?"
