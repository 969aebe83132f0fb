from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Đã đặt")
    CANCELLED = "cancelled", _("Đã hủy")


class Purpose(models.TextChoices):
    SHOW_ORIGINALS = "originals", _("Xuất trình bản chính giấy tờ")
    COLLECT_RESULT = "result", _("Nhận kết quả")


# A unit with no schedule of its own takes bookings on these defaults.
DEFAULT_SLOT_MINUTES = 30
DEFAULT_CAPACITY = 4
DEFAULT_DAYS_AHEAD = 10
# A slot can be booked until this many minutes before it starts.
LEAD_MINUTES = 60
