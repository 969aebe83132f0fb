"""Satisfaction surveys: recording responses, results per question, per agency and per year, exports.

Percentages are shares of the respondents who answered the question (for "multiple choice" they
may add up to more than 100 %). Rounded to one decimal for display; exports carry the same numbers.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Avg, Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import CHOICE_KINDS, RATING_SCALE, SURVEY_TEXT_MAX_LENGTH, QuestionKind
from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

__all__ = [
    "NO_AGENCY",
    "AgencyRow",
    "OptionResult",
    "QuestionResult",
    "SurveyClosed",
    "SurveyResults",
    "agency_breakdown",
    "export_csv",
    "export_xlsx",
    "filtered_responses",
    "record_response",
    "response_years",
    "result_rows",
    "safe_cell",
    "survey_results",
]

NO_AGENCY = "none"


class SurveyClosed(Exception):
    pass


# --- recording -----------------------------------------------------------------------------------


def _clean_value(question: SurveyQuestion, value):
    """The stored form of one answer, or None when unanswered; ValueError when invalid."""
    if question.kind == QuestionKind.SINGLE:
        if value in (None, ""):
            return None
        if value not in question.choice_list():
            raise ValueError(f"question {question.pk}: {value!r} is not a choice")
        return {"choices": [value]}
    if question.kind == QuestionKind.MULTIPLE:
        values = [v for v in (value or []) if v]
        if not values:
            return None
        options = question.choice_list()
        if any(v not in options for v in values):
            raise ValueError(f"question {question.pk}: not a choice")
        return {"choices": [o for o in options if o in values]}
    if question.kind == QuestionKind.RATING:
        if value in (None, ""):
            return None
        rating = int(value)
        if rating not in RATING_SCALE:
            raise ValueError(f"question {question.pk}: rating {rating} outside 1–5")
        return {"rating": rating}
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > SURVEY_TEXT_MAX_LENGTH:
        raise ValueError(f"question {question.pk}: text too long")
    return {"text": text}


def record_response(*, survey: Survey, answers: dict, agency=None, when=None) -> SurveyResponse:
    """Store one respondent's answers ({question id: value}); refuse when the survey is closed."""
    when = when or timezone.now()
    if not survey.is_open_on(timezone.localdate(when)):
        raise SurveyClosed(_("Khảo sát này không mở vào thời điểm này."))
    if agency is not None and not survey.ask_agency:
        agency = None
    cleaned = []
    for question in survey.questions.all():
        value = _clean_value(question, answers.get(question.pk))
        if value is None:
            if question.required:
                raise ValueError(f"question {question.pk} is required")
            continue
        cleaned.append((question, value))
    with transaction.atomic():
        response = SurveyResponse.objects.create(survey=survey, agency=agency, submitted_at=when)
        SurveyAnswer.objects.bulk_create(
            [SurveyAnswer(response=response, question=question, **value) for question, value in cleaned]
        )
    return response


# --- results ---------------------------------------------------------------------------------------


@dataclass
class OptionResult:
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    number: int
    question: SurveyQuestion
    answered: int
    options: list[OptionResult] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def max_count(self) -> int:
        return max((o.count for o in self.options), default=0)


@dataclass
class SurveyResults:
    survey: Survey
    responses: int
    questions: list[QuestionResult]
    agency_label: str = ""
    year: int | None = None


def _percent(count: int, total: int) -> float:
    return round(100.0 * count / total, 1) if total else 0.0


def filtered_responses(survey: Survey, *, agency=None, year: int | None = None):
    """`agency`: an Agency, NO_AGENCY (responses without one) or None (all)."""
    responses = SurveyResponse.objects.filter(survey=survey)
    if agency == NO_AGENCY:
        responses = responses.filter(agency__isnull=True)
    elif agency is not None:
        responses = responses.filter(agency=agency)
    if year:
        responses = responses.filter(submitted_at__year=year)
    return responses


