"""Citizen feedback (góp ý, câu hỏi, phản ánh kiến nghị): a transactional record, never a page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    NAME_MAX_LENGTH,
    PHONE_MAX_LENGTH,
    FeedbackKind,
    FeedbackStatus,
)


class FeedbackQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=FeedbackStatus.PUBLISHED)

    def for_procedure(self, procedure):
        return self.filter(procedure=procedure)


class Feedback(models.Model):
    """One message from a citizen, its moderation and the official reply.

    Personal data (name, e-mail, phone) stays here and in the admin; the public Q&A shows only
    `public_question` (the message as reviewed by a moderator) and `reply`.
    """

    tracking_code = models.CharField(_("mã tra cứu"), max_length=32, unique=True, editable=False)
    kind = models.CharField(_("loại"), max_length=16, choices=FeedbackKind.choices)
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.NEW,
        db_index=True,
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_items",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_items",
        help_text=_("Cơ quan thực hiện thủ tục, hoặc cơ quan được Sở Tư pháp chuyển đến."),
    )
    message = models.TextField(_("nội dung"))
    name = models.CharField(_("họ tên"), max_length=NAME_MAX_LENGTH, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=PHONE_MAX_LENGTH, blank=True)
    consent_to_publish = models.BooleanField(_("đồng ý công khai câu hỏi và trả lời"), default=False)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")

    public_question = models.TextField(
        _("câu hỏi công khai"),
        blank=True,
        help_text=_("Nội dung hiển thị công khai; bỏ mọi thông tin cá nhân trước khi công khai."),
    )
    reply = models.TextField(_("trả lời chính thức"), blank=True)
    replied_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, help_text="folded public text, for Q&A search")

    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("góp ý")
        verbose_name_plural = _("góp ý, hỏi đáp")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["procedure", "status"])]
        permissions = [
            ("moderate_all_feedback", _("Kiểm duyệt mọi góp ý (Sở Tư pháp)")),
            ("moderate_agency_feedback", _("Kiểm duyệt góp ý của cơ quan mình")),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.phone)


class FeedbackEvent(models.Model):
    """Append-only history: who moved the item, from what, to what, and why."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("từ"), max_length=16, choices=FeedbackStatus.choices, blank=True)
    to_status = models.CharField(_("sang"), max_length=16, choices=FeedbackStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử xử lý góp ý")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.feedback_id}: {self.from_status} -> {self.to_status}"
