"""The processing clock of a dossier (docs/backoffice.md, "Clock rules").

- Due date: `Dossier.appointment_date`, counted in working days at submission (appointments.py).
- Overdue (quá hạn) is computed, never stored: the clock runs (status 1, 2, 4, 6 or 7) and today
  is after the due date. While supplements are awaited (5) the clock is paused; done (9) and the
  final statuses (3, 8, 10) are never overdue.
- Acceptance target: an online dossier is accepted or sent back for supplements within 8 working
  hours (Decree 45/2020) of its submission, or of the citizen's supply when the supplement was
  requested at reception.
- Supplement pause: when the citizen supplies, the due date moves by the working days the request
  lasted (working days after the request day up to and including the supply day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from workdays.services import Calendar, working_periods

from .constants import CLOCK_RUNNING_STATUSES, DossierStatus

__all__ = [
    "ACCEPT_WITHIN_WORKING_HOURS",
    "DueState",
    "accept_deadline",
    "due_state",
    "due_today_q",
    "overdue_q",
    "working_days_between",
    "working_hours_between",
]

ACCEPT_WITHIN_WORKING_HOURS = 8


@dataclass(frozen=True)
class DueState:
    due_date: date | None
    overdue: bool
    due_today: bool
    working_days_left: int | None  # negative when overdue; None without a due date or clock


def overdue_q(today: date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(status__in=CLOCK_RUNNING_STATUSES, appointment_date__lt=today)


def due_today_q(today: date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(status__in=CLOCK_RUNNING_STATUSES, appointment_date=today)


def working_days_between(start: date, end: date, calendar: Calendar | None = None) -> int:
    """Working days d with start < d <= end (0 when end <= start)."""
    if end <= start:
        return 0
    calendar = calendar or Calendar(start, end)
    count, day = 0, start
    while True:
        day = calendar.next_working_day(day)
        if day > end:
            return count
        count += 1


def due_state(dossier, *, today: date | None = None, calendar: Calendar | None = None) -> DueState:
    today = today or timezone.localdate()
    due = dossier.appointment_date
    if due is None or dossier.status not in CLOCK_RUNNING_STATUSES:
        return DueState(due, False, False, None)
    if due >= today:
        left = working_days_between(today, due, calendar)
    else:
        left = -working_days_between(due, today, calendar)
    return DueState(due, due < today, due == today, left)


def accept_deadline(dossier, *, calendar: Calendar | None = None) -> datetime | None:
    """The moment by which a new dossier (status 1) must be accepted or sent back for supplements."""
    if dossier.status != DossierStatus.NEW:
        return None
    start = dossier.status_changed_at or dossier.submitted_at
    calendar = calendar or Calendar(timezone.localdate(start))
    return calendar.add_working_hours(start, ACCEPT_WITHIN_WORKING_HOURS)


def working_hours_between(start: datetime, end: datetime, calendar: Calendar | None = None) -> float:
    """Working hours from `start` to `end` (negative when end is before start): the countdown to
    the acceptance deadline."""
    if end < start:
        return -working_hours_between(end, start, calendar)
    tz = timezone.get_current_timezone()
    start, end = timezone.localtime(start, tz), timezone.localtime(end, tz)
    calendar = calendar or Calendar(start.date(), end.date())
    seconds, day = 0.0, start.date()
    while day <= end.date():
        if calendar.is_working_day(day):
            for begin, finish in working_periods():
                low = max(start, datetime.combine(day, begin, tzinfo=start.tzinfo))
                high = min(end, datetime.combine(day, finish, tzinfo=start.tzinfo))
                if high > low:
                    seconds += (high - low).total_seconds()
        day = date.fromordinal(day.toordinal() + 1)
    return seconds / 3600
