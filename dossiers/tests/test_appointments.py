from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from dossiers.appointments import appointment_for, time_limit_of
from procedures.models import ProcedureChannel
from workdays.services import seed_holidays

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args):
    return datetime(*args, tzinfo=VN)


def with_limit(procedure, limit):
    """The module's procedure with this limit on its online channel (rolled back after the test)."""
    value, unit = limit
    ProcedureChannel.objects.filter(page=procedure, kind="online").update(
        time_limit_value=value, time_limit_unit=unit
    )
    return type(procedure).objects.get(pk=procedure.pk)


def test_online_channel_limit_wins_and_counts_working_days(procedure):
    procedure = with_limit(procedure, (Decimal(3), "working_days"))
    value, unit, rule = time_limit_of(procedure)
    assert (value, unit) == (3, "working_days") and rule.startswith("Trực tuyến")
    # Thursday 10:00 + 3 working days → Tuesday
    assert appointment_for(procedure, at(2024, 10, 10, 10, 0)).date == date(2024, 10, 15)


def test_after_hours_and_weekend_submissions_count_from_the_next_working_day(procedure):
    procedure = with_limit(procedure, (Decimal(3), "working_days"))
    assert appointment_for(procedure, at(2024, 10, 10, 18, 0)).date == date(2024, 10, 16)  # Thu evening
    assert appointment_for(procedure, at(2024, 10, 12, 9, 0)).date == date(2024, 10, 17)  # Saturday


@pytest.mark.engine  # the holiday calendar extracts years from dates
def test_appointment_skips_tet(procedure):
    seed_holidays(years=[2025])
    procedure = with_limit(procedure, (Decimal(5), "working_days"))
    # Thursday 23 Jan 2025 → 24 Jan (1), Tết 27 Jan–1 Feb, 3 Feb (2) ... 6 Feb (5)
    assert appointment_for(procedure, at(2025, 1, 23, 9, 0)).date == date(2025, 2, 6)


@pytest.mark.engine  # the holiday calendar extracts years from dates
def test_appointment_around_30_april_with_make_up_saturday(procedure):
    seed_holidays(years=[2025])
    procedure = with_limit(procedure, (Decimal(2), "working_days"))
    # Friday 25 Apr 2025 9:00 → Sat 26 (make-up, 1), Mon 28 (2)
    assert appointment_for(procedure, at(2025, 4, 25, 9, 0)).date == date(2025, 4, 28)
    # Tuesday 29 Apr 9:00 → 30/4, 1/5, 2/5 off, weekend → Mon 5 May (1), Tue 6 May (2)
    assert appointment_for(procedure, at(2025, 4, 29, 9, 0)).date == date(2025, 5, 6)


@pytest.mark.parametrize(
    ("limit", "submitted", "expected"),
    [
        ((Decimal(8), "working_hours"), at(2024, 10, 11, 15, 0), date(2024, 10, 14)),  # Fri 15:00 + 8h
        ((Decimal("0.5"), "working_days"), at(2024, 10, 11, 9, 0), date(2024, 10, 11)),  # 4 working hours
        ((Decimal(10), "days"), at(2024, 10, 10, 9, 0), date(2024, 10, 21)),  # Sun 20 → Mon 21
        ((Decimal(1), "months"), at(2024, 10, 10, 9, 0), date(2024, 11, 11)),  # Sun 10 Nov → Mon 11
        ((Decimal(24), "hours"), at(2024, 10, 11, 9, 0), date(2024, 10, 14)),  # Sat → Mon
    ],
)
def test_other_units(limit, submitted, expected, procedure):
    procedure = with_limit(procedure, limit)
    assert appointment_for(procedure, submitted).date == expected


def test_falls_back_to_a_parseable_text_then_to_none(procedure):
    ProcedureChannel.objects.filter(page=procedure, kind="online").delete()
    procedure = type(procedure).objects.get(pk=procedure.pk)
    value, unit, rule = time_limit_of(procedure)  # the direct channel: "05 ngày làm việc"
    assert (value, unit) == (5, "working_days") and "05 ngày làm việc" in rule
    ProcedureChannel.objects.filter(page=procedure).update(time_limit_text="Theo quy định")
    procedure = type(procedure).objects.get(pk=procedure.pk)
    appointment = appointment_for(procedure, at(2024, 10, 10, 9, 0))
    assert appointment.date is None and appointment.rule == ""
