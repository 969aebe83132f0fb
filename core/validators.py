"""Validators for Vietnamese data: phone numbers and 12-digit citizen ID numbers (CCCD)."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AGENCY_CODE_PATTERN",
    "CITIZEN_ID_PROVINCE_CODES",
    "validate_agency_code",
    "normalize_phone",
    "validate_citizen_id",
    "validate_phone",
]

# Province codes that open a 12-digit citizen ID (Circular 07/2016/TT-BCA, the 63 provinces'
# statistical codes before 2025; numbers issued since keep them).
CITIZEN_ID_PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 "
    "036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 "
    "074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")


def normalize_phone(value: str) -> str:
    """`+84 912 345 678` → `0912345678`. Returns the input stripped if it is not phone-shaped."""
    text = _PHONE_SEPARATORS.sub("", (value or "").strip())
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    return text


def validate_phone(value: str) -> None:
    phone = normalize_phone(value)
    if not phone.isdigit():
        raise ValidationError(_("Số điện thoại chỉ gồm chữ số, ví dụ 0912345678."), code="phone_chars")
    if not (_MOBILE.match(phone) or _LANDLINE.match(phone)):
        raise ValidationError(
            _(
                "Số điện thoại không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; "
                "cố định gồm 11 chữ số bắt đầu bằng 02."
            ),
            code="phone_invalid",
        )


def validate_citizen_id(value: str, *, date_of_birth: date | None = None, today: date | None = None) -> None:
    """12 digits: province code (3), century and sex (1), year of birth (2), serial (6)."""
    text = (value or "").strip()
    if not text.isdigit() or len(text) != 12:
        raise ValidationError(_("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số."), code="cid_length")
    if text[:3] not in CITIZEN_ID_PROVINCE_CODES:
        raise ValidationError(
            _("Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh hợp lệ."), code="cid_province"
        )
    century = 1900 + 100 * (int(text[3]) // 2)
    year = century + int(text[4:6])
    today = today or date.today()
    if year > today.year:
        raise ValidationError(
            _("Chữ số thứ 4–6 của số định danh cá nhân cho năm sinh không hợp lệ."), code="cid_year"
        )
    if date_of_birth is not None and date_of_birth.year != year:
        raise ValidationError(
            _("Số định danh cá nhân không khớp với năm sinh %(year)s.") % {"year": date_of_birth.year},
            code="cid_birth_year",
        )


# Electronic identifier of an agency (Decision 20/2020/QĐ-TTg): ABC.DE.FG.HIJ, the level-1 part a
# letter and two digits (H56: a province; G01: a ministry), e.g. 000.00.12.H56. It opens every
# dossier code (Circular 01/2018/TT-VPCP Art. 19).
AGENCY_CODE_PATTERN = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


def validate_agency_code(value: str) -> None:
    """A real-shaped identifier; `…H00` (no level-1 unit) is a placeholder, not a code."""
    value = (value or "").strip()
    if not AGENCY_CODE_PATTERN.match(value):
        raise ValidationError(
            _("Mã định danh phải có dạng 000.00.12.H56 (Quyết định 20/2020/QĐ-TTg)."),
            code="agency_code_format",
        )
    if value.endswith("00"):
        raise ValidationError(
            _("Mã %(code)s là mã giữ chỗ, không phải mã định danh của cơ quan nào."),
            code="agency_code_placeholder",
            params={"code": value},
        )
