"""Appointments at a receiving unit's counter (issue 15, item 4): where a citizen must show
originals or collect the result in person, they book a slot of the unit.

- `AppointmentSchedule`: a unit's slot length, places per slot and how far ahead it books; a unit
  without one uses the defaults in constants.py. The slots themselves are not stored: they are the
  working periods of the work calendar (workdays: weekends, holidays, make-up days, lunch break)
  cut into slot lengths (appointments/services.py).
- `SlotLoad`: how many places of one slot are taken. Booking increments it with a conditional UPDATE
  (`booked < capacity`), which the database applies atomically: no overbooking under parallel
  requests (tested on PostgreSQL).
- `Appointment`: one booking of a dossier; at most one booked appointment per dossier.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import DEFAULT_CAPACITY, DEFAULT_DAYS_AHEAD, DEFAULT_SLOT_MINUTES, AppointmentStatus, Purpose


class AppointmentSchedule(models.Model):
    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("đơn vị tiếp nhận"),
        on_delete=models.CASCADE,
        related_name="appointment_schedule",
    )
    is_active = models.BooleanField(_("nhận đặt lịch hẹn"), default=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("độ dài mỗi khung giờ (phút)"),
        default=DEFAULT_SLOT_MINUTES,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("số người mỗi khung giờ"),
        default=DEFAULT_CAPACITY,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Bằng số quầy tiếp công dân cùng làm việc."),
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("đặt trước tối đa (ngày làm việc)"),
        default=DEFAULT_DAYS_AHEAD,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    place = models.CharField(
        _("nơi tiếp"), max_length=255, blank=True, help_text=_("Ví dụ: Quầy số 3, Bộ phận Một cửa, tầng 1.")
    )

    class Meta:
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")

    def __str__(self) -> str:
        return str(self.agency)


class SlotLoad(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    booked = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "start"], name="slotload_agency_start")]

    def __str__(self) -> str:
        return f"{self.agency_id} @ {self.start:%Y-%m-%d %H:%M}: {self.booked}"


class Appointment(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="appointments"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="appointments"
    )
    start = models.DateTimeField(_("bắt đầu"), db_index=True)
    end = models.DateTimeField(_("kết thúc"))
    purpose = models.CharField(_("mục đích"), max_length=12, choices=Purpose.choices)
    place = models.CharField(_("nơi tiếp"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lịch hẹn")
        verbose_name_plural = _("lịch hẹn")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="booked"), name="appointment_one_booked_per_dossier"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_booked(self) -> bool:
        return self.status == AppointmentStatus.BOOKED
