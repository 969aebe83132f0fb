"""The demo roadmap: the project's transcription of Decision 1396, linked to fitting demo procedures."""

import datetime

import pytest

from procedures.constants import OnlineLevel
from roadmap.constants import LinkOrigin, Tier
from roadmap.demo import ILLUSTRATIVE, load_demo_roadmap
from roadmap.demo_data import decision_1396_2015 as decision
from roadmap.models import ItemProcedureLink, ProcedureLevelRecord, Roadmap
from roadmap.services import level_on

from .factories import make_agency, make_procedure

pytestmark = pytest.mark.django_db


def test_transcription_has_the_decisions_52_items_without_number_25():
    data = decision.as_import_data()
    province = [i for i in data["items"] if i["tier"] == "province"]
    assert len(data["items"]) == 52 and len(province) == 34
    assert 25 not in {i["number"] for i in province}
    assert {t["by_end_of"] for t in data["targets"]} == {2015, 2018, 2020}


def test_demo_loader_links_fitting_procedures_and_is_idempotent():
    make_agency("Sở Kế hoạch và Đầu tư")
    birth = make_procedure("Đăng ký khai sinh", online_level=OnlineLevel.FULL)
    marriage = make_procedure("Đăng ký kết hôn", online_level=OnlineLevel.PARTIAL)
    make_procedure("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", online_level=OnlineLevel.PARTIAL)
    unrelated = make_procedure("Công nhận báo cáo viên pháp luật")

    summary = load_demo_roadmap()
    roadmap = Roadmap.objects.get(number="1396/QĐ-UBND")
    assert summary["items"] == 52 and summary["import"] == "imported=52 updated=0 unchanged=0 errors=0"
    assert roadmap.items.get(tier=Tier.PROVINCE, number=12).agency.name == "Sở Kế hoạch và Đầu tư"
    civil = roadmap.items.get(tier=Tier.DISTRICT, number=2)
    assert set(civil.links.values_list("procedure_id", flat=True)) == {birth.pk, marriage.pk}
    assert set(ItemProcedureLink.objects.values_list("origin", flat=True)) == {LinkOrigin.DEMO}
    assert not ItemProcedureLink.objects.filter(procedure=unrelated).exists()
    # Illustrative history: level 2 in 2015, the current level from 2018 (the item's demo year).
    assert level_on(birth, datetime.date(2017, 12, 31)).level43 == 2
    assert level_on(birth, datetime.date(2018, 12, 31)).level43 == 4
    assert ProcedureLevelRecord.objects.filter(procedure=unrelated, note=ILLUSTRATIVE).count() == 1

    again = load_demo_roadmap()
    assert again["import"] == "imported=0 updated=0 unchanged=52 errors=0"
    assert (again["links_created"], again["history_records"]) == (0, 0)
