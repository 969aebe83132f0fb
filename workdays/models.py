"""The working-day calendar: exceptions to "Monday to Friday", edited by administrators."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import DayKind, DaySource


class Holiday(models.Model):
    """One calendar day that differs from the usual week: a day off, or a make-up working day."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=DayKind.choices, default=DayKind.HOLIDAY)
    source = models.CharField(
        _("nguồn"), max_length=10, choices=DaySource.choices, default=DaySource.MANUAL, editable=False
    )
    note = models.CharField(
        _("ghi chú"), max_length=500, blank=True, help_text=_("Ví dụ: số văn bản công bố.")
    )

    class Meta:
        verbose_name = _("ngày nghỉ / ngày làm bù")
        verbose_name_plural = _("lịch nghỉ lễ và ngày làm bù")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"
