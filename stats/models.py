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


class UsageMonthly(models.Model):
    """The usage summary grouped by cell (procedure, agency, month, channel), so that dashboards sum a
    few rows per procedure and month instead of a year of dossiers.

    A cell is split by the values the figures need to stay exact for any period end: `refused`,
    `closed`, `processing_days` (finished dossiers, the histogram of the medians) and
    `open_due_date` (the due date of dossiers still open, for "open past due" on any day). Each row
    counts the DossierUsage rows with exactly those values. Written only by
    `stats.services.usage_refresh`: the task after a status change recomputes the cells of the
    dossiers it refreshes (old and new cell), the full rebuild recomputes all (docs/statistics.md).
    """

    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    month = models.DateField(_("tháng nộp"))
    channel = models.CharField(_("kênh nộp"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    refused = models.BooleanField(_("không được tiếp nhận"), default=False)
    closed = models.BooleanField(_("đã kết thúc"), default=False)
    processing_days = models.PositiveIntegerField(_("số ngày làm việc xử lý"), null=True, blank=True)
    open_due_date = models.DateField(
        _("ngày hẹn trả của hồ sơ chưa kết thúc"),
        null=True,
        blank=True,
        help_text=_("Trống khi đã kết thúc."),
    )
    submitted = models.PositiveIntegerField(_("hồ sơ nộp"), default=0)
    accepted = models.PositiveIntegerField(_("được tiếp nhận"), default=0)
    finished = models.PositiveIntegerField(_("đã xử lý xong"), default=0)
    on_time = models.PositiveIntegerField(_("đúng hạn"), default=0)
    late = models.PositiveIntegerField(_("trễ hạn"), default=0)

    class Meta:
        verbose_name = _("số liệu sử dụng theo tháng")
        verbose_name_plural = _("số liệu sử dụng theo tháng")
        indexes = [
            models.Index(fields=["month", "agency"], name="stats_monthly_month_agency"),
            models.Index(fields=["month", "procedure"], name="stats_monthly_month_proc"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}/{self.agency_id} {self.month:%Y-%m} {self.channel}: {self.submitted}"
