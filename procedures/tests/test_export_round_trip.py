"""Export, then import: nothing changes, nothing is lost (issue 19, item 3), for pages an editor made
(not only for pages the importer made: tests/test_import_ministries.py covers those on the national
files). The national format has no key for some values the portal keeps; they travel under
`cong_thong_tin` (procedures/exporter.py)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from forms.models import OnlineForm
from forms.services import sync_upload_slots
from procedures.constants import LegacyLevel, OnlineLevel
from procedures.importer import import_files
from procedures.importer.pages import snapshot
from procedures.models import ProcedurePage

from .factories import make_full_procedure

# engine: the importer's bulk path sends raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def edited(settings, tmp_path):
    """A page as editors leave it: a short title, a channel with a number but an empty label, a
    document asked for in person online, no link to a competent agency although its text names one,
    an online form whose upload slots point at the documents."""
    settings.MEDIA_ROOT = tmp_path
    page = make_full_procedure(official_name="Thủ tục đăng ký khai sinh", competent_agency=None,
                               competent_agency_text="Ủy ban nhân dân xã Tân Phú",
                               online_level=OnlineLevel.NONE, legacy_level=LegacyLevel.LEVEL_2)  # fmt: skip
    channels = list(page.channels.all())
    channels[0].label, channels[0].time_limit_value, channels[0].time_limit_unit = "", 1, "working_days"
    page.channels = channels
    components = list(page.components.all())
    for component in components:
        if component.name == "Giấy chứng sinh":
            component.online_mode = "in_person"
    page.components = components
    page.save_revision().publish()
    form = OnlineForm.objects.create(procedure=page)
    sync_upload_slots(form=form)
    return ProcedurePage.objects.get(pk=page.pk)


def _export(tmp_path) -> list[dict]:
    path = tmp_path / "export.jsonl"
    call_command("export_procedures", "--output", str(path), stdout=io.StringIO())
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(tmp_path, records) -> object:
    path = tmp_path / "again.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _state(page: ProcedurePage) -> tuple:
    page = ProcedurePage.objects.get(pk=page.pk)
    rows = tuple(page.components.values_list("pk", "name", "online_mode", "form_document_id"))
    documents = tuple(page.documents.values_list("title", "document_id"))
    slots = tuple(page.online_form.upload_slots.order_by("sort_order").values_list("component_id", flat=True))
    return snapshot(page), rows, documents, slots, page.import_notes, page.competent_agency_id


def test_an_export_imported_again_changes_nothing_and_loses_nothing(edited, tmp_path):
    before, revisions = _state(edited), Revision.objects.count()
    assert before[3] and all(before[3])  # the slots name their documents
    assert ("Giấy chứng sinh", "in_person") in [(name, mode) for _pk, name, mode, _doc in before[1]]
    report = import_files([_write(tmp_path, _export(tmp_path))])
    assert (report.imported, report.updated, report.unchanged, report.errors) == (0, 0, 1, [])
    assert _state(edited) == before
    assert Revision.objects.count() == revisions
    page = ProcedurePage.objects.get(pk=edited.pk)
    assert page.title == "Đăng ký khai sinh" and page.official_name == "Thủ tục đăng ký khai sinh"


def test_a_changed_record_keeps_the_documents_rows_their_files_and_the_upload_slots(edited, tmp_path):
    before = _state(edited)
    records = _export(tmp_path)
    records[0]["trinh_tu_thuc_hien"] = "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả."
    report = import_files([_write(tmp_path, records)])
    assert (report.updated, report.errors) == (1, [])
    after = _state(edited)
    assert after[1:] == before[1:]  # same document rows (ids), modes, files, slots, notes, links
    page = ProcedurePage.objects.get(pk=edited.pk)
    assert page.steps.startswith("Bước 1: Nộp hồ sơ.")
    labels = [slot.display_label for slot in page.online_form.upload_slots.order_by("sort_order")]
    assert "Giấy tờ" not in labels and len(set(labels)) == len(labels)


def test_a_national_record_keeps_the_editors_online_mode(edited, tmp_path):
    records = _export(tmp_path)
    del records[0]["cong_thong_tin"]  # as the national database writes it
    records[0]["trinh_tu_thuc_hien"] = "Bước 1: Nộp hồ sơ."
    import_files([_write(tmp_path, records)])
    page = ProcedurePage.objects.get(pk=edited.pk)
    assert page.components.get(name="Giấy chứng sinh").online_mode == "in_person"


@pytest.mark.parametrize(
    "portal_values",
    [
        {"cach_thuc": [{"so": "-3"}]},
        {"thanh_phan": [{"ban_chinh": "hai"}]},
        {"cach_thuc": "không phải danh sách"},
        {"cach_thuc": [{"phi": "NaN"}]},
        "không phải đối tượng",
    ],
)
def test_bad_portal_values_are_refused_with_a_message_and_change_nothing(edited, tmp_path, portal_values):
    before = _state(edited)
    records = _export(tmp_path)
    records[0]["cong_thong_tin"] = portal_values
    records[0]["trinh_tu_thuc_hien"] = "Đã sửa"
    report = import_files([_write(tmp_path, records)])
    assert report.updated == 0 and len(report.errors) == 1
    assert "cong_thong_tin" in str(report.errors[0]) and "again.jsonl:1" in str(report.errors[0])
    assert _state(edited) == before


def test_the_command_fails_when_a_record_fails(edited, tmp_path):
    """A run with failed records exits non-zero (CommandError), after importing the others and
    printing each failure with its file, line and column."""
    good = _export(tmp_path)[0]
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n" + '{"ma_thu_tuc": "1.000002", "ten": "Cấp lại", }\n'
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 bản ghi không nhập được"):
        call_command("import_procedures", str(path), stdout=out)
    printed = out.getvalue()
    assert "mixed.jsonl:2" in printed and "cột 46" in printed
    assert "unchanged=1" in printed


def test_the_demo_catalog_round_trips(settings, tmp_path):
    """The demo `make run` loads: exported and imported again, every page unchanged."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    pages = {page.pk: snapshot(page) for page in ProcedurePage.objects.all()}
    records = _export(tmp_path)
    report = import_files([_write(tmp_path, records)])
    assert (report.imported, report.updated, report.unchanged, report.errors) == (0, 0, len(pages), [])
    assert {page.pk: snapshot(page) for page in ProcedurePage.objects.all()} == pages
