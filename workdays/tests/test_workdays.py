from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from workdays.constants import DayKind, DaySource
from workdays.models import Holiday
from workdays.services import (
    MAKEUP_NAME,
    add_working_days,
    add_working_hours,
    is_working_day,
    next_working_day,
    seed_holidays,
)

# engine: holidays are found by year (date extraction) (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def calendar_2025():
    seed_holidays(years=[2025, 2026])


def test_plain_week_skips_the_weekend():
    # Thursday 2024-10-10 + 3 working days = Tuesday 2024-10-15 (Sat 12, Sun 13 skipped)
    assert add_working_days(date(2024, 10, 10), 3) == date(2024, 10, 15)
    assert add_working_days(date(2024, 10, 10), 0) == date(2024, 10, 10)
    assert not is_working_day(date(2024, 10, 12)) and not is_working_day(date(2024, 10, 13))
    assert next_working_day(date(2024, 10, 11)) == date(2024, 10, 14)


def test_seeding_creates_tet_and_reunification_holidays_with_vietnamese_names(calendar_2025):
    tet = Holiday.objects.get(date=date(2025, 1, 29))
    assert tet.kind == DayKind.HOLIDAY and "Tết" in tet.name
    assert Holiday.objects.filter(date=date(2025, 4, 30), kind=DayKind.HOLIDAY).exists()
    assert Holiday.objects.filter(date=date(2025, 5, 1), kind=DayKind.HOLIDAY).exists()
    # 2 May 2025 was given off in exchange for working Saturday 26 April 2025
    assert Holiday.objects.get(date=date(2025, 5, 2)).kind == DayKind.HOLIDAY
    assert Holiday.objects.get(date=date(2025, 4, 26)).kind == DayKind.MAKEUP


def test_seeding_is_idempotent_and_keeps_administrators_edits(calendar_2025):
    Holiday.objects.filter(date=date(2025, 9, 2)).update(name="Quốc khánh (đã sửa)")
    count = Holiday.objects.count()
    assert seed_holidays(years=[2025, 2026]) == (0, 0)
    assert Holiday.objects.count() == count
    assert Holiday.objects.get(date=date(2025, 9, 2)).name == "Quốc khánh (đã sửa)"


def test_tet_2025_is_skipped(calendar_2025):
    # Friday 24 Jan 2025; Tết off Mon 27 Jan – Sat 1 Feb; back on Monday 3 Feb.
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)
    assert add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    for day in range(27, 32):
        assert not is_working_day(date(2025, 1, day))


def test_tet_2026_is_skipped(calendar_2025):
    # Friday 13 Feb 2026 + 1 working day: Tết 16–20 Feb, weekend 21–22 → Monday 23 Feb.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_reunification_and_labour_day_2025_with_make_up_saturday(calendar_2025):
    assert is_working_day(date(2025, 4, 26))  # Saturday made a working day
    # Friday 25 Apr + 1 → Saturday 26 Apr (make-up day) ; + 2 → Monday 28 Apr ; + 3 → Tuesday 29 Apr
    assert add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)
    assert add_working_days(date(2025, 4, 25), 3) == date(2025, 4, 29)
    # Tuesday 29 Apr + 1: 30/4, 1/5, 2/5 off, weekend 3–4 May → Monday 5 May
    assert add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)


def test_make_up_saturday_comes_from_the_packages_weekend_workdays():
    """Saturday 4 May 2024 was worked so that Monday 29 April could be taken off (holidays'
    VN calendar, `weekend_workdays`); no holiday name is parsed."""
    import holidays

    assert date(2024, 5, 4) in holidays.country_holidays("VN", years=[2024]).weekend_workdays
    assert seed_holidays(years=[2024])[1] == 1
    saturday = Holiday.objects.get(date=date(2024, 5, 4))
    assert (saturday.kind, saturday.source) == (DayKind.MAKEUP, DaySource.HOLIDAYS_PACKAGE)
    assert saturday.name == MAKEUP_NAME
    assert Holiday.objects.get(date=date(2024, 4, 29)).kind == DayKind.HOLIDAY
    # Friday 26 April + 1 working day: Mon 29 Apr, Tue 30 Apr, Wed 1 May off → Thursday 2 May;
    # Friday 3 May + 1 → the make-up Saturday 4 May.
    assert add_working_days(date(2024, 4, 26), 1) == date(2024, 5, 2)
    assert add_working_days(date(2024, 5, 3), 1) == date(2024, 5, 4)


def test_a_make_up_day_across_the_new_year_is_seeded_with_its_year_only():
    # Saturday 27 Dec 2014 was worked for Friday 2 Jan 2015 off.
    seed_holidays(years=[2025])
    assert not Holiday.objects.filter(date=date(2014, 12, 27)).exists()
    seed_holidays(years=[2015])
    assert Holiday.objects.get(date=date(2014, 12, 27)).kind == DayKind.MAKEUP
    assert Holiday.objects.get(date=date(2015, 1, 2)).kind == DayKind.HOLIDAY


def test_administrators_can_add_a_make_up_day_and_a_holiday():
    Holiday.objects.create(date=date(2024, 10, 12), name="Làm bù", kind=DayKind.MAKEUP)
    Holiday.objects.create(date=date(2024, 10, 14), name="Nghỉ bù", kind=DayKind.HOLIDAY)
    assert add_working_days(date(2024, 10, 11), 1) == date(2024, 10, 12)
    assert add_working_days(date(2024, 10, 11), 2) == date(2024, 10, 15)


def test_working_hours_within_a_day_across_lunch_and_overnight():
    monday_9 = datetime(2024, 10, 14, 9, 0, tzinfo=VN)
    assert add_working_hours(monday_9, 2) == datetime(2024, 10, 14, 11, 0, tzinfo=VN)
    # 09:00 + 4h: 2.5h until 11:30, then 1.5h from 13:00 → 14:30
    assert add_working_hours(monday_9, 4) == datetime(2024, 10, 14, 14, 30, tzinfo=VN)
    # 8 working hours from Friday 16:00 → 1h Friday, 7h from Monday 07:30 → Monday 16:00
    friday_16 = datetime(2024, 10, 18, 16, 0, tzinfo=VN)
    assert add_working_hours(friday_16, 8) == datetime(2024, 10, 21, 16, 0, tzinfo=VN)


def test_eight_working_hours_over_tet(calendar_2025):
    friday = datetime(2025, 1, 24, 15, 0, tzinfo=VN)
    assert add_working_hours(friday, 8) == datetime(2025, 2, 3, 15, 0, tzinfo=VN)


def test_seed_command(capsys):
    call_command("seed_holidays", "2024")
    assert Holiday.objects.filter(date__year=2024).exists()
    assert "ngày nghỉ" in capsys.readouterr().out
