"""The importer on small, hand-written records: mapping, bad records, dry run, idempotency, merges."""

import io
import json
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signals import page_published

from agencies.models import Agency
from procedures.constants import ChannelKind, ImplementationLevel, LegacyLevel, OnlineLevel, TimeUnit
from procedures.importer import import_files
from procedures.importer.pages import snapshot
from procedures.models import Field, ProcedureIndexPage, ProcedurePage
from procedures.permissions import REVIEW_WORKFLOW_NAME

# engine: the importer's bulk path sends raw SQL (procedures/importer/bulk.py) (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]

FINAL_LINE = re.compile(r"^imported=\d+ updated=\d+ unchanged=\d+ errors=\d+$")


def detailed_record(code="1.000178", **overrides) -> dict:
    """A detailed record shaped like the national file, with its usual variations."""
    record = {
        "ma_thu_tuc": code,
        "ten_thu_tuc": f"Giải quyết khiếu nại lần đầu ({code})",
        "linh_vuc": "Khiếu nại, tố cáo",
        "cap_thuc_hien": ["Cấp bộ", "Cấp Tỉnh"],
        "loai_thu_tuc": "TTHC được luật giao quy định chi tiết",
        "so_quyet_dinh_cong_bo": "QĐ/0001-BCA",
        "co_quan_ban_hanh": "Bộ Công an",
        "bo_nganh_thu_muc_nguon": "bo-cong-an",
        "co_quan_thuc_hien": "Thanh tra Bộ",
        "co_quan_co_tham_quyen": "Bộ Công an",
        "co_quan_duoc_uy_quyen": "",
        "co_quan_phoi_hop": "",
        "dia_chi_tiep_nhan": "",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "trinh_tu_thuc_hien": "Bước 1: Nộp đơn.\nBước 2: Thụ lý.",
        "cach_thuc_thuc_hien": [
            {
                "hinh_thuc_nop": "Trực tiếp",
                "thoi_han": "60 Ngày làm việc",
                "phi_le_phi": "Miễn phí",
                "mo_ta": "",
            },
            {
                "hinh_thuc_nop": "Trực tuyến",
                "thoi_han": "1",
                "phi_le_phi": "Lệ phí : 50.000 Đồng",
                "mo_ta": "x",
            },
            {
                "hinh_thuc_nop": "Dịch vụ bưu chính",
                "thoi_han": "",
                "phi_le_phi": "",
                "mo_ta": "",
                "thoi_han_phi_dinh_lien": "120 VNĐ(20.000 vnđ /tờ khai)",
            },
        ],
        "cach_thuc_thuc_hien_raw": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp60 Ngày làm việcMiễn phí",
        "thoi_han_giai_quyet": ["60 Ngày làm việc", "1"],
        "phi_le_phi": ["Miễn phí", "Lệ phí : 50.000 Đồng"],
        "thanh_phan_ho_so": [
            {
                "nhom": "",
                "ten_giay_to": "Đơn khiếu nại",
                "so_luong": "1 bản chính,1 bản sao",
                "mau_don": ["M01.docx"],
            },
            {
                "nhom": "* Lưu ý:",
                "ten_giay_to": "Giấy tờ tùy thân",
                "so_luong": "20241 bản chính",
                "mau_don": [],
            },
        ],
        "mau_don_to_khai": ["M01.docx"],
        "can_cu_phap_ly_text": "Luật Khiếu nại 02/2011/QH13",
        "yeu_cau_dieu_kien": "Không",
        "ket_qua_thuc_hien": [
            {"ten_ket_qua": "Quyết định giải quyết khiếu nại", "ma_ket_qua": "KQ.G01.00262"}
        ],
        "ket_qua_thuc_hien_text": "Quyết định giải quyết khiếu nạiMã: KQ.G01.00262Từ khóakhiếu nạiMô tảKhông có thông tin",
        "thu_tuc_lien_quan": "",
        "muc_do_dvc": None,
        "url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc",
        "formality_id": "",
        "nguon": "github.com/chatbot-tthc/chatbot_tthc",
    }
    record.update(overrides)
    return record


