"""Parsers for the free-text values of the national catalog: time limits, fees, quantities, labels.

Every parser keeps to one rule: it returns a structured value only when the text states it without
doubt; otherwise it returns `None` plus a Vietnamese note saying why, and the caller keeps the text.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..constants import ChannelKind, ImplementationLevel, LegacyLevel, OnlineLevel, TimeUnit
from .text import clean_name, fold

__all__ = [
    "TimeLimit",
    "Fee",
    "Quantity",
    "OnlineLevelValue",
    "parse_time_limit",
    "parse_fee",
    "parse_quantity",
    "parse_channel_kind",
    "parse_level",
    "parse_levels",
    "parse_online_level",
    "online_level_label",
    "normalise_code",
]


# --- Time limits ------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimeLimit:
    value: Decimal | None = None
    unit: str = ""
    note: str = ""


# Longest first: "ngày làm việc" before "ngày". Matched on folded (ASCII, lower-case) text.
_TIME_UNITS = [
    ("ngay lam viec", TimeUnit.WORKING_DAYS),
    ("gio lam viec", TimeUnit.WORKING_HOURS),
    ("ngay", TimeUnit.DAYS),
    ("gio", TimeUnit.HOURS),
    ("thang", TimeUnit.MONTHS),
    ("nam", TimeUnit.YEARS),
]
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_TIME_RE = re.compile(
    rf"^{_NUMBER}\s*({'|'.join(unit for unit, _ in _TIME_UNITS)})\b\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_UNITLESS_RE = re.compile(rf"^{_NUMBER}$")
_RANGE_RE = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:-|–|đến|den)\s*\d+")


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    # The model stores up to 999999.99.
    if value < 0 or value >= Decimal("1000000"):
        return None
    return value.quantize(Decimal("0.01")) if value != value.to_integral() else Decimal(int(value))


@lru_cache(maxsize=8192)
def parse_time_limit(text: str) -> TimeLimit:
    """`"60 Ngày làm việc"` → 60 working days. Unit-less numbers, ranges and prose stay text."""
    raw = clean_name(text or "")
    if not raw:
        return TimeLimit()
    folded = fold(raw)
    match = _TIME_RE.match(folded)
    if match:
        number, unit_text, rest = match.groups()
        if rest.strip(" .;") and not rest.lstrip().startswith(("(", "ke tu")):
            return TimeLimit(note=f"thời hạn có thêm nội dung sau đơn vị: “{raw}”")
        value = _decimal(number)
        if value is None:
            return TimeLimit(note=f"số trong thời hạn không hợp lệ: “{raw}”")
        unit = next(unit for key, unit in _TIME_UNITS if key == unit_text)
        return TimeLimit(value=value, unit=unit)
    if _UNITLESS_RE.match(folded):
        return TimeLimit(note=f"thời hạn “{raw}” không có đơn vị (ngày, ngày làm việc, giờ...)")
    if _RANGE_RE.match(folded):
        return TimeLimit(note=f"thời hạn là một khoảng: “{raw}”")
    return TimeLimit(note=f"thời hạn không phân tích được thành số và đơn vị: “{_short(raw)}”")


# --- Fees ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Fee:
    amount: int | None = None
    note: str = ""


_FEE_PREFIX = re.compile(r"^\s*(?:le phi|phi)\s*:\s*", re.IGNORECASE)
_AMOUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
_DONG = r"(?:viet nam dong|vnd|dong|d)"
_AMOUNT_RE = re.compile(rf"^{_AMOUNT}\s*(trieu\s*)?{_DONG}(?![a-z])(.*)$", re.DOTALL)
# "Miễn phí" may carry a note in brackets; "Không" (none) must stand alone: "Không có thông tin" is
# no information, not a free service.
_FREE_RE = re.compile(r"^mien phi(?![a-z])\s*(.*)$", re.DOTALL)
_NONE_RE = re.compile(r"^(?:khong|khong co|khong thu(?: phi| le phi)?)(?:\s*dong)?\s*[.]?$")
_MONEY_IN_TEXT = re.compile(rf"\d[\d.,]*\s*(?:trieu\s*)?{_DONG}(?![a-z])|muc thu|muc le phi|muc phi")


def _one_fee(part: str) -> Fee:
    """One fee line, already folded and without the `Phí :` prefix."""
    if not part:
        return Fee(note="không ghi mức phí")
    if _NONE_RE.match(part):
        return Fee(amount=0)
    free = _FREE_RE.match(part)
    if free:
        rest = free.group(1).strip()
        if rest and _MONEY_IN_TEXT.search(rest):
            return Fee(amount=0, note="ghi “Miễn phí” nhưng phần ghi chú có nêu mức thu; cần kiểm tra")
        return Fee(amount=0)
    match = _AMOUNT_RE.match(part)
    if match:
        number, million, _rest = match.groups()
        digits = re.sub(r"[.,]", "", number)
        amount = int(digits) * (1_000_000 if million else 1)
        return Fee(amount=amount)
    if re.match(rf"^{_DONG}(?![a-z])", part):
        return Fee(note="không ghi mức phí")
    if re.match(rf"^{_AMOUNT}\s*usd\b", part):
        return Fee(note="phí tính bằng USD, không quy đổi sang đồng")
    return Fee(note="mức phí không phân tích được thành số tiền")


@lru_cache(maxsize=8192)
def parse_fee(text: str) -> Fee:
    """`"Lệ phí : 50.000 Đồng"` → 50000; `"Miễn phí(...)"`, `"Không"` → 0; anything unclear → None.

    A text with several fee lines (`Phí : … \\n Phí : …`) gives an amount only when all lines agree.
    """
    raw = (text or "").strip()
    if not raw:
        return Fee()
    lines = [line for line in raw.splitlines() if line.strip()]
    # Several fee lines come as "Phí : ..." / "Lệ phí : ..."; other lines continue the previous one.
    parts: list[str] = []
    for line in lines:
        folded = fold(line)
        if _FEE_PREFIX.match(folded) or not parts:
            parts.append(_FEE_PREFIX.sub("", folded).strip())
        elif folded.startswith("file dinh kem"):
            continue
    fees = [_one_fee(part) for part in parts]
    amounts = {fee.amount for fee in fees}
    notes = [fee.note for fee in fees if fee.note]
    if len(fees) == 1:
        fee = fees[0]
        return Fee(amount=fee.amount, note=f"{fee.note}: “{_short(raw)}”" if fee.note else "")
    if None not in amounts and len(amounts) == 1:
        return Fee(amount=amounts.pop())
    reason = notes[0] if notes else "nhiều mức phí khác nhau"
    return Fee(note=f"{reason}: “{_short(raw)}”")


# --- Quantities of a dossier document ----------------------------------------------------------
@dataclass(frozen=True)
class Quantity:
    originals: int | None = None
    copies: int | None = None
    note: str = ""


_QTY_PART = re.compile(r"^(?:(\d+)\s*ban (chinh|sao)|ban (chinh|sao)\s*:\s*(\d+))$")


# The crawler sometimes cut the end of a document's name into its quantity: the name ends in
# "ngày 25/6/" or "theo Mẫu số" and the quantity reads "20241 bản chính" (2024 + 1) or "181 bản chính"
# (Mẫu số 18 + 1). Dossiers ask for a handful of papers, so a leading "N bản ..." of 10 or more is
# not trusted. The labelled form "Bản chính: N" (defence file) comes from a real table and is.
SUSPICIOUS_COUNT = 10


@lru_cache(maxsize=8192)
def parse_quantity(text: str) -> Quantity:
    """`"1 bản chính,1 bản sao"` / `"Bản chính: 1, Bản sao: 0"` → originals and copies.

    A kind the text does not mention stays unknown (None), not zero.
    """
    raw = clean_name(text or "")
    if not raw:
        return Quantity()
    found: dict[str, int] = {}
    for part in re.split(r"[,;]", fold(raw)):
        part = part.strip()
        if not part:
            continue
        match = _QTY_PART.match(part)
        if not match:
            return Quantity(note=f"số lượng không phân tích được: “{_short(raw)}”")
        number = match.group(1) or match.group(4)
        kind = match.group(2) or match.group(3)
        if match.group(1) and int(number) >= SUSPICIOUS_COUNT:
            return Quantity(
                note=f"số lượng “{raw}” bất thường, có thể dính với phần cuối tên giấy tờ; cần kiểm tra"
            )
        if kind in found or int(number) > 32767:
            return Quantity(note=f"số lượng không phân tích được: “{_short(raw)}”")
        found[kind] = int(number)
    return Quantity(originals=found.get("chinh"), copies=found.get("sao"))


# --- Channels, levels, online service level --------------------------------------------------
@lru_cache(maxsize=8192)
def parse_channel_kind(label: str) -> tuple[str, str]:
    """The channel kind of a `hinh_thuc_nop` label, and a note when it is none of the three."""
    folded = fold(label or "")
    if folded in ("truc tiep", "nop truc tiep"):
        return ChannelKind.DIRECT, ""
    if folded in ("truc tuyen", "nop truc tuyen"):
        return ChannelKind.ONLINE, ""
    if "buu chinh" in folded:
        return ChannelKind.POSTAL, ""
    if not folded:
        return ChannelKind.OTHER, "kênh nộp không ghi hình thức"
    return ChannelKind.OTHER, f"hình thức nộp không rõ: “{_short(label)}”"


_LEVELS = {
    "cap bo": ImplementationLevel.MINISTRY,
    "cap tinh": ImplementationLevel.PROVINCE,
    "cap huyen": ImplementationLevel.DISTRICT,
    "cap xa": ImplementationLevel.COMMUNE,
    "co quan khac": ImplementationLevel.OTHER,
}


@lru_cache(maxsize=8192)
def parse_level(label: str) -> str | None:
    """`Cấp bộ` / `Cấp Bộ` → ministry, … (case- and accent-insensitive); None when unknown."""
    return _LEVELS.get(fold(label or ""))


def parse_levels(value) -> tuple[list[str], list[str]]:
    """Level codes of a list (or a `;`/`,`-separated string) of labels, and notes for unknown ones."""
    labels = value if isinstance(value, list) else re.split(r"[;,|]", value or "")
    codes: list[str] = []
    notes: list[str] = []
    for label in labels:
        label = clean_name(str(label))
        if not label:
            continue
        code = parse_level(label)
        if code is None:
            notes.append(f"cấp thực hiện không rõ: “{label}”")
        elif code not in codes:
            codes.append(code)
    return codes, notes


@dataclass(frozen=True)
class OnlineLevelValue:
    level: str | None = None  # None: the source does not say; keep what the page has
    legacy: str = ""
    note: str = ""


# Decree 42/2022 levels, and the legacy Decree 43/2011 labels provincial catalogs still carry:
# level 4 ≈ toàn trình, level 3 ≈ một phần, levels 1-2 and "Còn lại" are not online.
_ONLINE_LEVELS = {
    "toan trinh": (OnlineLevel.FULL, LegacyLevel.NONE),
    "mot phan": (OnlineLevel.PARTIAL, LegacyLevel.NONE),
    "muc do 4": (OnlineLevel.FULL, LegacyLevel.LEVEL_4),
    "muc do 3": (OnlineLevel.PARTIAL, LegacyLevel.LEVEL_3),
    "muc do 2": (OnlineLevel.NONE, LegacyLevel.LEVEL_2),
    "muc do 1": (OnlineLevel.NONE, LegacyLevel.LEVEL_1),
    "con lai": (OnlineLevel.NONE, LegacyLevel.OTHER),
}
_LABELS = {pair: label for label, pair in _ONLINE_LEVELS.items()}
_DISPLAY = {
    "toan trinh": "Toàn trình",
    "mot phan": "Một phần",
    "muc do 4": "Mức độ 4",
    "muc do 3": "Mức độ 3",
    "muc do 2": "Mức độ 2",
    "muc do 1": "Mức độ 1",
    "con lai": "Còn lại",
}


@lru_cache(maxsize=8192)
def parse_online_level(value) -> OnlineLevelValue:
    """`Toàn trình` → full; `Mức độ 4` → full + legacy 4; empty → not stated (None)."""
    if value is None:
        return OnlineLevelValue()
    label = clean_name(str(value))
    if not label:
        return OnlineLevelValue()
    folded = fold(label).rstrip(".")
    if folded in ("dvc toan trinh", "dich vu cong truc tuyen toan trinh"):
        folded = "toan trinh"
    if folded in ("dvc mot phan", "dich vu cong truc tuyen mot phan"):
        folded = "mot phan"
    if folded in _ONLINE_LEVELS:
        level, legacy = _ONLINE_LEVELS[folded]
        return OnlineLevelValue(level=level, legacy=legacy)
    return OnlineLevelValue(note=f"mức độ dịch vụ công trực tuyến không rõ: “{label}”")


def online_level_label(level: str, legacy: str) -> str | None:
    """The source label for a stored (level, legacy) pair; None when nothing was ever stated."""
    key = _LABELS.get((level, legacy))
    if key is None:
        key = _LABELS.get((level, LegacyLevel.NONE))
    if key is None or (level == OnlineLevel.NONE and not legacy):
        return None
    return _DISPLAY[key]


# --- Codes -----------------------------------------------------------------------------------
def normalise_code(value: str) -> tuple[str, str]:
    """Whitespace inside a code and stray trailing dots removed; a note when the code changed.

    `"1.010061 .000.00.00.H37"` → `"1.010061.000.00.00.H37"`. Nothing else is "repaired": a code
    with a missing dot stays as it is (it may be a different procedure).
    """
    raw = str(value or "")
    code = re.sub(r"\s+", "", raw).rstrip(".")
    note = ""
    if code != raw.strip():
        note = f"mã “{raw.strip()}” được chuẩn hóa thành “{code}”"
    return code, note


def _short(text: str, limit: int = 120) -> str:
    text = clean_name(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
