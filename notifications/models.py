from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import EmailStatus


class OutgoingEmail(models.Model):
    """One e-mail the portal owes someone (the outbox).

    Written in the same transaction as what it tells about (a dossier received, a status change, a
    payment), so a crash or a broker that is down after the commit cannot lose it: the task queue
    delivers it at once, and `manage.py deliver_emails` retries whatever is still pending."""

    kind = models.CharField(_("loại thư"), max_length=64)
    object_id = models.PositiveBigIntegerField(_("mã đối tượng"))
    recipient = models.EmailField(_("người nhận"), max_length=254)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần đã thử"), default=0)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notif_email_due_idx")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id} → {self.recipient}"

    def kind_label(self) -> str:
        from .registry import label

        return label(self.kind)

    kind_label.short_description = _("thư")
    kind_label.admin_order_field = "kind"
