"""A summary table for usage figures: one row per dossier, refreshed from dossiers by a background task.

Dashboards aggregate this table (indexed month/agency/procedure columns) instead of walking dossier
status histories on every request. `stats.usage.refresh_usage` writes it; see docs/statistics.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Channel


class DossierUsage(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.CASCADE, primary_key=True, related_name="usage_summary"
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    month = models.DateField(_("tháng nộp"), help_text=_("Ngày 1 của tháng nộp (giờ Việt Nam)."))
    channel = models.CharField(_("kênh nộp"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    accepted_on = models.DateField(_("ngày tiếp nhận"), null=True, blank=True)
    refused = models.BooleanField(_("không được tiếp nhận"), default=False)
    finished_on = models.DateField(_("ngày xử lý xong"), null=True, blank=True)
    closed = models.BooleanField(_("đã kết thúc"), default=False)
    due_date = models.DateField(_("ngày hẹn trả"), null=True, blank=True)
    on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True)
    processing_days = models.PositiveIntegerField(_("số ngày làm việc xử lý"), null=True, blank=True)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu sử dụng của hồ sơ")
        verbose_name_plural = _("số liệu sử dụng của hồ sơ")
        indexes = [
            models.Index(fields=["month", "agency"], name="stats_usage_month_agency"),
            models.Index(fields=["month", "procedure"], name="stats_usage_month_proc"),
            models.Index(fields=["closed", "due_date"], name="stats_usage_open_due"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.month:%Y-%m}"
