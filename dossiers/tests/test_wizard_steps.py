"""Every validation rule of the wizard's step forms (dossiers.forms.steps), with its Vietnamese message."""

import pytest

from dossiers.forms.steps import step_form_class
from forms.schema import applicant_step


def _form(fields, data):
    step = {"key": "buoc-1", "title": "Bước", "intro": "", "fields": fields}
    return step_form_class(step)(data=data, prefix="buoc-1")


def spec(kind, key="x", label="Trường", required=True, **extra):
    return {
        "key": key,
        "label": label,
        "kind": kind,
        "required": required,
        "help_text": "",
        "choices": [],
        **extra,
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (spec("text"), "", "Vui lòng nhập “Trường”."),
        (spec("text", max_length=5), "quá dài rồi", "5"),
        (spec("textarea"), "", "Vui lòng nhập"),
        (spec("number"), "mười", "Vui lòng nhập một số"),
        (spec("number", min_value=1), "0", "1"),
        (spec("number", max_value=10), "11", "10"),
        (spec("date"), "31/02/2024", "Ngày không hợp lệ"),
        (spec("choice", choices=["Có", "Không"]), "Có thể", "Vui lòng chọn một giá trị trong danh sách."),
        (spec("checkbox"), "", "Vui lòng đánh dấu “Trường”."),
        (spec("email"), "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ"),
        (spec("phone"), "12345", "Số điện thoại không hợp lệ"),
        (spec("citizen_id"), "1234", "12 chữ số"),
    ],
)
def test_each_field_kind_rejects_bad_input_with_a_vietnamese_message(field, value, message):
    form = _form([field], {"buoc-1-x": value})
    assert not form.is_valid()
    assert message in " ".join(form.errors["x"])


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (spec("number"), "12,5", "12.5"),
        (spec("number"), "1.000.000", "1000000"),
        (spec("date"), "25/12/1990", "1990-12-25"),
        (spec("date"), "1990-12-25", "1990-12-25"),
        (spec("phone"), "+84 912 345 678", "0912345678"),
        (spec("citizen_id"), "0801 9000 1234", "080190001234"),
        (spec("choice", choices=["Có", "Không"]), "Không", "Không"),
    ],
)
def test_each_field_kind_accepts_and_normalises_good_input(field, value, expected):
    form = _form([field], {"buoc-1-x": value})
    assert form.is_valid(), form.errors
    assert form.answers()[0].value == expected


def test_optional_fields_may_stay_empty():
    fields = [
        spec(kind, key=kind, required=False)
        for kind in ("text", "number", "date", "email", "phone", "citizen_id")
    ]
    assert _form(fields, {}).is_valid()


def test_address_commune_must_belong_to_the_province():
    from forms.addresses import commune_choices

    hanoi_commune = commune_choices("1")[0][0]
    form = _form(
        [spec("address", key="dc")],
        {"buoc-1-dc__province": "80", "buoc-1-dc__commune": hanoi_commune, "buoc-1-dc__street": "Số 1"},
    )
    assert not form.is_valid()
    assert "không thuộc Tây Ninh" in form.errors["dc__commune"][0]
    # the commune list now offers Tây Ninh's communes (no JavaScript needed)
    offered = [value for value, _label in form.fields["dc__commune"].widget.choices]
    assert commune_choices("80")[0][0] in offered and hanoi_commune not in offered


def test_address_requires_its_three_parts():
    form = _form([spec("address", key="dc")], {})
    assert not form.is_valid()
    assert set(form.errors) == {"dc__province", "dc__commune", "dc__street"}
    assert form.errors["dc__province"] == ["Vui lòng chọn tỉnh/thành phố."]


def test_applicant_step_checks_id_against_birth_year():
    form_class = step_form_class(applicant_step())
    from forms.addresses import commune_choices

    data = {
        "nguoi-nop-full_name": "Trần Văn An",
        "nguoi-nop-date_of_birth": "1985-01-01",
        "nguoi-nop-citizen_id": "080190001234",
        "nguoi-nop-phone": "0912345678",
        "nguoi-nop-email": "an@example.vn",
        "nguoi-nop-address__province": "80",
        "nguoi-nop-address__commune": commune_choices("80")[0][0],
        "nguoi-nop-address__street": "Ấp 3",
    }
    form = form_class(data=data, prefix="nguoi-nop")
    assert not form.is_valid()
    assert "năm sinh 1985" in form.errors["citizen_id"][0]
