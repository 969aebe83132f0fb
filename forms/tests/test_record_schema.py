"""A submission for every online procedure, built from its national record (issue 15, item 1)."""

import pytest

from forms.constants import RECEIVING_UNIT_KEY
from forms.models import OnlineForm
from forms.schema import build_schema, localized_schema
from forms.services import active_form_for, sync_upload_slots
from procedures.tests.factories import make_agency, make_document, make_procedure

pytestmark = pytest.mark.django_db

COMPONENTS = [
    {
        "name": "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "originals": 1,
        "copies": 0,
        "form_name": "Mẫu CT01",
    },
    {"name": "Giấy tờ chứng minh chỗ ở hợp pháp", "originals": 0, "copies": 1},
    {"name": "Văn bản ủy quyền (nếu ủy quyền nộp thay)", "originals": 1},
    {"name": "Sổ tạm trú cũ", "quantity_text": "Xuất trình bản chính", "originals": 0, "copies": 0},
    {
        "name": "Giấy tờ tùy thân — chỉ xuất trình khi nộp trực tiếp; nộp trực tuyến thì xác thực điện tử",
        "quantity_text": "Xuất trình bản chính",
    },
]


@pytest.fixture
def record_procedure(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    template = make_document("Mẫu CT01", name="ct01.docx")
    components = [dict(row) for row in COMPONENTS]
    components[0]["form_document"] = template
    return make_procedure(
        title="Đăng ký tạm trú",
        implementing_agency=make_agency(code="000.00.30.H56"),
        online_level="full",
        components=components,
    )


def test_an_online_procedure_without_a_form_gets_one_built_from_its_record(record_procedure):
    assert not OnlineForm.objects.filter(procedure=record_procedure).exists()
    form = active_form_for(record_procedure)
    assert form is not None and form.is_active and not form.upload_slots.exists()
    assert active_form_for(record_procedure) == form  # made once
    schema = build_schema(form)
    assert [step["key"] for step in schema["steps"]] == ["nguoi-nop"]
    uploads = {u["label"]: u for u in schema["uploads"]}
    assert list(uploads) == [
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "Giấy tờ chứng minh chỗ ở hợp pháp",
        "Văn bản ủy quyền (nếu ủy quyền nộp thay)",
    ]  # in-person and not-asked components are not uploads
    declaration = uploads["Tờ khai thay đổi thông tin cư trú (Mẫu CT01)"]
    assert declaration["required"] and "1 bản chính" in declaration["help_text"]
    assert declaration["template"]["title"] == "Mẫu CT01" and "/ct01" in declaration["template"]["url"]
    assert uploads["Giấy tờ chứng minh chỗ ở hợp pháp"]["required"]
    assert "1 bản sao" in uploads["Giấy tờ chứng minh chỗ ở hợp pháp"]["help_text"]
    assert not uploads["Văn bản ủy quyền (nếu ủy quyền nộp thay)"]["required"]
    assert [item["label"] for item in schema["in_person"]] == ["Sổ tạm trú cũ"]
    assert schema["receiving_units"] == [
        {"slug": record_procedure.implementing_agency.slug, "name": record_procedure.implementing_agency.name,
         "code": "000.00.30.H56", "address": ""}
    ]  # fmt: skip


def test_editor_override_of_a_component_changes_the_submission(record_procedure):
    form = active_form_for(record_procedure)
    component = record_procedure.components.get(name="Văn bản ủy quyền (nếu ủy quyền nộp thay)")
    component.online_mode = "required"
    component.save()
    assert next(u for u in build_schema(form)["uploads"] if u["label"] == component.name)["required"]
    component.online_mode = "not_asked"
    component.save()
    assert component.name not in [u["label"] for u in build_schema(form)["uploads"]]


def test_a_structured_form_built_by_an_editor_wins(record_procedure):
    form = OnlineForm.objects.create(
        procedure=record_procedure,
        steps=[{"type": "step", "value": {"title": "Nơi tạm trú", "intro": "", "fields": [
            {"label": "Địa chỉ tạm trú", "name": "dia_chi", "kind": "text", "required": True}]}}],
    )  # fmt: skip
    assert sync_upload_slots(form=form) == 3  # only the components asked for online
    form.upload_slots.filter(component__name__startswith="Giấy tờ chứng minh").update(
        label="Hợp đồng thuê nhà"
    )
    schema = build_schema(form)
    assert [step["key"] for step in schema["steps"]] == ["nguoi-nop", "buoc-1"]
    assert "Hợp đồng thuê nhà" in [u["label"] for u in schema["uploads"]]
    assert all(u["key"].startswith("slot-") for u in schema["uploads"])
    assert active_form_for(record_procedure) == form


def test_a_procedure_not_marked_online_or_that_cannot_receive_takes_no_dossier(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    coded = make_agency(code="000.00.12.H56")
    assert active_form_for(make_procedure(implementing_agency=coded)) is None  # not marked online
    page = make_procedure(implementing_agency=make_agency(name="Sở E"))
    page.online_level = "full"  # as stale data would have it, bypassing the editor's check
    page.save()
    assert active_form_for(page) is None
    assert not OnlineForm.objects.filter(procedure=page).exists()


def test_the_citizen_chooses_the_commune_of_a_generic_agency(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    communes = make_agency(name="Ủy ban nhân dân xã, phường")
    make_agency(name="UBND phường Tân An", parent=communes, code="000.00.42.H56")
    make_agency(name="UBND xã Bến Lức", parent=communes, code="000.00.44.H56")
    page = make_procedure(implementing_agency=communes, online_level="full", components=COMPONENTS[:1])
    schema = build_schema(active_form_for(page))
    field = schema["steps"][0]["fields"][0]
    assert field["key"] == RECEIVING_UNIT_KEY and field["required"]
    assert field["choices"] == ["UBND phường Tân An", "UBND xã Bến Lức"]
    from django.utils import translation

    with translation.override("en"):
        assert localized_schema(schema)["steps"][0]["fields"][0]["label"] == "Where to submit"
