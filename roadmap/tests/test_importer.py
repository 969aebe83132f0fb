"""import_roadmap: the shared file (52 items), idempotency, bad records reported with reasons."""

import copy
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conftest import shared_file
from roadmap.constants import Comparison, ItemKind, TargetKind, Tier
from roadmap.importer import RoadmapImportError, import_roadmap_data
from roadmap.models import Roadmap, RoadmapItem

from .factories import make_agency

pytestmark = pytest.mark.django_db

SMALL = {
    "decision": {
        "number": "99/QĐ-UBND",
        "date": "2016-03-01",
        "issuer": "Ủy ban nhân dân tỉnh",
        "title": "Lộ trình thử",
        "period": [2016, 2020],
        "monitor": "Sở Thông tin và Truyền thông",
    },
    "targets": [
        {"by_end_of": 2016, "level2_share_min": 1.0, "level3_count_min": 10},
        {"from": 2017, "by_end_of": 2020, "level3_share_min": 0.3, "strict": ["level3_share"]},
        {"from": 2017, "by_end_of": 2020, "level4_share_min": 0.03, "level4_share_max": 0.05},
    ],
    "items": [
        {"tier": "province", "number": 1, "service": "Đăng ký kinh doanh", "start_year": 2016, "end_year": 2020,
         "target_levels": [4], "agency": "Sở Kế hoạch và Đầu tư"},
        {"tier": "district", "number": 1, "service": "Các thủ tục cấp giấy phép xây dựng", "start_year": 2016,
         "end_year": 2020, "target_levels": [3, 4], "agency": "UBND cấp huyện"},
    ],
}  # fmt: skip


