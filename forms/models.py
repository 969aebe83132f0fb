"""Online forms that editors attach to a procedure, and their frozen versions.

A dossier never reads the live form: it keeps the `FormVersion` (a JSON schema snapshot) it was
prepared with. `forms.services.current_version()` freezes a new version whenever the definition
has changed since the last one, so editing a form never breaks drafts or dossiers.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from .blocks import StepBlock

DEFAULT_DECLARATION = (
    "Tôi xin cam đoan những thông tin và giấy tờ kê khai trên là đúng sự thật và chịu trách nhiệm "
    "trước pháp luật về nội dung đã kê khai."
)


class OnlineForm(ClusterableModel):
    procedure = models.OneToOneField(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="online_form",
    )
    is_active = models.BooleanField(
        _("đang nhận hồ sơ trực tuyến"), default=True, help_text=_("Bỏ chọn để tạm ngừng nhận hồ sơ.")
    )
    intro = models.TextField(_("hướng dẫn chung"), blank=True)
    steps = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name=_("các bước"),
        help_text=_("Để trống: chỉ hỏi thông tin người nộp và giấy tờ theo thành phần hồ sơ của thủ tục."),
    )
    declaration = models.TextField(_("lời cam đoan"), default=DEFAULT_DECLARATION)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    panels = [
        FieldPanel("procedure"),
        FieldPanel("is_active"),
        FieldPanel("intro"),
        FieldPanel("steps"),
        InlinePanel(
            "upload_slots",
            heading=_("Giấy tờ đính kèm (theo thành phần hồ sơ)"),
            label=_("giấy tờ"),
            help_text=_(
                "Để trống: mỗi thành phần hồ sơ của thủ tục là một ô tải lên, theo lựa chọn “khi nộp "
                "trực tuyến” của thành phần đó."
            ),
        ),
        FieldPanel("declaration"),
    ]

    class Meta:
        verbose_name = _("biểu mẫu trực tuyến")
        verbose_name_plural = _("biểu mẫu trực tuyến")

    def __str__(self) -> str:
        return str(self.procedure)

    def clean(self):
        super().clean()
        from .schema import field_keys_problems

        problems = field_keys_problems(self.steps)
        if problems:
            raise ValidationError({"steps": problems})
        procedure = self.procedure if self.procedure_id else None
        if not self.is_active and procedure is not None and procedure.is_online:
            raise ValidationError(
                {
                    "is_active": _(
                        "Thủ tục đang được công bố là dịch vụ công trực tuyến nên phải nhận hồ sơ. Để ngừng "
                        "nhận, hãy đổi mức độ trực tuyến của thủ tục về “Chưa cung cấp trực tuyến” trước."
                    )
                }
            )


class UploadSlot(Orderable):
    """An upload slot of the form, tied to one of the procedure's dossier components."""

    form = ParentalKey(OnlineForm, on_delete=models.CASCADE, related_name="upload_slots")
    component = models.ForeignKey(
        "procedures.DossierComponent",
        verbose_name=_("thành phần hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    label = models.CharField(
        _("tên hiển thị"), max_length=500, blank=True, help_text=_("Để trống để dùng tên thành phần hồ sơ.")
    )
    help_text = models.CharField(_("hướng dẫn"), max_length=500, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=True)
    max_files = models.PositiveSmallIntegerField(
        _("số tệp tối đa"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    max_size_mb = models.PositiveSmallIntegerField(
        _("dung lượng tối đa mỗi tệp (MB)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    accept_pdf = models.BooleanField(_("nhận PDF"), default=True)
    accept_jpg = models.BooleanField(_("nhận ảnh JPEG"), default=True)
    accept_png = models.BooleanField(_("nhận ảnh PNG"), default=True)

    panels = [
        FieldPanel("component"),
        FieldPanel("label"),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("required"), FieldPanel("max_files"), FieldPanel("max_size_mb")]),
                FieldRowPanel([FieldPanel("accept_pdf"), FieldPanel("accept_jpg"), FieldPanel("accept_png")]),
            ],
            heading=_("Giới hạn"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("giấy tờ đính kèm")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or (self.component.name if self.component_id else "") or str(_("Giấy tờ"))

    def clean(self):
        super().clean()
        if not (self.accept_pdf or self.accept_jpg or self.accept_png):
            raise ValidationError(_("Chọn ít nhất một loại tệp được nhận."))
        if not self.label and not self.component_id:
            raise ValidationError(_("Chọn thành phần hồ sơ hoặc nhập tên hiển thị."))


class FormVersion(models.Model):
    """A frozen snapshot of an online form's schema; drafts and dossiers point at one.

    The snapshot outlives its form: deleting an online form (or its procedure) leaves the versions
    that drafts and dossiers use, with `form` emptied, so nothing submitted ever breaks."""

    form = models.ForeignKey(
        OnlineForm, on_delete=models.SET_NULL, null=True, blank=True, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    schema = models.JSONField(_("cấu trúc"))
    schema_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản biểu mẫu")
        verbose_name_plural = _("phiên bản biểu mẫu")
        ordering = ["form", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["form", "number"], name="formversion_number"),
            models.UniqueConstraint(fields=["form", "schema_hash"], name="formversion_hash"),
        ]

    def __str__(self) -> str:
        return f"{self.form} v{self.number}"
