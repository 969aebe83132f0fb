"""Booking, moving and cancelling appointments; the open slots of a unit; the officers' day list.

Slots are computed, not stored: the working periods of each working day (workdays: weekends,
public holidays, make-up days; the lunch break lies between the periods) cut into the unit's slot
length, from `LEAD_MINUTES` from now up to the unit's `days_ahead` working days. Only a slot's load
is stored (`SlotLoad`), incremented by one conditional UPDATE so parallel bookings never exceed
the capacity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.constants import DossierStatus
from notifications.services import queue_email
from workdays.services import Calendar, working_periods

from .constants import LEAD_MINUTES, AppointmentStatus, Purpose
from .emails import BOOKED
from .models import Appointment, AppointmentSchedule, SlotLoad

__all__ = [
    "AppointmentRefused",
    "Slot",
    "book",
    "cancel",
    "current_appointment",
    "day_list",
    "needs_appointment",
    "open_slots",
    "purpose_of",
    "schedule_of",
]


class AppointmentRefused(Exception):
    """A booking that cannot be made; `message` says why (Vietnamese first)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)

    @property
    def key(self) -> str:
        return timezone.localtime(self.start).strftime("%Y-%m-%dT%H:%M")


def schedule_of(agency) -> AppointmentSchedule:
    """The unit's schedule, or an unsaved one with the defaults."""
    schedule = AppointmentSchedule.objects.filter(agency=agency).first()
    return schedule or AppointmentSchedule(agency=agency)


def _slot_starts(schedule: AppointmentSchedule, now: datetime) -> list[tuple[datetime, datetime]]:
    today = timezone.localdate(now)
    calendar = Calendar(today, today + timedelta(days=schedule.days_ahead * 3 + 30))
    earliest = now + timedelta(minutes=LEAD_MINUTES)
    length = timedelta(minutes=schedule.slot_minutes)
    tz = timezone.get_current_timezone()
    starts, day, working_days = [], today, 0
    while working_days < schedule.days_ahead:
        if calendar.is_working_day(day):
            if day != today:
                working_days += 1
            for period_start, period_end in working_periods():
                moment = timezone.make_aware(datetime.combine(day, period_start), tz)
                end_of_period = timezone.make_aware(datetime.combine(day, period_end), tz)
                while moment + length <= end_of_period:
                    if moment >= earliest:
                        starts.append((moment, moment + length))
                    moment += length
        day += timedelta(days=1)
    return starts


def open_slots(agency, *, now: datetime | None = None) -> list[Slot]:
    """The unit's bookable slots from now on, with how many places are taken (full ones included,
    so a page can show them as full)."""
    schedule = schedule_of(agency)
    if agency is None or not schedule.is_active:
        return []
    starts = _slot_starts(schedule, now or timezone.now())
    if not starts:
        return []
    loads = dict(
        SlotLoad.objects.filter(agency=agency, start__gte=starts[0][0], start__lte=starts[-1][0]).values_list(
            "start", "booked"
        )
    )
    return [Slot(start, end, schedule.capacity, loads.get(start, 0)) for start, end in starts]


def has_electronic_result(dossier) -> bool:
    """Whether the finished dossier's result was issued signed (signing.SignedDocument): the
    citizen has it online and comes only if they want the paper copy."""
    from signing.models import SignedDocument

    return SignedDocument.objects.filter(dossier_code=dossier.code).exists()


def needs_appointment(dossier) -> bool:
    """Whether the citizen must come to the unit: documents to show in person (the submission's
    `in_person` list, procedures/online.py), or a finished result waiting at the unit (status 9)
    that was not issued electronically (signed)."""
    if dossier.status == DossierStatus.DONE:
        return not has_electronic_result(dossier)
    schema = dossier.form_version.schema if dossier.form_version_id else {}
    return bool(schema.get("in_person"))


def purpose_of(dossier) -> str:
    """Why the citizen comes: to collect a finished result (status 9), else to show originals."""
    return Purpose.COLLECT_RESULT if dossier.status == DossierStatus.DONE else Purpose.SHOW_ORIGINALS


def current_appointment(dossier) -> Appointment | None:
    return dossier.appointments.filter(status=AppointmentStatus.BOOKED).select_related("agency").first()


def _take(agency, start: datetime, capacity: int) -> None:
    """One place of the slot, or AppointmentRefused when it is full. Inside the caller's transaction."""
    rows = SlotLoad.objects.filter(agency=agency, start=start)
    for _attempt in range(3):
        if rows.filter(booked__lt=capacity).update(booked=F("booked") + 1):
            return
        if rows.exists():
            break
        try:
            with transaction.atomic():
                SlotLoad.objects.create(agency=agency, start=start, booked=1)
            return
        except IntegrityError:
            continue  # created by a parallel booking: try the conditional update again
    raise AppointmentRefused(_("Khung giờ này vừa hết chỗ. Hãy chọn khung giờ khác."))


def _release(appointment: Appointment) -> None:
    SlotLoad.objects.filter(agency=appointment.agency_id, start=appointment.start, booked__gt=0).update(
        booked=F("booked") - 1
    )


def book(*, dossier, start: datetime, purpose: str | None = None, now: datetime | None = None):
    """Book (or move to) the slot starting at `start` at the dossier's receiving unit. Returns the
    appointment; AppointmentRefused (nothing changed, the old booking kept) when the slot is not
    offered or full. `purpose` defaults to `purpose_of(dossier)`. The e-mail goes out once the
    booking is committed."""
    purpose = purpose or purpose_of(dossier)
    agency = dossier.receiving_unit
    if agency is None:
        raise AppointmentRefused(_("Hồ sơ chưa có đơn vị tiếp nhận nên chưa đặt được lịch hẹn."))
    slot = next((s for s in open_slots(agency, now=now) if s.start == start), None)
    if slot is None:
        raise AppointmentRefused(_("Khung giờ này không còn nhận đặt lịch. Hãy chọn khung giờ khác."))
    schedule = schedule_of(agency)
    try:
        with transaction.atomic():
            current = current_appointment(dossier)
            if current is not None and current.start == start:
                return current
            _take(agency, start, slot.capacity)
            if current is not None:
                Appointment.objects.filter(pk=current.pk).update(
                    status=AppointmentStatus.CANCELLED, cancelled_at=timezone.now()
                )
                _release(current)
            appointment = Appointment.objects.create(
                dossier=dossier,
                agency=agency,
                start=start,
                end=slot.end,
                purpose=purpose,
                place=schedule.place,
            )
            queue_email(BOOKED, appointment.pk, dossier.applicant_email)
    except IntegrityError:  # a parallel request of the same citizen booked first
        raise AppointmentRefused(_("Hồ sơ vừa được đặt lịch ở một cửa sổ khác; hãy tải lại trang.")) from None
    return appointment


def cancel(appointment: Appointment) -> bool:
    """Cancel a booking and free its place; False when it was no longer booked."""
    with transaction.atomic():
        changed = Appointment.objects.filter(pk=appointment.pk, status=AppointmentStatus.BOOKED).update(
            status=AppointmentStatus.CANCELLED, cancelled_at=timezone.now()
        )
        if changed:
            _release(appointment)
    return bool(changed)


def day_list(dossiers, day: date):
    """The booked appointments of one day for these dossiers (an officer's visible ones), by time."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(day, datetime.min.time()), tz)
    return (
        Appointment.objects.filter(
            dossier__in=dossiers,
            status=AppointmentStatus.BOOKED,
            start__gte=start,
            start__lt=start + timedelta(days=1),
        )
        .select_related("dossier", "agency")
        .order_by("start", "pk")
    )