def defence_record(code="1.013124", **overrides) -> dict:
    record = detailed_record(code, cap_thuc_hien=["Cấp Bộ"])
    for key in ("cach_thuc_thuc_hien_raw", "bo_nganh_thu_muc_nguon", "formality_id", "thu_tuc_lien_quan"):
        record.pop(key)
    record.pop("can_cu_phap_ly_text")
    record.pop("ket_qua_thuc_hien")
    record.update(
        {
            "cach_thuc_thuc_hien": [
                {
                    "hinh_thuc_nop": "Trực tiếp",
                    "thoi_han": "30 Ngày làm việc",
                    "phi_le_phi": "Phí : 0 Đồng",
                    "mo_ta": "",
                }
            ],
            "thanh_phan_ho_so": [
                {
                    "nhom": "",
                    "ten_giay_to": "Văn bản đề nghị",
                    "so_luong": "Bản chính: 1, Bản sao: 0",
                    "mau_don": [],
                }
            ],
            "can_cu_phap_ly": [
                {
                    "so_ky_hieu": "12",
                    "trich_yeu": "Quyết định số 12/2021/QĐ-TTg",
                    "ngay_ban_hanh": "24-03-2021",
                    "co_quan_ban_hanh": "Thủ tướng Chính phủ",
                }
            ],
            "ket_qua_thuc_hien_text": "Quyết định phê duyệt kế hoạch.",
            "tu_khoa": "",
            "mo_ta": "",
            "nguon_file_goc": f"ChiTietTTHC_{code}.doc",
        }
    )
    record.update(overrides)
    return record


def index_record(code="1.012275.H36", **overrides) -> dict:
    record = {
        "ma_thu_tuc": code,
        "ma_chuan_quoc_gia": code.split(".H")[0],
        "ten_thu_tuc": "Đăng ký hành nghề",
        "linh_vuc": "Khám bệnh, chữa bệnh",
        "co_quan_thuc_hien": "Sở, ban ngành",
        "cap_thuc_hien": ["Cấp tỉnh"],
        "muc_do_dvc": "Một phần",
        "tinh": "Lâm Đồng",
        "nguon": "github.com/baobuiquang/DVC_SearchAssistant_V2",
    }
    record.update(overrides)
    return record


