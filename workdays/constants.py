from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Ngày nghỉ (lễ, Tết, nghỉ bù)")
    MAKEUP = "makeup", _("Ngày làm việc bù (thứ Bảy / Chủ nhật đi làm)")


class DaySource(models.TextChoices):
    MANUAL = "manual", _("Nhập tay")
    HOLIDAYS_PACKAGE = "holidays", _("Gói holidays (tự động)")