def run(path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_roadmap", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.shared_data
def test_shared_file_imports_52_items_then_nothing_changes():
    path = shared_file("roadmap/decision-1396-2015.json")
    out, _ = run(path)
    assert out.strip().splitlines()[-1] == "imported=52 updated=0 unchanged=0 errors=0"
    roadmap = Roadmap.objects.get(number="1396/QĐ-UBND")
    assert roadmap.items.count() == 52
    assert roadmap.items.filter(tier=Tier.PROVINCE).count() == 34
    assert not roadmap.items.filter(tier=Tier.PROVINCE, number=25).exists()
    kinds = {(t.kind, t.period_end) for t in roadmap.targets.all()}
    assert (TargetKind.LEVEL3_COUNT, 2015) in kinds
    assert (TargetKind.ONE_STOP_SHARE, 2020) in kinds
    assert (TargetKind.LEVEL4_COUNT, 2018) in kinds  # "thí điểm mức độ 4"
    revisions = roadmap.items.first().revisions.count()
    out, _ = run(path)
    assert out.strip().splitlines()[-1] == "imported=0 updated=0 unchanged=52 errors=0"
    assert roadmap.items.first().revisions.count() == revisions


def test_targets_shares_in_percent_with_comparison():
    report = import_roadmap_data(copy.deepcopy(SMALL))
    targets = {t.kind: t for t in report.roadmap.targets.all()}
    assert targets[TargetKind.LEVEL2_COMPLETE_SHARE].threshold == Decimal("100.00")
    assert targets[TargetKind.LEVEL3_COUNT].threshold == Decimal(10)
    assert targets[TargetKind.LEVEL3_SHARE].comparison == Comparison.MORE_THAN
    level4 = targets[TargetKind.LEVEL4_SHARE]
    assert (level4.comparison, level4.threshold, level4.threshold_max) == (
        Comparison.BETWEEN,
        Decimal("3.00"),
        Decimal("5.00"),
    )
    assert targets[TargetKind.LEVEL2_COMPLETE_SHARE].period_start == 2016


def test_agencies_resolved_by_name_kinds_inferred_and_changes_counted():
    agency = make_agency("Sở Kế hoạch và Đầu tư")
    report = import_roadmap_data(copy.deepcopy(SMALL))
    assert (report.imported, report.updated, report.unchanged, len(report.errors)) == (2, 0, 0, 0)
    business = RoadmapItem.objects.get(tier=Tier.PROVINCE, number=1)
    assert business.agency == agency and business.kind == ItemKind.SERVICE and business.min_level == 4
    group = RoadmapItem.objects.get(tier=Tier.DISTRICT, number=1)
    assert group.agency is None and group.agency_text == "UBND cấp huyện" and group.kind == ItemKind.GROUP
    assert [ref for ref, _ in report.warnings] == ["#2 (district 1)"]

    changed = copy.deepcopy(SMALL)
    changed["items"][1]["end_year"] = 2019
    report = import_roadmap_data(changed)
    assert (report.imported, report.updated, report.unchanged) == (0, 1, 1)
    group.refresh_from_db()
    assert group.end_year == 2019
    assert group.revisions.count() == 2


def test_bad_records_are_reported_with_reasons_and_the_rest_is_saved():
    data = copy.deepcopy(SMALL)
    good = data["items"][0]
    data["items"] += [
        {**good, "number": 2, "service": ""},
        {**good, "number": 3, "tier": "ministry"},
        {**good, "number": "bốn"},
        {**good, "number": 5, "start_year": 2019, "end_year": 2017},
        {**good, "number": 6, "target_levels": [2]},
        {**good, "number": 7, "start_year": 2010},
        {**good},  # duplicate of #1
        "not an object",
        {**good, "number": 8, "service": "Cấp phép hoạt động in"},
    ]
    report = import_roadmap_data(data)
    reasons = dict(report.errors)
    assert report.summary_line() == "imported=3 updated=0 unchanged=0 errors=8"
    assert "thiếu tên dịch vụ" in reasons["#3 (province 2)"]
    assert "cấp (tier) không hợp lệ" in reasons["#4 (ministry 3)"]
    assert "số thứ tự" in reasons["#5 (province bốn)"]
    assert "sau năm kết thúc" in reasons["#6 (province 5)"]
    assert "mức độ mục tiêu không hợp lệ" in reasons["#7 (province 6)"]
    assert "ngoài giai đoạn" in reasons["#8 (province 7)"]
    assert "trùng" in reasons["#9 (province 1)"]
    assert "không phải một đối tượng" in reasons["#10"]
    assert RoadmapItem.objects.filter(number=8).exists()


def test_command_prints_errors_and_the_final_line(tmp_path):
    data = copy.deepcopy(SMALL)
    data["items"].append({"tier": "province", "number": 9})
    path = tmp_path / "lo-trinh.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = run(path)
    assert out.strip().splitlines()[-1] == "imported=2 updated=0 unchanged=0 errors=1"
    assert "lỗi #3 (province 9): thiếu tên dịch vụ" in err


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "không phải JSON hợp lệ"),
        ("[]", "không có mục “decision”"),
        ('{"decision": {"number": "1/QĐ", "date": "22/4/2015", "period": [2015, 2020]}}', "Ngày quyết định"),
        ('{"decision": {"number": "1/QĐ", "date": "2015-04-22", "period": [2020, 2015]}}', "Giai đoạn"),
        ('{"decision": {"number": "1/QĐ", "date": "2015-04-22", "period": [2015, 2020]}, '
         '"targets": [{"by_end_of": 2015, "level3_share_min": 30}]}', "Mục tiêu thứ 1"),
    ],
)  # fmt: skip
def test_unreadable_files_fail_with_a_vietnamese_message_and_import_nothing(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(path)
    assert message in str(error.value)
    assert not Roadmap.objects.exists()


def test_missing_file():
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        run("/nonexistent/roadmap.json")


def test_decision_errors_raise_before_anything_is_written():
    with pytest.raises(RoadmapImportError):
        import_roadmap_data({"decision": {"number": ""}})
    assert not Roadmap.objects.exists()
