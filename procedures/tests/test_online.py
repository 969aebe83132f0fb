"""Online means online (issue 15): the component classification, which procedures can take a
dossier, and the editor, agency and importer guards that keep the advertised set equal to it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from agencies.models import Agency
from procedures.constants import ComponentMode
from procedures.models import DossierComponent
from procedures.online import acceptance_problems, classify_component, receiving_units

from .factories import make_agency, make_procedure


@pytest.mark.parametrize(
    ("name", "quantity", "originals", "copies", "mode"),
    [
        ("Tờ khai đăng ký khai sinh", "Bản chính: 1", 1, 0, ComponentMode.REQUIRED),
        ("Văn bản ủy quyền (nếu ủy quyền)", "Bản chính: 1", 1, 0, ComponentMode.OPTIONAL),
        ("Tài liệu, chứng cứ liên quan (nếu có)", "", 0, 1, ComponentMode.OPTIONAL),
        ("Giấy tờ chứng minh quan hệ (trường hợp nhập hộ người thân)", "", 0, 1, ComponentMode.OPTIONAL),
        ("Giấy chứng nhận cũ (chỉ khi cấp đổi)", "", 1, 0, ComponentMode.OPTIONAL),
        (
            "Giấy tờ chứng minh chỗ ở (không cần nộp nếu đã có trong cơ sở dữ liệu)",
            "",
            0,
            1,
            ComponentMode.OPTIONAL,
        ),
        # An alternative is still required.
        (
            "Giấy chứng sinh; trường hợp không có thì văn bản của người làm chứng",
            "",
            1,
            0,
            ComponentMode.REQUIRED,
        ),
        ("Sổ hộ khẩu", "Xuất trình bản chính", 0, 0, ComponentMode.IN_PERSON),
        ("Giấy tờ tùy thân — xuất trình khi nhận kết quả", "", 0, 0, ComponentMode.IN_PERSON),
        (
            "Giấy tờ tùy thân — chỉ xuất trình khi nộp trực tiếp; nộp trực tuyến thì thông tin lấy từ CSDL",
            "Xuất trình bản chính",
            0,
            0,
            ComponentMode.NOT_ASKED,
        ),
        (
            "Không phải nộp giấy tờ: chỉ xuất trình khi thông tin sai",
            "Không phải nộp",
            0,
            0,
            ComponentMode.NOT_ASKED,
        ),
        ("Giấy tờ khác", "", 0, 0, ComponentMode.NOT_ASKED),
        ("Khong dau (neu co)", "", 1, 0, ComponentMode.OPTIONAL),
    ],
)
def test_classify_component(name, quantity, originals, copies, mode):
    assert classify_component(name, quantity, originals, copies) == mode


def test_editor_override_wins_over_the_text():
    component = DossierComponent(name="Văn bản ủy quyền (nếu có)", originals=1)
    assert component.effective_online_mode == ComponentMode.OPTIONAL
    component.online_mode = ComponentMode.REQUIRED
    assert component.effective_online_mode == ComponentMode.REQUIRED


pytestmark = pytest.mark.django_db


def test_receiving_units_own_code_or_the_communes_of_a_generic_agency(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    department = make_agency(code="000.00.12.H56")
    assert receiving_units(make_procedure(implementing_agency=department)) == [department]
    communes = make_agency(name="Ủy ban nhân dân xã, phường")
    a = make_agency(name="UBND phường A", parent=communes, code="000.00.41.H56")
    b = make_agency(name="UBND xã B", parent=communes, code="000.00.42.H56")
    make_agency(name="UBND xã C chưa có mã", parent=communes)
    make_agency(name="UBND xã D đã sáp nhập", parent=communes, code="000.00.43.H56", valid_to="2020-01-01")
    assert receiving_units(make_procedure(implementing_agency=communes)) == [a, b]
    centre = make_agency(slug="trung-tam", code="000.00.01.H56")
    settings.DOSSIER_RECEIVING_UNIT = "trung-tam"
    assert receiving_units(make_procedure(implementing_agency=communes)) == [centre]


def test_acceptance_problems_say_why(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    assert "Chưa chọn cơ quan thực hiện" in " ".join(acceptance_problems(make_procedure()))
    nameless = make_agency(name="Sở Không Mã")
    problems = " ".join(acceptance_problems(make_procedure(implementing_agency=nameless)))
    assert "Sở Không Mã" in problems and "mã định danh" in problems
    coded = make_agency(code="000.00.12.H56")
    assert acceptance_problems(make_procedure(implementing_agency=coded)) == []
    assert acceptance_problems(make_procedure(implementing_agency=coded, status="abolished"))


def _edit_levels(client, page, agency, level: str):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "code": page.code,
            "official_name": page.official_name,
            "online_level": level,
            "legacy_level": "",
            "status": "active",
            "implementing_agency": agency.pk,
            "levels": [],
            "channels": inline_formset([]),
            "components": inline_formset([]),
            "documents": inline_formset([]),
            "results": inline_formset([]),
            "legal_bases": inline_formset([]),
            "action-publish": "1",
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_editor_gets_the_message_in_the_admin(client, settings, django_user_model):
    settings.DOSSIER_RECEIVING_UNIT = ""
    admin = django_user_model.objects.create_superuser("qt", "qt@example.invalid", "x")
    client.force_login(admin)
    agency = make_agency(name="Sở Chưa Có Mã")
    page = make_procedure(implementing_agency=agency)
    response = _edit_levels(client, page, agency, "full")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chưa thể đánh dấu thủ tục là dịch vụ công trực tuyến" in body and "Sở Chưa Có Mã" in body
    page.refresh_from_db()
    assert page.online_level == "none"


def test_editor_cannot_mark_full_online_without_a_signing_key(client, settings, django_user_model, tmp_path):
    from signing.services import ensure_demo_key

    settings.DOSSIER_RECEIVING_UNIT = ""
    settings.SIGNING_DIR = tmp_path / "signing"
    client.force_login(django_user_model.objects.create_superuser("qt", "qt@example.invalid", "x"))
    agency = make_agency(name="Sở Có Mã", code="000.00.12.H56")
    page = make_procedure(implementing_agency=agency)
    body = _edit_levels(client, page, agency, "full").content.decode()
    assert "toàn trình (mức độ 4)" in body and "chưa có khóa ký số" in body
    assert _edit_levels(client, page, agency, "partial").status_code == 302  # một phần is fine
    ensure_demo_key(agency)
    assert _edit_levels(client, page, agency, "full").status_code == 302
    page.refresh_from_db()
    assert page.online_level == "full"


def test_agency_code_must_be_real_shaped_and_unique():
    agency = Agency(name="Sở A", slug="so-a", code="000.00.00.H00")
    with pytest.raises(ValidationError) as caught:
        agency.full_clean()
    assert "giữ chỗ" in str(caught.value)
    agency.code = "12.H56"
    with pytest.raises(ValidationError):
        agency.full_clean()
    agency.code = "000.00.12.H56"
    agency.full_clean()
    agency.save()
    twin = Agency(name="Sở B", slug="so-b", code="000.00.12.H56")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert "đã dùng" in str(caught.value)


def test_agency_cannot_lose_its_code_while_it_alone_receives_online_procedures(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    agency = make_agency(name="Sở C", code="000.00.12.H56")
    page = make_procedure(implementing_agency=agency, online_level="full")
    agency.code = ""
    with pytest.raises(ValidationError) as caught:
        agency.full_clean()
    assert page.code in str(caught.value)
    page.online_level = "none"
    page.save_revision().publish()
    agency.full_clean()  # no online procedure depends on it any more


def test_check_online_lists_and_fixes_stranded_procedures(settings, capsys, tmp_path):
    from signing.services import ensure_demo_key

    settings.DOSSIER_RECEIVING_UNIT = ""
    settings.SIGNING_DIR = tmp_path / "signing"
    ok = make_procedure(implementing_agency=make_agency(code="000.00.12.H56"), online_level="full")
    ensure_demo_key(ok.implementing_agency)
    stranded = make_procedure(
        implementing_agency=make_agency(name="Sở D"), online_level="partial", legacy_level="3"
    )
    with pytest.raises(CommandError):
        call_command("check_online")
    assert stranded.code in capsys.readouterr().out
    call_command("check_online", "--fix")
    stranded.refresh_from_db()
    ok.refresh_from_db()
    assert (stranded.online_level, stranded.legacy_level) == ("none", "2")
    assert "Hạ mức độ" in stranded.import_notes[-1]
    assert ok.online_level == "full"
    call_command("check_online")
    # the record said online, the agency now has a code: --fix advertises it
    held = make_procedure(implementing_agency=make_agency(name="Sở F"), record_online_level="full")
    held.implementing_agency.code = "000.00.19.H56"
    held.implementing_agency.save()
    ensure_demo_key(held.implementing_agency)
    capsys.readouterr()
    call_command("check_online")
    assert f"{held.code} " in capsys.readouterr().out
    call_command("check_online", "--fix")
    held.refresh_from_db()
    assert held.online_level == "full"


@override_settings(DOSSIER_RECEIVING_UNIT="")
def test_paused_form_is_refused_while_the_procedure_is_online():
    from forms.models import OnlineForm

    page = make_procedure(implementing_agency=make_agency(code="000.00.12.H56"), online_level="full")
    form = OnlineForm.objects.create(procedure=page)
    form.is_active = False
    with pytest.raises(ValidationError) as caught:
        form.clean()
    assert "is_active" in caught.value.message_dict


def test_full_online_needs_a_signed_result_and_online_payment(settings, capsys, tmp_path):
    """Toàn trình is advertised only where the result can be signed and, when there is a fee, paid
    online: check_online --fix lowers it to một phần, and raises it back once both work."""
    from signing.services import ensure_demo_key

    settings.DOSSIER_RECEIVING_UNIT = ""
    settings.SIGNING_DIR = tmp_path / "signing"
    agency = make_agency(name="Sở G", code="000.00.21.H56")
    page = make_procedure(implementing_agency=agency, online_level="full", legacy_level="4",
                          record_online_level="full", record_legacy_level="4",
                          channels=[{"kind": "online", "fee_amount": 50000, "fee_text": "50.000 đồng"}])  # fmt: skip
    with pytest.raises(CommandError):
        call_command("check_online")
    assert "chưa có khóa ký số" in capsys.readouterr().out
    call_command("check_online", "--fix")
    page.refresh_from_db()
    assert (page.online_level, page.legacy_level) == ("partial", "3")
    ensure_demo_key(agency)
    settings.PAYMENT_PROVIDER = ""
    call_command("check_online", "--fix")
    page.refresh_from_db()
    assert page.online_level == "partial"  # the fee cannot be paid online yet
    settings.PAYMENT_PROVIDER = "vnpay"
    call_command("check_online", "--fix")
    page.refresh_from_db()
    assert (page.online_level, page.legacy_level) == ("full", "4")
