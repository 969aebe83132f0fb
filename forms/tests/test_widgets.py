"""QuickSelect writes the markup of Django's Select (whitespace between tags aside), escaped."""

import re

import pytest
from django import forms

from forms.widgets import QuickSelect

FLAT = [("", "— Chọn —"), ("80", "Tây Ninh & <b>"), ("79", "Hồ Chí Minh")]
GROUPED = [("", "— Chọn —"), ('Nhóm "A"', [("1", "một"), ("2", "hai")])]


def _tight(html: str) -> str:
    return re.sub(r">\s+<", "><", html)


@pytest.mark.parametrize("choices", [FLAT, GROUPED])
@pytest.mark.parametrize("value", ["80", "", None, "2", ["1", "2"]])
def test_the_same_markup_as_django(choices, value):
    attrs = {"required": True, "aria-invalid": "true", "disabled": False, "aria-describedby": "x_help"}
    expected = forms.Select(choices=choices, attrs=attrs).render("x", value, attrs={"id": "id_x"})
    assert _tight(
        QuickSelect(choices=choices, attrs=attrs).render("x", value, attrs={"id": "id_x"})
    ) == _tight(expected)
    assert "&lt;b&gt;" in expected or choices is GROUPED


def test_a_bound_form_shows_the_choice_and_the_error_state():
    class Form(forms.Form):
        province = forms.ChoiceField(choices=FLAT, widget=QuickSelect)

    form = Form(data={"province": "12"})
    assert not form.is_valid()
    html = str(form["province"])
    assert 'aria-invalid="true"' in html and "selected" not in html
    assert '<option value="79">Hồ Chí Minh</option>' in str(Form(initial={"province": "80"})["province"])
    assert '<option value="80" selected>' in str(Form(initial={"province": "80"})["province"])
