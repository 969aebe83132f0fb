"""History that revisions alone cannot give: a procedure's online level and level-2 completeness on
any past date, and which departments ran an electronic one-stop system when.

Records are appended: on each publication of a procedure page (Wagtail's `page_published` signal),
by the monitor for a change that happened without a page edit (effective date in the past), or by
a sync/import. The state on day D is the latest record with effective_date <= D (ties: the latest
recorded). See docs/statistics.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from procedures.constants import LegacyLevel, OnlineLevel

from ..constants import LevelSource


class ProcedureLevelRecordQuerySet(models.QuerySet):
    def on(self, day):
        """The record in force on `day` for each procedure that had one: one row per procedure, in the DB."""
        latest = (
            ProcedureLevelRecord.objects.filter(
                procedure_id=OuterRef("procedure_id"), effective_date__lte=day
            )
            .order_by("-effective_date", "-id")
            .values("id")[:1]
        )
        return self.filter(effective_date__lte=day, id=Subquery(latest))


class ProcedureLevelRecord(models.Model):
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="level_records",
    )
    effective_date = models.DateField(_("có hiệu lực từ ngày"), db_index=True)
    online_level = models.CharField(
        _("mức độ (Nghị định 42/2022)"), max_length=10, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    legacy_level = models.CharField(
        _("mức độ (Nghị định 43/2011)"), max_length=10, choices=LegacyLevel.choices, blank=True, default=""
    )
    complete = models.BooleanField(
        _("đủ thông tin mức độ 2"),
        help_text=_("Theo procedures.completeness (Nghị định 63/2010 Điều 8)."),
    )
    missing_info = models.JSONField(_("thông tin còn thiếu"), default=list, blank=True)
    in_force = models.BooleanField(
        _("đang áp dụng"), default=True, help_text=_("Bỏ chọn khi thủ tục bị bãi bỏ hoặc gỡ khỏi cổng.")
    )
    source = models.CharField(
        _("nguồn"), max_length=10, choices=LevelSource.choices, default=LevelSource.MANUAL
    )
    note = models.CharField(_("ghi chú / căn cứ"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi lúc"), default=timezone.now, editable=False)

    objects = ProcedureLevelRecordQuerySet.as_manager()

    panels = [
        FieldPanel("procedure"),
        FieldRowPanel([FieldPanel("effective_date"), FieldPanel("in_force")]),
        FieldRowPanel([FieldPanel("online_level"), FieldPanel("legacy_level"), FieldPanel("complete")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("lịch sử mức độ thủ tục")
        verbose_name_plural = _("lịch sử mức độ thủ tục")
        ordering = ["procedure", "-effective_date", "-id"]
        indexes = [models.Index(fields=["procedure", "effective_date", "id"], name="roadmap_plr_lookup")]

    def __str__(self) -> str:
        return f"{self.procedure_id} @ {self.effective_date}: {self.online_level}/{self.legacy_level}"

    def clean(self):
        if self.effective_date and self.effective_date > timezone.localdate():
            raise ValidationError({"effective_date": _("Ngày hiệu lực không được ở tương lai.")})

    @property
    def level43(self) -> int:
        """The level in the frame of Decree 43/2011 (roadmap.levels); named apart from the SQL annotation."""
        from ..levels import level43

        return level43(self.online_level, self.legacy_level)


class OneStopRecord(models.Model):
    """Whether an agency ran an electronic one-stop system (một cửa điện tử) from a date on."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.CASCADE,
        related_name="one_stop_records",
    )
    effective_date = models.DateField(_("từ ngày"))
    running = models.BooleanField(_("vận hành một cửa điện tử"), default=True)
    note = models.CharField(_("ghi chú / căn cứ"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi lúc"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("effective_date"), FieldPanel("running")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("một cửa điện tử của cơ quan")
        verbose_name_plural = _("một cửa điện tử của cơ quan")
        ordering = ["agency", "-effective_date", "-id"]
        indexes = [models.Index(fields=["agency", "effective_date", "id"], name="roadmap_onestop_lookup")]

    def __str__(self) -> str:
        return f"{self.agency} @ {self.effective_date}: {self.running}"

    def clean(self):
        if self.effective_date and self.effective_date > timezone.localdate():
            raise ValidationError({"effective_date": _("Ngày hiệu lực không được ở tương lai.")})
