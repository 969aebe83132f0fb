"""Level history: records from publication, manual records in the past, the state on any date."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from procedures.constants import LegacyLevel, OnlineLevel, ProcedureStatus
from procedures.models import ProcedureChannel
from roadmap.constants import LevelSource
from roadmap.levels import level43, level43_expression
from roadmap.models import ProcedureLevelRecord
from roadmap.services import level_on, levels_on, sync_level_records

from .factories import make_agency, make_procedure, set_level

pytestmark = pytest.mark.django_db
D = datetime.date


def test_publishing_a_procedure_records_its_level_and_completeness():
    page = make_procedure("Đăng ký khai sinh", online_level=OnlineLevel.PARTIAL)
    record = ProcedureLevelRecord.objects.get(procedure=page)
    assert record.source == LevelSource.PUBLISH
    assert record.effective_date == timezone.localdate()
    assert (record.online_level, record.complete, record.in_force) == (OnlineLevel.PARTIAL, True, True)
    assert record.missing_info == []


def test_republishing_without_a_change_adds_nothing_and_a_change_adds_a_record():
    page = make_procedure(online_level=OnlineLevel.PARTIAL)
    page.save_revision().publish()
    assert ProcedureLevelRecord.objects.filter(procedure=page).count() == 1
    page.online_level = OnlineLevel.FULL
    page.save_revision().publish()
    assert list(
        ProcedureLevelRecord.objects.filter(procedure=page)
        .order_by("id")
        .values_list("online_level", flat=True)
    ) == [OnlineLevel.PARTIAL, OnlineLevel.FULL]


def test_completeness_comes_from_the_one_definition():
    page = make_procedure(complete=False)
    record = level_on(page, timezone.localdate())
    assert record.complete is False
    assert set(record.missing_info) >= {"steps", "channels", "components", "applicants", "result"}
    # Filling the gaps and publishing makes it complete.
    page.steps, page.applicants = "Bước 1", "Tổ chức"
    page.channels = [ProcedureChannel(time_limit_text="3 ngày")]
    page.components.add(page.components.model(name="Đơn"))
    page.results.add(page.results.model(name="Giấy phép"))
    page.implementing_agency = make_agency()
    page.save_revision().publish()
    assert level_on(page, timezone.localdate()).complete is True


def test_unpublishing_records_the_procedure_as_not_in_force():
    page = make_procedure()
    page.unpublish()
    assert level_on(page, timezone.localdate()).in_force is False


def test_abolished_status_is_recorded_as_not_in_force():
    page = make_procedure()
    page.status = ProcedureStatus.ABOLISHED
    page.save_revision().publish()
    assert level_on(page, timezone.localdate()).in_force is False


def test_a_procedure_raised_to_level_3_in_2018_is_at_level_3_in_2018_not_2017():
    page = make_procedure()
    set_level(page, D(2016, 1, 1), legacy_level=LegacyLevel.LEVEL_2)
    set_level(page, D(2018, 6, 1), legacy_level=LegacyLevel.LEVEL_3)
    assert level_on(page, D(2015, 12, 31)) is None
    assert level_on(page, D(2017, 12, 31)).level43 == 2
    assert level_on(page, D(2018, 5, 31)).level43 == 2
    assert level_on(page, D(2018, 6, 1)).level43 == 3
    assert level_on(page, D(2018, 12, 31)).level43 == 3


def test_levels_on_gives_one_row_per_procedure_in_the_database():
    a, b, c = make_procedure(), make_procedure(), make_procedure()
    set_level(a, D(2017, 1, 1), legacy_level="2")
    set_level(a, D(2018, 1, 1), legacy_level="3")
    set_level(a, D(2018, 1, 1), legacy_level="4")  # same day, recorded later: wins
    set_level(b, D(2019, 1, 1), legacy_level="3")
    rows = {r.procedure_id: r.legacy_level for r in levels_on(D(2018, 12, 31))}
    assert rows == {a.pk: "4"}
    rows = {r.procedure_id: r.legacy_level for r in levels_on(D(2019, 1, 1))}
    assert rows == {a.pk: "4", b.pk: "3"}
    assert c.pk in {r.procedure_id for r in levels_on(timezone.localdate())}


def test_manual_records_cannot_be_dated_in_the_future():
    page = make_procedure()
    record = ProcedureLevelRecord(
        procedure=page,
        effective_date=timezone.localdate() + datetime.timedelta(days=1),
        complete=True,
        source=LevelSource.MANUAL,
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "effective_date" in error.value.message_dict


def test_sync_records_pages_written_without_publishing_once():
    page = make_procedure(publish=False)
    page.live = True
    page.save()
    assert not ProcedureLevelRecord.objects.filter(procedure=page).exists()
    assert sync_level_records() == 1
    assert sync_level_records() == 0
    assert ProcedureLevelRecord.objects.get(procedure=page).source == LevelSource.IMPORT


@pytest.mark.parametrize(
    "online,legacy",
    list(itertools.product(OnlineLevel.values, LegacyLevel.values)),
)
def test_python_and_sql_level_mapping_agree(online, legacy):
    page = make_procedure()
    record = set_level(page, D(2020, 1, 1), online_level=online, legacy_level=legacy)
    sql = ProcedureLevelRecord.objects.annotate(level=level43_expression()).get(pk=record.pk).level
    assert sql == level43(online, legacy)


def test_level_mapping_prefers_the_2022_field_and_infers_the_2011_level():
    assert level43(OnlineLevel.FULL, "") == 4
    assert level43(OnlineLevel.PARTIAL, "2") == 3
    assert level43(OnlineLevel.NONE, "4") == 4
    assert level43(OnlineLevel.NONE, "other") == 0
