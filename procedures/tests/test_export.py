"""export_procedures: the detailed JSON Lines format, and import → export → import without changes."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from procedures.importer import import_files
from procedures.models import ProcedurePage
from procedures.tests.test_import_records import defence_record, detailed_record, index_record, write_jsonl

# engine: import and export round trips go through the importer's raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]

# Keys of the national file and of the defence file that the importer keeps.
EXPORTED_KEYS = {
    "ma_thu_tuc",
    "ten_thu_tuc",
    "linh_vuc",
    "cap_thuc_hien",
    "loai_thu_tuc",
    "so_quyet_dinh_cong_bo",
    "co_quan_ban_hanh",
    "co_quan_thuc_hien",
    "co_quan_co_tham_quyen",
    "co_quan_duoc_uy_quyen",
    "co_quan_phoi_hop",
    "dia_chi_tiep_nhan",
    "doi_tuong_thuc_hien",
    "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien",
    "thoi_han_giai_quyet",
    "phi_le_phi",
    "thanh_phan_ho_so",
    "mau_don_to_khai",
    "can_cu_phap_ly_text",
    "can_cu_phap_ly",
    "yeu_cau_dieu_kien",
    "ket_qua_thuc_hien",
    "ket_qua_thuc_hien_text",
    "tu_khoa",
    "mo_ta",
    "muc_do_dvc",
    "url",
    "nguon",
    "cong_thong_tin",  # the portal's own values (procedures/exporter.py)
}


def varied_records() -> list[dict]:
    """Records covering the variations of the real files and of index lists."""
    no_channel_table = detailed_record(
        "1.000300",
        cach_thuc_thuc_hien=[],
        thoi_han_giai_quyet=["15 Ngày"],
        phi_le_phi=["Miễn phí"],
    )
    more_results_than_rows = detailed_record(
        "1.000301",
        ket_qua_thuc_hien_text="Quyết định giải quyết khiếu nạiMã: KQ.G01.00262Văn bản trả lời khác",
    )
    return [
        detailed_record("1.000178"),
        no_channel_table,
        more_results_than_rows,
        defence_record("1.013124"),
        index_record("1.012275.H36"),
        index_record(
            "2.000063.000.00.00.H36", muc_do_dvc="Mức độ 4", cap_thuc_hien=["Cấp huyện", "Cấp tỉnh"]
        ),
        index_record("1.000500", muc_do_dvc="Còn lại", co_quan_thuc_hien=""),
    ]


def export_text() -> str:
    out = io.StringIO()
    err = io.StringIO()
    call_command("export_procedures", stdout=out, stderr=err)
    assert err.getvalue().strip() == f"exported={ProcedurePage.objects.count()}"
    return out.getvalue()


def test_export_writes_the_detailed_format(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", varied_records())])
    lines = export_text().splitlines()
    assert len(lines) == 7
    records = {record["ma_thu_tuc"]: record for record in map(json.loads, lines)}
    for record in records.values():
        assert set(record) == EXPORTED_KEYS
    national = records["1.000178"]
    assert national["cap_thuc_hien"] == ["Cấp bộ", "Cấp tỉnh"]
    assert national["cach_thuc_thuc_hien"][2]["thoi_han_phi_dinh_lien"] == "120 VNĐ(20.000 vnđ /tờ khai)"
    assert national["thoi_han_giai_quyet"] == ["60 Ngày làm việc", "1"]
    assert national["thanh_phan_ho_so"][0]["mau_don"] == ["M01.docx"]
    assert national["tu_khoa"] == "khiếu nại" and national["muc_do_dvc"] is None
    assert records["1.013124"]["can_cu_phap_ly"][0]["so_ky_hieu"] == "12"
    assert records["2.000063.000.00.00.H36"]["muc_do_dvc"] == "Mức độ 4"
    assert records["1.000500"]["muc_do_dvc"] == "Còn lại"
    assert records["1.000300"]["cach_thuc_thuc_hien"][0]["thoi_han"] == "15 Ngày"


def test_import_export_import_round_trips_without_changes(tmp_path):
    first = import_files([write_jsonl(tmp_path / "a.jsonl", varied_records())])
    assert (first.imported, first.errors) == (7, [])
    # an index over a detailed page, and an editor's change, both part of what is exported
    import_files([write_jsonl(tmp_path / "b.jsonl", [index_record("1.000178", muc_do_dvc="Toàn trình")])])
    page = ProcedurePage.objects.get(code="1.013124")
    page.keywords = "tràn dầu, ứng phó sự cố"
    page.save_revision().publish()

    exported = tmp_path / "export.jsonl"
    exported.write_text(export_text(), encoding="utf-8")
    revisions = Revision.objects.count()
    second = import_files([exported])
    assert (second.imported, second.updated, second.unchanged, second.errors) == (0, 0, 7, [])
    assert Revision.objects.count() == revisions

    # and the catalog exports to the very same text again
    assert export_text() == exported.read_text(encoding="utf-8")


def test_export_to_a_file(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record()])])
    out = io.StringIO()
    target = tmp_path / "catalog.jsonl"
    call_command("export_procedures", "--output", str(target), stdout=out)
    assert out.getvalue().splitlines()[-1] == "exported=1"
    assert json.loads(target.read_text(encoding="utf-8"))["ma_thu_tuc"] == "1.000178"