def survey_results(survey: Survey, *, agency=None, year: int | None = None) -> SurveyResults:
    responses = filtered_responses(survey, agency=agency, year=year)
    answers = SurveyAnswer.objects.filter(response__in=responses)
    results = []
    for number, question in enumerate(survey.questions.all(), start=1):
        rows = list(answers.filter(question=question).values_list("choices", "rating", "text"))
        answered = len(rows)
        result = QuestionResult(number=number, question=question, answered=answered)
        if question.kind in CHOICE_KINDS:
            counts: dict[str, int] = {label: 0 for label in question.choice_list()}
            for choices, _rating, _text in rows:
                for label in choices or []:
                    # a label an editor later renamed or removed still counts, under its old name
                    counts[label] = counts.get(label, 0) + 1
            result.options = [OptionResult(label, n, _percent(n, answered)) for label, n in counts.items()]
        elif question.kind == QuestionKind.RATING:
            values = [rating for _c, rating, _t in rows if rating is not None]
            result.options = [
                OptionResult(str(score), values.count(score), _percent(values.count(score), answered))
                for score in RATING_SCALE
            ]
            result.mean = round(sum(values) / len(values), 2) if values else None
        else:
            result.texts = [text for _c, _r, text in rows]
        results.append(result)
    return SurveyResults(survey=survey, responses=responses.count(), questions=results, year=year)


def response_years(survey: Survey) -> list[int]:
    years = (
        SurveyResponse.objects.filter(survey=survey)
        .annotate(y=ExtractYear("submitted_at"))
        .values_list("y", flat=True)
        .distinct()
    )
    return sorted({y for y in years if y}, reverse=True)


@dataclass
class AgencyRow:
    agency_id: int | None
    name: str
    responses: int
    means: list[float | None]


def agency_breakdown(
    survey: Survey, *, year: int | None = None
) -> tuple[list[SurveyQuestion], list[AgencyRow]]:
    """Responses per agency and the mean of every rating question, for one survey (and year)."""
    rating_questions = [q for q in survey.questions.all() if q.kind == QuestionKind.RATING]
    responses = filtered_responses(survey, year=year)
    annotations = {
        f"m{q.pk}": Avg("answers__rating", filter=Q(answers__question=q)) for q in rating_questions
    }
    grouped = (
        responses.values("agency_id", "agency__name")
        .annotate(n=Count("pk", distinct=True), **annotations)
        .order_by("agency__name")
    )
    rows = [
        AgencyRow(
            agency_id=row["agency_id"],
            name=row["agency__name"] or _("Không chọn cơ quan"),
            responses=row["n"],
            means=[
                round(row[f"m{q.pk}"], 2) if row[f"m{q.pk}"] is not None else None for q in rating_questions
            ],
        )
        for row in grouped
    ]
    return rating_questions, rows


# --- exports ---------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise spreadsheet formulas in text from the public (CSV/XLSX injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def result_rows(results: SurveyResults) -> list[list]:
    """The table both exports write: one row per option (or one per text question)."""
    header = [
        _("Câu"),
        _("Câu hỏi"),
        _("Loại"),
        _("Lựa chọn"),
        _("Số lượt"),
        _("Tỷ lệ (%)"),
        _("Số người trả lời câu hỏi"),
        _("Điểm trung bình"),
    ]
    rows: list[list] = [header]
    for q in results.questions:
        kind = str(QuestionKind(q.kind).label)
        if q.options:
            for option in q.options:
                rows.append(
                    [
                        q.number,
                        q.question.text,
                        kind,
                        option.label,
                        option.count,
                        option.percent,
                        q.answered,
                        q.mean,
                    ]
                )
        else:
            rows.append([q.number, q.question.text, kind, "", q.answered, None, q.answered, None])
    return rows


def export_csv(results: SurveyResults) -> str:
    """UTF-8 CSV text (the caller adds a BOM so spreadsheet programs read Vietnamese correctly)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Khảo sát"), results.survey.title, _("Số phiếu"), results.responses])
    for row in result_rows(results):
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return out.getvalue()


def export_xlsx(results: SurveyResults) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Kết quả")[:31]
    sheet.append([_("Khảo sát"), results.survey.title, _("Số phiếu"), results.responses])
    for row in result_rows(results):
        sheet.append([safe_cell(v) for v in row])
    texts = book.create_sheet(_("Trả lời tự do")[:31])
    texts.append([_("Câu"), _("Câu hỏi"), _("Trả lời")])
    for q in results.questions:
        for text in q.texts:
            texts.append([q.number, q.question.text, safe_cell(text)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
