"""The yearly satisfaction survey (khảo sát mức độ hài lòng), built by editors in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..constants import CHOICE_KINDS, QuestionKind


class SurveyQuerySet(models.QuerySet):
    def open_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Survey(ClusterableModel):
    title = models.CharField(_("tên khảo sát"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    intro = models.TextField(_("giới thiệu"), blank=True)
    opens_on = models.DateField(_("mở từ ngày"))
    closes_on = models.DateField(_("đóng sau ngày"))
    ask_agency = models.BooleanField(
        _("hỏi cơ quan được đánh giá"),
        default=True,
        help_text=_("Người trả lời có thể chọn cơ quan mình đánh giá (không bắt buộc)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("year")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]), FieldPanel("ask_agency")],
            heading=_("Thời gian và phạm vi"),
        ),
        InlinePanel("questions", heading=_("Câu hỏi"), label=_("câu hỏi"), min_num=1),
    ]

    class Meta:
        verbose_name = _("khảo sát mức độ hài lòng")
        verbose_name_plural = _("khảo sát mức độ hài lòng")
        ordering = ["-year", "-opens_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Ngày đóng phải sau ngày mở.")})

    def is_open_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    @property
    def is_open(self) -> bool:
        return self.is_open_on()


class SurveyQuestion(Orderable):
    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("câu hỏi"), max_length=500)
    help_text = models.CharField(_("gợi ý"), max_length=500, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=False)
    choices = models.TextField(
        _("các lựa chọn"),
        blank=True,
        help_text=_("Với câu hỏi chọn một hoặc chọn nhiều: mỗi dòng một lựa chọn (ít nhất hai)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("câu hỏi khảo sát")
        verbose_name_plural = _("câu hỏi khảo sát")

    def __str__(self) -> str:
        return self.text

    def choice_list(self) -> list[str]:
        seen: list[str] = []
        for line in self.choices.splitlines():
            label = line.strip()
            if label and label not in seen:
                seen.append(label)
        return seen

    def clean(self):
        super().clean()
        if self.kind in CHOICE_KINDS and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Câu hỏi lựa chọn cần ít nhất hai lựa chọn, mỗi dòng một.")})
        if self.kind not in CHOICE_KINDS and self.choices.strip():
            raise ValidationError({"choices": _("Chỉ câu hỏi chọn một hoặc chọn nhiều mới có lựa chọn.")})


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan được đánh giá"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("phiếu trả lời khảo sát")
        verbose_name_plural = _("phiếu trả lời khảo sát")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.survey_id}#{self.pk}"


class SurveyAnswer(models.Model):
    """One answer: `choices` (labels as shown when answered), `rating` (1–5) or `text`."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    choices = models.JSONField(default=list, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("câu trả lời khảo sát")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="feedback_one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"
