"""Working days and working hours: Monday–Friday, minus public holidays, plus make-up working days.

The calendar is the `Holiday` table (administrators edit it; `seed_holidays` fills it from the
`holidays` package). Rules:

- a day is a working day when it is a make-up day (kind=makeup), or a Monday–Friday that is not a
  holiday (kind=holiday);
- `add_working_days(start=d, days=n)` is the n-th working day strictly after `d` (d itself never
  counts, whether or not it is a working day);
- working hours are the periods in settings.WORKDAYS_HOURS (default 07:30–11:30 and 13:00–17:00,
  8 hours) on working days.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .constants import DayKind, DaySource
from .models import Holiday

__all__ = [
    "MAKEUP_NAME",
    "Calendar",
    "add_working_days",
    "add_working_hours",
    "is_working_day",
    "next_working_day",
    "seed_holidays",
    "working_periods",
]


def working_periods() -> list[tuple[time, time]]:
    """The working periods of a working day, from settings.WORKDAYS_HOURS ("HH:MM" pairs)."""
    periods = []
    for start, end in getattr(settings, "WORKDAYS_HOURS", [("07:30", "11:30"), ("13:00", "17:00")]):
        periods.append((time.fromisoformat(start), time.fromisoformat(end)))
    return sorted(periods)


class Calendar:
    """Loads the exceptions of a date range once, extends itself when asked beyond it."""

    def __init__(self, start: date, end: date | None = None):
        self._start = start
        self._end = start
        self._kinds: dict[date, str] = {}
        self._load(start, end or start + timedelta(days=120))

    def _load(self, start: date, end: date) -> None:
        rows = Holiday.objects.filter(date__gte=start, date__lte=end).values_list("date", "kind")
        self._kinds.update(dict(rows))
        self._start = min(self._start, start)
        self._end = max(self._end, end)

    def is_working_day(self, day: date) -> bool:
        if day > self._end:
            self._load(self._end + timedelta(days=1), day + timedelta(days=366))
        if day < self._start:
            self._load(day, self._start - timedelta(days=1))
        kind = self._kinds.get(day)
        if kind == DayKind.MAKEUP:
            return True
        if kind == DayKind.HOLIDAY:
            return False
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        for _ in range(days):
            day = self.next_working_day(day)
        return day

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The moment `hours` working hours after `start` (aware datetimes, local time)."""
        tz = timezone.get_current_timezone()
        current = (
            timezone.localtime(start, tz) if timezone.is_aware(start) else timezone.make_aware(start, tz)
        )
        remaining = timedelta(hours=hours)
        periods = working_periods()
        day = current.date()
        while True:
            if self.is_working_day(day):
                for begin, end in periods:
                    period_start = datetime.combine(day, begin, tzinfo=current.tzinfo)
                    period_end = datetime.combine(day, end, tzinfo=current.tzinfo)
                    if current >= period_end:
                        continue
                    current = max(current, period_start)
                    available = period_end - current
                    if remaining <= available:
                        return current + remaining
                    remaining -= available
                    current = period_end
            day = self.next_working_day(day)
            current = datetime.combine(day, time.min, tzinfo=current.tzinfo)


def is_working_day(day: date) -> bool:
    return Calendar(day, day).is_working_day(day)


def next_working_day(day: date) -> date:
    return Calendar(day).next_working_day(day)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (start excluded). `add_working_days(d, 0) == d`."""
    return Calendar(start, start + timedelta(days=days * 2 + 30)).add_working_days(start, days)


def add_working_hours(start: datetime, hours: float) -> datetime:
    return Calendar(start.date()).add_working_hours(start, hours)


MAKEUP_NAME = "Ngày làm việc bù (cuối tuần đi làm để nghỉ bù vào một ngày khác)"


@transaction.atomic
def seed_holidays(*, years: list[int]) -> tuple[int, int]:
    """Create the public holidays and the make-up working days of `years` from the `holidays`
    package. Existing dates are left alone, so administrators' edits always win.
    Returns (created holidays, created make-up days).

    The make-up days are the package's `weekend_workdays` (weekend days the government made working
    days in exchange for a day off). The package also reports the ones that cross a year boundary (a
    Saturday in late December worked for a day off in early January) whatever years are asked; those
    within a year of the requested ones are kept.
    """
    import holidays as holidays_package

    calendar = holidays_package.country_holidays("VN", years=years, language="vi")
    existing = set(Holiday.objects.filter(date__year__in=years).values_list("date", flat=True))
    created_off = created_makeup = 0
    first, last = min(years) - 1, max(years) + 1
    makeup_days = sorted(day for day in calendar.weekend_workdays if first <= day.year <= last)
    existing |= set(Holiday.objects.filter(date__in=makeup_days).values_list("date", flat=True))
    for day in makeup_days:
        if day not in existing:
            Holiday.objects.create(
                date=day, name=MAKEUP_NAME, kind=DayKind.MAKEUP, source=DaySource.HOLIDAYS_PACKAGE
            )
            existing.add(day)
            created_makeup += 1
    for day, name in sorted(calendar.items()):
        if day not in existing:
            Holiday.objects.create(
                date=day, name=name[:255], kind=DayKind.HOLIDAY, source=DaySource.HOLIDAYS_PACKAGE
            )
            existing.add(day)
            created_off += 1
    return created_off, created_makeup
