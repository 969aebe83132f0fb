"""Django form classes of the feedback app (public forms, the moderation action forms and the survey
builder's admin form)."""

from django import forms as djforms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from agencies.models import Agency

from .abuse import HONEYPOT_FIELD, POW_CHALLENGE_FIELD, POW_SOLUTION_FIELD, issue_challenge, pow_difficulty
from .constants import (
    MESSAGE_MAX_LENGTH,
    MESSAGE_MIN_LENGTH,
    NAME_MAX_LENGTH,
    PHONE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    SURVEY_TEXT_MAX_LENGTH,
    FeedbackKind,
    QuestionKind,
    Satisfaction,
)
from .models import SurveyAnswer, SurveyQuestion
from .services import contact_errors


class AbuseProtectedForm(djforms.Form):
    """Adds the honeypot and the proof-of-work fields; the view checks them (feedback.abuse)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = djforms.CharField(
            label=_("Để trống ô này"),
            required=False,
            widget=djforms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[POW_CHALLENGE_FIELD] = djforms.CharField(required=False, widget=djforms.HiddenInput)
        self.fields[POW_SOLUTION_FIELD] = djforms.CharField(required=False, widget=djforms.HiddenInput)
        if (
            self.is_bound
        ):  # the submitted challenge is checked by the view; refresh_challenge() before re-rendering
            self.challenge = self.data.get(POW_CHALLENGE_FIELD, "")
            self.challenge_difficulty = pow_difficulty()
        else:
            self.refresh_challenge()

    def refresh_challenge(self):
        """A fresh challenge for the next rendering (a used or stale one is never shown again)."""
        challenge = issue_challenge()
        self.challenge = challenge
        self.challenge_difficulty = pow_difficulty()
        if self.is_bound:
            data = self.data.copy()
            data[POW_CHALLENGE_FIELD] = challenge
            data[POW_SOLUTION_FIELD] = ""
            self.data = data
        else:
            self.initial[POW_CHALLENGE_FIELD] = challenge

    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    def pow_fields(self):
        return [self[POW_CHALLENGE_FIELD], self[POW_SOLUTION_FIELD]]


class FeedbackForm(AbuseProtectedForm):
    kind = djforms.ChoiceField(
        label=_("Bạn muốn gửi"),
        choices=FeedbackKind.choices,
        widget=djforms.RadioSelect,
        initial=FeedbackKind.QUESTION,
    )
    message = djforms.CharField(
        label=_("Nội dung"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=djforms.Textarea(attrs={"rows": 6}),
        error_messages={
            "min_length": _("Nội dung quá ngắn (ít nhất %(limit_value)d ký tự, hiện có %(show_value)d)."),
            "max_length": _("Nội dung quá dài (tối đa %(limit_value)d ký tự, hiện có %(show_value)d)."),
        },
    )
    name = djforms.CharField(label=_("Họ và tên"), max_length=NAME_MAX_LENGTH, required=False)
    email = djforms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
        widget=djforms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = djforms.CharField(
        label=_("Số điện thoại"),
        max_length=PHONE_MAX_LENGTH,
        required=False,
        widget=djforms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent_to_publish = djforms.BooleanField(
        label=_(
            "Tôi đồng ý để câu hỏi (không kèm họ tên, thư điện tử, số điện thoại) và câu trả lời "
            "được đăng công khai."
        ),
        required=False,
    )

    def __init__(self, *args, kind_initial: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["message"].help_text = gettext(
            "Từ %(min)d đến %(max)d ký tự. Xin đừng ghi số giấy tờ tùy thân hay thông tin riêng tư khác vào nội dung."
        ) % {"min": MESSAGE_MIN_LENGTH, "max": MESSAGE_MAX_LENGTH}
        if kind_initial:
            self.fields["kind"].initial = kind_initial

    def clean(self):
        data = super().clean()
        if "kind" in data:
            errors = contact_errors(
                kind=data["kind"],
                name=data.get("name", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
            )
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return data


class LookupForm(djforms.Form):
    code = djforms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=_("Ví dụ: GY-251128-7K3QX9AB"),
        widget=djforms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    contact = djforms.CharField(
        label=_("Thư điện tử hoặc số điện thoại đã khai"),
        max_length=254,
        required=False,
        help_text=_("Để trống nếu bạn đã gửi mà không để lại liên hệ."),
    )


class AssignForm(djforms.Form):
    agency = djforms.ModelChoiceField(label=_("Cơ quan xử lý"), queryset=Agency.objects.active_on())
    note = djforms.CharField(
        label=_("Ghi chú nội bộ"), required=False, widget=djforms.Textarea(attrs={"rows": 2})
    )


class ReplyForm(djforms.Form):
    reply = djforms.CharField(
        label=_("Trả lời chính thức"),
        max_length=REPLY_MAX_LENGTH,
        widget=djforms.Textarea(attrs={"rows": 8}),
    )
    note = djforms.CharField(
        label=_("Ghi chú nội bộ"), required=False, widget=djforms.Textarea(attrs={"rows": 2})
    )


class PublishForm(djforms.Form):
    public_question = djforms.CharField(
        label=_("Câu hỏi công khai"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=djforms.Textarea(attrs={"rows": 5}),
        help_text=_("Xóa họ tên, số điện thoại, địa chỉ, số giấy tờ... trước khi công khai."),
    )


class NoteForm(djforms.Form):
    note = djforms.CharField(
        label=_("Ghi chú nội bộ"), required=False, widget=djforms.Textarea(attrs={"rows": 2})
    )


class RatingForm(AbuseProtectedForm):
    level = djforms.ChoiceField(
        label=_("Bạn đánh giá thế nào về việc giải quyết hồ sơ này?"),
        choices=Satisfaction.choices,
        widget=djforms.RadioSelect,
    )
    reason = djforms.CharField(
        label=_("Lý do không hài lòng"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=djforms.Textarea(attrs={"rows": 4}),
        help_text=_("Bắt buộc khi bạn chọn “Không hài lòng”."),
    )

    def __init__(self, *args, needs_factor: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_factor:
            self.fields["factor"] = djforms.CharField(
                label=_("4 số cuối số điện thoại hoặc số định danh cá nhân của người nộp"),
                min_length=4,
                max_length=4,
                widget=djforms.TextInput(
                    attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]{4}"}
                ),
                error_messages={
                    "min_length": _("Nhập đúng 4 chữ số."),
                    "max_length": _("Nhập đúng 4 chữ số."),
                },
            )
            self.order_fields(["factor", "level", "reason"])

    def clean(self):
        data = super().clean()
        if data.get("level") == Satisfaction.NOT_SATISFIED and not data.get("reason", "").strip():
            self.add_error("reason", _("Vui lòng cho biết lý do không hài lòng."))
        return data


class RatingStartForm(djforms.Form):
    code = djforms.CharField(
        label=_("Mã hồ sơ"),
        max_length=64,
        help_text=_("Ghi trên biên nhận, ví dụ 000.00.12.H38-251127-0007."),
        widget=djforms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


RATING_LABELS = {
    1: _("1 – Rất không hài lòng"),
    2: _("2 – Không hài lòng"),
    3: _("3 – Bình thường"),
    4: _("4 – Hài lòng"),
    5: _("5 – Rất hài lòng"),
}


class SurveyForm(AbuseProtectedForm):
    """One field per question (`q<id>`), plus the optional agency when the survey asks for it."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.all())
        if survey.ask_agency:
            self.fields["agency"] = djforms.ModelChoiceField(
                label=_("Cơ quan bạn đánh giá"),
                queryset=Agency.objects.active_on(),
                required=False,
                empty_label=_("— Không chọn —"),
            )
        for question in self.questions:
            self.fields[self.field_name(question)] = self._field_for(question)

    @staticmethod
    def field_name(question) -> str:
        return f"q{question.pk}"

    def _field_for(self, question):
        common = {"label": question.text, "required": question.required, "help_text": question.help_text}
        if question.kind == QuestionKind.SINGLE:
            choices = [(c, c) for c in question.choice_list()]
            return djforms.ChoiceField(choices=choices, widget=djforms.RadioSelect, **common)
        if question.kind == QuestionKind.MULTIPLE:
            choices = [(c, c) for c in question.choice_list()]
            return djforms.MultipleChoiceField(
                choices=choices, widget=djforms.CheckboxSelectMultiple, **common
            )
        if question.kind == QuestionKind.RATING:
            return djforms.TypedChoiceField(
                choices=list(RATING_LABELS.items()),
                coerce=int,
                empty_value=None,
                widget=djforms.RadioSelect,
                **common,
            )
        return djforms.CharField(
            max_length=SURVEY_TEXT_MAX_LENGTH, widget=djforms.Textarea(attrs={"rows": 4}), **common
        )

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data.get(self.field_name(q)) for q in self.questions}

    def question_fields(self):
        return [self[self.field_name(q)] for q in self.questions]


# --- the survey builder (Wagtail admin) ------------------------------------------------------------
# Answered questions cannot be removed or change kind (their answers would be lost or misread). Texts
# and choices stay editable (answers keep the labels they chose).


class SurveyAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("questions")
        if not self.instance.pk or formset is None:
            return valid
        answered = set(
            SurveyAnswer.objects.filter(question__survey=self.instance).values_list("question_id", flat=True)
        )
        kinds = dict(SurveyQuestion.objects.filter(pk__in=answered).values_list("pk", "kind"))
        deleted = set(formset.deleted_forms) if formset.is_valid() else set()
        for form in formset.forms:
            pk = form.instance.pk
            if pk not in answered:
                continue
            text = form.initial.get("text", "")
            if form in deleted:
                self.add_error(
                    None, gettext("Câu hỏi “%(q)s” đã có người trả lời nên không xóa được.") % {"q": text}
                )
                valid = False
            elif getattr(form, "cleaned_data", {}).get("kind", kinds[pk]) != kinds[pk]:
                self.add_error(
                    None,
                    gettext("Câu hỏi “%(q)s” đã có người trả lời nên không đổi loại được.") % {"q": text},
                )
                valid = False
        return valid
