"""The validators of Vietnamese data (core.validators), with their Vietnamese messages."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.validators import normalize_phone, validate_citizen_id, validate_phone


@pytest.mark.parametrize(
    "raw", ["0912345678", "091 234 5678", "+84 912 345 678", "84912345678", "0387.654.321", "02763812345"]
)
def test_valid_phone_numbers(raw):
    validate_phone(raw)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0912abc678", "phone_chars"),
        ("091234567", "phone_invalid"),
        ("0112345678", "phone_invalid"),
        ("09123456789", "phone_invalid"),
    ],
)
def test_invalid_phone_numbers(raw, code):
    with pytest.raises(ValidationError) as exc:
        validate_phone(raw)
    assert exc.value.code == code
    assert "Số điện thoại" in exc.value.messages[0]


def test_phone_is_normalised():
    assert normalize_phone("+84 912-345-678") == "0912345678"


def test_valid_citizen_id():
    validate_citizen_id("080190001234")  # Long An, male born 1990
    validate_citizen_id("079305001234", date_of_birth=date(2005, 3, 1))  # HCMC, female born 2005


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("08019000123", "cid_length"),
        ("0801900012345", "cid_length"),
        ("08019000123a", "cid_length"),
        ("003190001234", "cid_province"),  # 003 is not a province code
        ("080299001234", "cid_year"),  # born 2099
    ],
)
def test_invalid_citizen_ids(raw, code):
    with pytest.raises(ValidationError) as exc:
        validate_citizen_id(raw, today=date(2025, 6, 1))
    assert exc.value.code == code


def test_citizen_id_must_match_the_year_of_birth():
    with pytest.raises(ValidationError) as exc:
        validate_citizen_id("080190001234", date_of_birth=date(1991, 1, 1))
    assert exc.value.code == "cid_birth_year"