def write_jsonl(path, records) -> str:
    lines = [
        record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run_command(*args, fails: bool = False) -> list[str]:
    """The command's output; `fails`: some records fail, so the command exits non-zero."""
    out = io.StringIO()
    if fails:
        with pytest.raises(CommandError, match="bản ghi không nhập được"):
            call_command("import_procedures", *args, stdout=out)
    else:
        call_command("import_procedures", *args, stdout=out)
    return out.getvalue().splitlines()


def section(lines: list[str], heading: str) -> list[str]:
    """The indented lines under the heading `heading (N):` of the command's output."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{heading} ("))
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        body.append(line.strip())
    return body


# --- mapping of a detailed record --------------------------------------------------------------
def test_detailed_record_is_mapped_to_the_page_and_its_rows(tmp_path):
    report = import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record()])])
    assert (report.imported, report.errors) == (1, [])
    page = ProcedurePage.objects.get(code="1.000178")
    assert page.live and page.slug == "1-000178"
    assert page.get_parent().specific_class is ProcedureIndexPage
    assert page.official_name == page.title == "Giải quyết khiếu nại lần đầu (1.000178)"
    assert page.field.name == "Khiếu nại, tố cáo" and page.field.slug == "khieu-nai-to-cao"
    assert page.implementing_agency.name == page.implementing_agency_text == "Thanh tra Bộ"
    assert page.competent_agency.name == "Bộ Công an"
    assert sorted(level.code for level in page.levels.all()) == [
        ImplementationLevel.MINISTRY,
        ImplementationLevel.PROVINCE,
    ]
    assert page.online_level == OnlineLevel.NONE and page.legacy_level == LegacyLevel.NONE
    assert page.source_url.startswith("https://dichvucong.gov.vn/")
    assert page.source_label == "github.com/chatbot-tthc/chatbot_tthc"
    assert page.legal_basis_text == "Luật Khiếu nại 02/2011/QH13"
    assert page.requirements == "Không"

    direct, online, postal = page.channels.all()
    assert (direct.kind, direct.time_limit_value, direct.time_limit_unit, direct.fee_amount) == (
        ChannelKind.DIRECT,
        Decimal(60),
        TimeUnit.WORKING_DAYS,
        0,
    )
    assert (online.kind, online.time_limit_text, online.time_limit_value, online.fee_amount) == (
        ChannelKind.ONLINE,
        "1",
        None,
        50_000,
    )
    assert (postal.kind, postal.unsplit_text, postal.fee_amount) == (
        ChannelKind.POSTAL,
        "120 VNĐ(20.000 vnđ /tờ khai)",
        None,
    )
    form, papers = page.components.all()
    assert (form.originals, form.copies, form.form_name) == (1, 1, "M01.docx")
    assert (papers.group, papers.originals, papers.quantity_text) == ("* Lưu ý:", None, "20241 bản chính")
    assert [(r.name, r.code) for r in page.results.all()] == [
        ("Quyết định giải quyết khiếu nại", "KQ.G01.00262")
    ]
    # the glued text only repeated the rows; its "Từ khóa…Mô tả…" tail became keywords
    assert page.results_text == "" and page.keywords == "khiếu nại" and page.description == ""
    assert [d.title for d in page.documents.all()] == ["M01.docx"]

    notes = " | ".join(page.import_notes)
    assert "không có đơn vị" in notes and "dính liền" in notes and "bất thường" in notes
    assert {problem.message for problem in report.notes} >= set(page.import_notes)
    assert page.missing_info == [] and report.incomplete == []


def test_defence_record_legal_basis_rows(tmp_path):
    import_files([write_jsonl(tmp_path / "d.jsonl", [defence_record()])])
    page = ProcedurePage.objects.get(code="1.013124")
    [basis] = page.legal_bases.all()
    assert (basis.number, basis.issued_on, basis.issuer) == ("12", "24-03-2021", "Thủ tướng Chính phủ")
    assert page.legal_basis_text == ""
    assert page.results_text == "Quyết định phê duyệt kế hoạch."
    [channel] = page.channels.all()
    assert channel.fee_amount == 0 and channel.time_limit_unit == TimeUnit.WORKING_DAYS
    [component] = page.components.all()
    assert (component.originals, component.copies) == (1, 0)


def test_long_names_are_cut_for_the_title_only(tmp_path):
    name = "Thủ tục " + "cấp giấy chứng nhận đăng ký hoạt động " * 12
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record(ten_thu_tuc=name)])])
    page = ProcedurePage.objects.get(code="1.000178")
    assert len(page.title) <= 255 and page.title.endswith("…")
    assert page.official_name == name.strip()


def test_bulk_created_pages_keep_wagtail_semantics(tmp_path, client):
    records = [detailed_record(f"1.00{n:04d}") for n in range(5)]
    import_files([write_jsonl(tmp_path / "a.jsonl", records)])
    index = ProcedureIndexPage.objects.get()
    pages = list(ProcedurePage.objects.order_by("path"))
    assert len(pages) == 5 and index.get_children().count() == 5
    assert Page.find_problems() == ([], [], [], [], [])
    assert Page.objects.get(pk=index.pk).numchild == 5
    for page in pages:
        assert page.url_path == f"{index.url_path}{page.slug}/"
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id is not None
        assert page.first_published_at and page.last_published_at
        revision = page.latest_revision
        assert snapshot(revision.as_object()) == snapshot(page)
        actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert actions == {"wagtail.create", "wagtail.publish"}
        assert ReferenceIndex.get_references_for_object(page).filter(model_path="field").exists()
        # ProcedurePage.save() derives nothing new from what the importer wrote
        before = (page.base_code, page.missing_info, page.official_name)
        page.save()
        assert (page.base_code, page.missing_info, page.official_name) == before
    response = client.get(pages[0].url)
    assert response.status_code == 200
    assert ProcedurePage.objects.live().search("khiếu nại")


# --- bad records ----------------------------------------------------------------------------------
def test_bad_records_are_reported_with_line_numbers_and_the_rest_imported(tmp_path):
    path = write_jsonl(
        tmp_path / "bad.jsonl",
        [
            detailed_record("1.000001"),
            '{"ma_thu_tuc": "1.000002", "ten_thu_tuc": "cắt ngang',  # line 2: not JSON
            detailed_record("", ten_thu_tuc="Không có mã"),  # line 3
            detailed_record("1.000004", ten_thu_tuc=""),  # line 4
            detailed_record("1.000005", cach_thuc_thuc_hien="Trực tiếp"),  # line 5: wrong type
            detailed_record("1.000006", ten_thu_tuc=12345),  # line 6: wrong type
            "[1, 2, 3]",  # line 7: not an object
            detailed_record("1.000008"),
        ],
    )
    lines = run_command(path, fails=True)
    assert lines[-1] == "imported=2 updated=0 unchanged=0 errors=6"
    errors = section(lines, "Lỗi")
    assert [error.split(":")[1].split(" ")[0] for error in errors] == ["2", "3", "4", "5", "6", "7"]
    text = "\n".join(errors)
    assert "không phải JSON hợp lệ" in text
    assert "thiếu mã thủ tục" in text
    assert "thiếu tên thủ tục" in text
    assert "cach_thuc_thuc_hien" in text and "danh sách" in text
    assert "phải là chuỗi" in text
    assert set(ProcedurePage.objects.values_list("code", flat=True)) == {"1.000001", "1.000008"}


def test_a_record_failing_while_written_leaves_no_half_written_page(tmp_path):
    """A failure after the page rows were written (here a publish listener refusing one code)
    rolls back that record only: no page, revision or row of it remains; the others are saved."""

    def refuse(sender, instance, **kwargs):
        if instance.code == "1.000002":
            raise ValueError("từ chối để kiểm thử")

    page_published.connect(refuse, sender=ProcedurePage)
    try:
        report = import_files(
            [write_jsonl(tmp_path / "a.jsonl", [detailed_record(f"1.00000{n}") for n in (1, 2, 3)])]
        )
    finally:
        page_published.disconnect(refuse, sender=ProcedurePage)
    assert (report.imported, len(report.errors)) == (2, 1)
    assert report.errors[0].where == "a.jsonl:2" and "từ chối để kiểm thử" in report.errors[0].message
    assert set(ProcedurePage.objects.values_list("code", flat=True)) == {"1.000001", "1.000003"}
    assert not Page.objects.filter(slug="1-000002").exists()
    assert Revision.objects.filter(object_str__contains="1.000002").count() == 0
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_failing_update_keeps_the_previous_version(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record()])])
    page = ProcedurePage.objects.get()
    revisions = Revision.objects.count()

    def refuse(sender, instance, **kwargs):
        raise ValueError("từ chối để kiểm thử")

    page_published.connect(refuse, sender=ProcedurePage)
    try:
        changed = detailed_record(trinh_tu_thuc_hien="Bước 1: khác.", thanh_phan_ho_so=[])
        report = import_files([write_jsonl(tmp_path / "b.jsonl", [changed])])
    finally:
        page_published.disconnect(refuse, sender=ProcedurePage)
    assert (report.updated, len(report.errors)) == (0, 1)
    page.refresh_from_db()
    assert page.steps.startswith("Bước 1: Nộp đơn.") and page.components.count() == 2
    assert Revision.objects.count() == revisions


def test_missing_file_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không tìm thấy tệp"):
        run_command(str(tmp_path / "missing.jsonl"))


# --- duplicates, test rows, code-only lists --------------------------------------------------------
def test_duplicates_and_test_rows_are_reported_not_imported(tmp_path):
    path = write_jsonl(
        tmp_path / "langson.jsonl",
        [
            index_record("2.000815", ten_thu_tuc="Thủ tục test", nghi_ngo_ban_ghi_thu_nghiem=True),
            index_record("TEST_MOT_CAP", ten_thu_tuc="Test nộp hồ sơ"),
            index_record("1.000045.000.00.00.H37", muc_do_dvc="Mức độ 1"),
            index_record("1.000045.000.00.00.H37 ", muc_do_dvc="Một phần"),  # same code, trailing space
            index_record("1.010061 .000.00.00.H37"),
        ],
    )
    report = import_files([path])
    assert (report.imported, len(report.errors)) == (2, 0)
    skipped = {problem.where: problem.message for problem in report.skipped}
    assert "thử nghiệm" in skipped["langson.jsonl:1"] and "thử nghiệm" in skipped["langson.jsonl:2"]
    assert "trùng mã với dòng 3" in skipped["langson.jsonl:4"]
    assert not ProcedurePage.objects.filter(code__in=["2.000815", "TEST_MOT_CAP"]).exists()
    page = ProcedurePage.objects.get(code="1.000045.000.00.00.H37")
    assert (page.online_level, page.legacy_level) == (OnlineLevel.NONE, LegacyLevel.LEVEL_1)
    assert ProcedurePage.objects.filter(code="1.010061.000.00.00.H37").exists()
    assert any("chuẩn hóa" in problem.message for problem in report.notes)


def test_a_code_list_without_names_updates_known_codes_and_skips_the_rest(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record("3.000442", cap_thuc_hien=[])])])
    commune = [
        {"ma_thu_tuc": "3.000442", "linh_vuc": "Biển và hải đảo", "co_trong_file": "x",
         "ten_thu_tuc_tu_file_khac": "Sửa đổi quyết định giao khu vực biển", "cap_thuc_hien_tu_file_khac": ["Cấp xã"],
         "don_vi": "UBND xã", "nguon": "github.com/x"},
        {"ma_thu_tuc": "1.013855", "linh_vuc": "An toàn thực phẩm", "co_trong_file": None,
         "ten_thu_tuc_tu_file_khac": None, "cap_thuc_hien_tu_file_khac": None, "don_vi": "UBND xã", "nguon": "x"},
    ]  # fmt: skip
    report = import_files([write_jsonl(tmp_path / "commune.jsonl", commune)])
    assert (report.imported, report.updated, len(report.errors), len(report.skipped)) == (0, 1, 0, 1)
    assert "không có tên" in report.skipped[0].message
    page = ProcedurePage.objects.get(code="3.000442")
    # an index fills what is empty and never replaces detailed content
    assert [level.code for level in page.levels.all()] == [ImplementationLevel.COMMUNE]
    assert page.field.name == "Khiếu nại, tố cáo"
    assert page.official_name == "Giải quyết khiếu nại lần đầu (3.000442)"
    assert page.channels.count() == 3
    assert not ProcedurePage.objects.filter(code="1.013855").exists()


# --- index over detail, detail over index ----------------------------------------------------------
def test_index_record_over_a_detailed_page_updates_only_what_it_carries(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record("1.012275")])])
    page = ProcedurePage.objects.get()
    before = snapshot(page)
    revisions = page.revisions.count()
    report = import_files(
        [
            write_jsonl(
                tmp_path / "b.jsonl",
                [index_record("1.012275", ten_thu_tuc="Tên khác", muc_do_dvc="Toàn trình")],
            )
        ]
    )
    assert report.updated == 1
    page = ProcedurePage.objects.get()
    assert page.record_online_level == OnlineLevel.FULL
    assert page.online_level == OnlineLevel.NONE  # "Thanh tra Bộ" has no code: not advertised online
    assert page.official_name == "Giải quyết khiếu nại lần đầu (1.012275)"
    assert page.implementing_agency_text == "Thanh tra Bộ" and page.field.name == "Khiếu nại, tố cáo"
    assert page.channels.count() == 3 and page.components.count() == 2 and page.steps
    assert page.revisions.count() == revisions + 1 and page.live_revision_id == page.latest_revision_id
    changed = [a != b for a, b in zip(before[0], snapshot(page)[0], strict=True)]
    assert sum(changed) == 1  # the record's online level only
    # the same index again changes nothing
    again = import_files(
        [write_jsonl(tmp_path / "c.jsonl", [index_record("1.012275", muc_do_dvc="Toàn trình")])]
    )
    assert (again.updated, again.unchanged) == (0, 1)
    # a detailed record without an online level keeps the one the index gave
    import_files([write_jsonl(tmp_path / "d.jsonl", [detailed_record("1.012275")])])
    assert ProcedurePage.objects.get().record_online_level == OnlineLevel.FULL


def test_online_level_of_a_record_is_advertised_once_its_agency_can_receive(tmp_path, settings):
    from agencies.models import Agency
    from signing.services import ensure_demo_key

    settings.SIGNING_DIR = tmp_path / "signing"
    agency = Agency.objects.create(name="Thanh tra Bộ", slug="thanh-tra-bo", code="000.00.00.G12")
    ensure_demo_key(agency)  # the result can be signed: toàn trình is honoured
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record("1.012276", muc_do_dvc="Toàn trình")])])
    page = ProcedurePage.objects.get()
    assert page.implementing_agency.code == "000.00.00.G12"
    assert (page.online_level, page.record_online_level) == (OnlineLevel.FULL, OnlineLevel.FULL)


def test_a_full_online_record_is_advertised_partial_while_its_result_cannot_be_signed(tmp_path):
    from agencies.models import Agency

    Agency.objects.create(name="Thanh tra Bộ", slug="thanh-tra-bo", code="000.00.00.G12")
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record("1.012276", muc_do_dvc="Toàn trình")])])
    page = ProcedurePage.objects.get()
    assert (page.online_level, page.record_online_level) == (OnlineLevel.PARTIAL, OnlineLevel.FULL)


def test_detailed_record_over_an_index_page_fills_it(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [index_record("1.000178", muc_do_dvc="Mức độ 4")])])
    page = ProcedurePage.objects.get()
    assert page.implementing_agency is None and page.implementing_agency_text == "Sở, ban ngành"
    assert (page.record_online_level, page.record_legacy_level) == (OnlineLevel.FULL, LegacyLevel.LEVEL_4)
    assert (page.online_level, page.legacy_level) == (OnlineLevel.NONE, LegacyLevel.LEVEL_2)
    assert "steps" in page.missing_info
    report = import_files([write_jsonl(tmp_path / "b.jsonl", [detailed_record("1.000178")])])
    assert report.updated == 1
    page = ProcedurePage.objects.get()
    assert page.steps and page.channels.count() == 3 and page.missing_info == []
    assert page.implementing_agency.name == "Thanh tra Bộ"
    assert (page.record_online_level, page.record_legacy_level) == (OnlineLevel.FULL, LegacyLevel.LEVEL_4)


# --- idempotency, updates, dry run ----------------------------------------------------------------
def test_reimport_is_unchanged_and_writes_nothing(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl", [detailed_record(f"1.00000{n}") for n in range(4)] + [defence_record()]
    )
    first = import_files([path])
    assert first.imported == 5
    counts = (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        Field.objects.count(),
        Agency.objects.count(),
    )
    second = import_files([path])
    assert (second.imported, second.updated, second.unchanged, len(second.errors)) == (0, 0, 5, 0)
    assert counts == (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        Field.objects.count(),
        Agency.objects.count(),
    )


def test_a_changed_record_becomes_a_new_published_revision(tmp_path):
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record()])])
    page = ProcedurePage.objects.get()
    url_path, first_revision = page.url_path, page.latest_revision_id
    changed = detailed_record()
    changed["cach_thuc_thuc_hien"][0]["thoi_han"] = "45 Ngày"
    report = import_files([write_jsonl(tmp_path / "b.jsonl", [changed])])
    assert (report.updated, report.unchanged) == (1, 0)
    page = ProcedurePage.objects.get()
    assert page.live and page.url_path == url_path
    assert page.latest_revision_id != first_revision and page.live_revision_id == page.latest_revision_id
    assert (
        page.channels.first().time_limit_value == 45
        and page.channels.first().time_limit_unit == TimeUnit.DAYS
    )
    assert page.revisions.count() == 2


def test_an_agency_link_set_by_an_editor_survives_a_reimport(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [detailed_record()])
    import_files([path])
    page = ProcedurePage.objects.get()
    real = Agency.objects.create(name="Thanh tra Bộ Công an", slug="thanh-tra-bo-cong-an")
    page.implementing_agency = real
    page.save_revision().publish()
    assert import_files([path]).unchanged == 1
    assert ProcedurePage.objects.get().implementing_agency == real


def test_dry_run_changes_nothing(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [detailed_record(), index_record()])
    counts = (Page.objects.count(), Revision.objects.count(), Field.objects.count(), Agency.objects.count())
    lines = run_command(path, "--dry-run")
    assert lines[-1] == "imported=2 updated=0 unchanged=0 errors=0"
    assert any("Chạy thử" in line for line in lines)
    assert counts == (
        Page.objects.count(),
        Revision.objects.count(),
        Field.objects.count(),
        Agency.objects.count(),
    )
    assert not ProcedurePage.objects.exists()


def test_index_page_is_created_once_under_the_home_page(tmp_path):
    ProcedureIndexPage.objects.all().delete()
    import_files([write_jsonl(tmp_path / "a.jsonl", [detailed_record()])])
    import_files([write_jsonl(tmp_path / "b.jsonl", [detailed_record("1.000179")])])
    index = ProcedureIndexPage.objects.get()
    assert (index.title, index.slug, index.live) == ("Thủ tục hành chính", "thu-tuc-hanh-chinh", True)
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.get_children().count() == 2
    # An imported catalog is under the review workflow at once, with no extra command.
    page = ProcedurePage.objects.get(code="1.000179")
    assert page.get_workflow().name == REVIEW_WORKFLOW_NAME


# --- the command's output -------------------------------------------------------------------------
def test_command_output_ends_with_the_summary_line_and_lists_incomplete_records(tmp_path):
    incomplete = detailed_record("1.000099", trinh_tu_thuc_hien="", thanh_phan_ho_so=[])
    path = write_jsonl(tmp_path / "a.jsonl", [detailed_record(), incomplete])
    lines = run_command(path)
    assert FINAL_LINE.match(lines[-1]) and lines[-1] == "imported=2 updated=0 unchanged=0 errors=0"
    listed = [line for line in lines if line.strip().startswith("1.000099")]
    assert listed and "Trình tự thực hiện" in listed[0] and "Thành phần hồ sơ" in listed[0]
    assert not [line for line in lines if line.strip().startswith("1.000178 —")]

    report_file = tmp_path / "report.txt"
    lines = run_command(path, "--report", str(report_file))
    assert lines[-1] == "imported=0 updated=0 unchanged=2 errors=0"
    assert "1.000099" in report_file.read_text(encoding="utf-8")
    assert not any(line.strip().startswith("1.000099") for line in lines)


# --- what the run tells other apps (procedures.signals) ---------------------------------------------
def test_a_run_sends_catalog_imported_once_with_the_pages_it_wrote(tmp_path):
    from procedures.signals import catalog_import_started, catalog_imported

    calls = []

    def started(sender, **kwargs):
        calls.append(("started", kwargs["dry_run"]))

    def imported(sender, **kwargs):
        calls.append(("imported", kwargs["page_ids"], kwargs["dry_run"], kwargs["failed"]))

    catalog_import_started.connect(started)
    catalog_imported.connect(imported)
    try:
        path = write_jsonl(tmp_path / "a.jsonl", [detailed_record(), detailed_record("1.000179")])
        import_files([path])
        pages = frozenset(ProcedurePage.objects.values_list("pk", flat=True))
        assert len(pages) == 2
        assert calls == [("started", False), ("imported", pages, False, False)]
        calls.clear()
        import_files([path])  # unchanged: no page written
        assert calls == [("started", False), ("imported", frozenset(), False, False)]
    finally:
        catalog_import_started.disconnect(started)
        catalog_imported.disconnect(imported)


def test_the_importer_imports_neither_search_nor_home():
    """search and home subscribe to procedures.signals; the importer does not call them."""
    import ast
    from pathlib import Path

    import procedures.importer

    for path in Path(procedures.importer.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in {"search", "home"}, f"{path.name} imports {name}"
