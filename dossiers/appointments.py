"""The appointment date (ngày hẹn trả kết quả) of a dossier.

Rule (documented in docs/submission.md):
1. The time limit is taken from the procedure's channel the dossier came through — online
   ("Trực tuyến"); direct ("Trực tiếp") or postal for a dossier a reception officer registers
   (docs/backoffice.md) — when it has a value and a unit; otherwise from the first channel that has them; otherwise from the first channel
   whose text reads like "15 ngày làm việc". No parseable limit → no appointment date (the agency
   sets one when it accepts the dossier).
2. Counting starts from the receipt day: the submission day when submitted on a working day before
   the end of working hours, otherwise the next working day.
3. Working days: the n-th working day after the receipt day (weekends, public holidays skipped,
   make-up working days counted). Fractions of a working day count as working hours.
   Working hours: added to the submission moment within working periods.
   Calendar days / months / years: added to the receipt day; a result that falls on a day off moves
   to the next working day. (Calendar) hours: added to the submission moment, same adjustment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from procedures.constants import ChannelKind, TimeUnit
from workdays.services import Calendar, working_periods

__all__ = ["Appointment", "appointment_for", "receipt_day", "time_limit_of"]

_TEXT_LIMIT = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(ngày làm việc|giờ làm việc|ngày|giờ|tháng|năm)", re.IGNORECASE
)
_TEXT_UNITS = {
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "giờ làm việc": TimeUnit.WORKING_HOURS,
    "ngày": TimeUnit.DAYS,
    "giờ": TimeUnit.HOURS,
    "tháng": TimeUnit.MONTHS,
    "năm": TimeUnit.YEARS,
}


@dataclass(frozen=True)
class Appointment:
    date: date | None
    rule: str


def time_limit_of(procedure, kind: str = ChannelKind.ONLINE) -> tuple[Decimal, str, str] | None:
    """(value, unit, description) of the limit that applies to a dossier that came through the
    channel `kind` (online by default), or None. A counter or postal dossier takes its own
    channel's limit (value and unit, else its text) and otherwise the online dossier's rule."""
    channels = list(procedure.channels.all())
    if kind != ChannelKind.ONLINE:
        own = [c for c in channels if c.kind == kind]
        limit = _limit_from_values(own) or _limit_from_text(own)
        if limit is not None:
            return limit
    ordered = [c for c in channels if c.kind == ChannelKind.ONLINE] + [
        c for c in channels if c.kind != ChannelKind.ONLINE
    ]
    return _limit_from_values(ordered) or _limit_from_text(ordered)


def _limit_from_values(ordered) -> tuple[Decimal, str, str] | None:
    for channel in ordered:
        if channel.time_limit_value is not None and channel.time_limit_unit:
            unit_label = TimeUnit(channel.time_limit_unit).label
            return (
                Decimal(channel.time_limit_value),
                channel.time_limit_unit,
                f"{channel.get_kind_display()}: {channel.time_limit_value.normalize():f} {unit_label}",
            )
    return None


def _limit_from_text(ordered) -> tuple[Decimal, str, str] | None:
    for channel in ordered:
        match = _TEXT_LIMIT.search(channel.time_limit_text or "")
        if match:
            value = Decimal(match.group(1).replace(",", "."))
            unit = _TEXT_UNITS[match.group(2).lower()]
            return value, unit, f"{channel.get_kind_display()}: {match.group(0)}"
    return None


def receipt_day(moment: datetime, calendar: Calendar) -> date:
    local = timezone.localtime(moment)
    day = local.date()
    end_of_day = working_periods()[-1][1]
    if calendar.is_working_day(day) and local.time() < end_of_day:
        return day
    return calendar.next_working_day(day)


def _on_working_day(day: date, calendar: Calendar) -> date:
    return day if calendar.is_working_day(day) else calendar.next_working_day(day)


def appointment_for(procedure, submitted_at: datetime, kind: str = ChannelKind.ONLINE) -> Appointment:
    limit = time_limit_of(procedure, kind)
    if limit is None:
        return Appointment(None, "")
    value, unit, rule = limit
    local = timezone.localtime(submitted_at)
    calendar = Calendar(local.date())
    start = receipt_day(submitted_at, calendar)
    hours_per_day = (
        sum(
            (datetime.combine(date.min, b) - datetime.combine(date.min, a)).seconds
            for a, b in working_periods()
        )
        / 3600
    )
    if unit == TimeUnit.WORKING_DAYS:
        if value == value.to_integral_value():
            result = calendar.add_working_days(start, int(value))
        else:
            result = calendar.add_working_hours(submitted_at, float(value) * hours_per_day).date()
    elif unit == TimeUnit.WORKING_HOURS:
        result = calendar.add_working_hours(submitted_at, float(value)).date()
    elif unit == TimeUnit.DAYS:
        result = _on_working_day(start + timedelta(days=int(value.to_integral_value())), calendar)
    elif unit == TimeUnit.HOURS:
        result = _on_working_day((local + timedelta(hours=float(value))).date(), calendar)
    elif unit == TimeUnit.MONTHS:
        result = _on_working_day(start + relativedelta(months=int(value)), calendar)
    elif unit == TimeUnit.YEARS:
        result = _on_working_day(start + relativedelta(years=int(value)), calendar)
    else:
        return Appointment(None, rule)
    return Appointment(result, rule)
