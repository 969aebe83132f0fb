"""Mapping: one source record (a dict) → a `MappedProcedure`, the importer's view of a page.

Two kinds of record:
- detailed: the national database's record (national and defence files, or our own export);
- index: a catalog list (code, name, field, agency, level, online level; JSONL, CSV or XLSX).
A record is detailed when it carries any detail content (steps, channels, dossier, ...).

Notes are plain Vietnamese sentences. `notes` end up on the page (`import_notes`) because they depend
only on the content; `report_notes` (code clean-up, cut values) only go to the importer's report.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from ..constants import ChannelKind, ComponentMode, LegacyLevel, OnlineLevel, TimeUnit
from .parsers import (
    OnlineLevelValue,
    normalise_code,
    parse_channel_kind,
    parse_fee,
    parse_levels,
    parse_online_level,
    parse_quantity,
    parse_time_limit,
)
from .text import clean, clean_name, cut_title

__all__ = ["RecordError", "MappedProcedure", "map_record", "DETAIL_TEXT_FIELDS", "CODE_MAX", "PORTAL_KEY"]

CODE_MAX = 64


class RecordError(ValueError):
    """A record that cannot be imported; the message is the Vietnamese reason shown to the operator."""


# Page text fields only a detailed record carries: source key → page field.
DETAIL_TEXT_FIELDS = {
    "loai_thu_tuc": "procedure_type",
    "co_quan_ban_hanh": "issuing_agency_text",
    "co_quan_co_tham_quyen": "competent_agency_text",
    "co_quan_duoc_uy_quyen": "delegated_agency_text",
    "co_quan_phoi_hop": "coordinating_agency_text",
    "dia_chi_tiep_nhan": "submission_place",
    "doi_tuong_thuc_hien": "applicants",
    "trinh_tu_thuc_hien": "steps",
    "yeu_cau_dieu_kien": "requirements",
    "can_cu_phap_ly_text": "legal_basis_text",
}
DETAIL_LIST_KEYS = ("cach_thuc_thuc_hien", "thanh_phan_ho_so", "ket_qua_thuc_hien", "can_cu_phap_ly")
DETAIL_KEYS = (
    *DETAIL_TEXT_FIELDS,
    *DETAIL_LIST_KEYS,
    "thoi_han_giai_quyet",
    "phi_le_phi",
    "mau_don_to_khai",
    "ket_qua_thuc_hien_text",
)
MAX_LENGTHS = {
    "procedure_type": 255,
    "publishing_decision": 500,
    "issuing_agency_text": 500,
    "source_label": 255,
    "source_url": 1000,
}
AGENCY_NAME_MAX = 255
FIELD_NAME_MAX = 255

_url_validator = URLValidator()


@dataclass
class MappedProcedure:
    kind: str  # "detailed" | "index"
    code: str
    name: str  # "" when the record has no name at all (a list of codes)
    attrs: dict = field(default_factory=dict)
    field_name: str | None = None
    implementing_agency_name: str | None = None  # for the agency record; None: do not link
    competent_agency_name: str | None = None
    level_codes: list[str] | None = None  # None: the record does not say
    online: OnlineLevelValue = field(default_factory=OnlineLevelValue)
    channels: list[dict] | None = None
    components: list[dict] | None = None
    results: list[dict] | None = None
    legal_bases: list[dict] | None = None
    documents: list[dict] | None = None
    notes: list[str] = field(default_factory=list)
    report_notes: list[str] = field(default_factory=list)
    is_test: bool = False
    # From the portal's own export (PORTAL_KEY) only; None: the record does not say.
    title_override: str = ""
    agency_ids: dict | None = None  # {"implementing": id or None, "competent": id or None}
    record_levels: tuple[str, str] | None = None  # the record's own online level and legacy level
    page_notes: list[str] | None = None  # the page's import notes as they stand

    @property
    def is_detailed(self) -> bool:
        return self.kind == "detailed"

    @property
    def title(self) -> str:
        return self.title_override or cut_title(self.name)


# --- type checks ---------------------------------------------------------------------------------
def _text(data: dict, key: str, *, label: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"trường “{key}” ({label}) phải là chuỗi, không phải {_type_name(value)}")
    return value


def _rows(data: dict, key: str, *, label: str) -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise RecordError(f"trường “{key}” ({label}) phải là danh sách các đối tượng {{…}}")
    return value


def _strings(data: dict, key: str, *, label: str) -> list[str]:
    value = data.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RecordError(f"trường “{key}” ({label}) phải là danh sách các chuỗi")
    return value


def _row_text(row: dict, key: str, *, label: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise RecordError(f"“{key}” trong {label} phải là chuỗi, không phải {_type_name(value)}")
    return str(value)


def _type_name(value) -> str:
    return {
        dict: "đối tượng",
        list: "danh sách",
        int: "số",
        float: "số",
        bool: "giá trị đúng/sai",
    }.get(type(value), type(value).__name__)


def _fit(value: str, limit: int, label: str, report_notes: list[str]) -> str:
    if len(value) <= limit:
        return value
    report_notes.append(f"{label} dài {len(value)} ký tự, đã cắt còn {limit}")
    return value[:limit]


# --- the record ----------------------------------------------------------------------------------
def map_record(data: dict) -> MappedProcedure:
    """Map a source record; raises RecordError with a Vietnamese reason when it cannot be imported."""
    raw_code = data.get("ma_thu_tuc")
    if raw_code is None or (isinstance(raw_code, str) and not raw_code.strip()):
        raise RecordError("thiếu mã thủ tục (ma_thu_tuc)")
    if not isinstance(raw_code, str):
        raise RecordError(
            f"mã thủ tục phải là chuỗi, không phải {_type_name(raw_code)} "
            "(trong Excel, hãy định dạng cột mã là Văn bản)"
        )
    code, code_note = normalise_code(raw_code)
    if len(code) > CODE_MAX:
        raise RecordError(f"mã thủ tục dài hơn {CODE_MAX} ký tự")

    has_name_key = "ten_thu_tuc" in data
    name = clean_name(_text(data, "ten_thu_tuc", label="tên thủ tục"))
    if not name:
        name = clean_name(_text(data, "ten_thu_tuc_tu_file_khac", label="tên thủ tục"))
    if not name and has_name_key:
        raise RecordError("thiếu tên thủ tục (ten_thu_tuc)")

    detailed = any(_carries(data.get(key)) for key in DETAIL_KEYS)
    mapped = (_map_detailed if detailed else _map_index)(data, code, name)
    if code_note:
        mapped.report_notes.append(code_note)
    flag = data.get("nghi_ngo_ban_ghi_thu_nghiem")
    mapped.is_test = (
        flag is True or str(flag).strip().lower() in ("true", "1", "x") or code.upper().startswith("TEST")
    )
    return mapped


def _carries(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def _common(data: dict, mapped: MappedProcedure) -> None:
    """Fields both kinds carry: field, levels, online level, decision, source."""
    attrs, notes = mapped.attrs, mapped.report_notes
    field_name = clean_name(_text(data, "linh_vuc", label="lĩnh vực"))
    if len(field_name) > FIELD_NAME_MAX:
        mapped.notes.append(f"tên lĩnh vực dài hơn {FIELD_NAME_MAX} ký tự, không tạo bản ghi lĩnh vực")
        field_name = ""
    mapped.field_name = field_name or None

    levels_value = data.get("cap_thuc_hien")
    if levels_value is None:
        levels_value = data.get("cap_thuc_hien_tu_file_khac")
    if levels_value is not None:
        if not isinstance(levels_value, list | str) or (
            isinstance(levels_value, list) and not all(isinstance(v, str) for v in levels_value)
        ):
            raise RecordError("trường “cap_thuc_hien” (cấp thực hiện) phải là danh sách các chuỗi")
        codes, level_notes = parse_levels(levels_value)
        mapped.level_codes = codes
        mapped.notes.extend(level_notes)

    online_value = data.get("muc_do_dvc")
    if online_value is not None and not isinstance(online_value, str):
        raise RecordError("trường “muc_do_dvc” (mức độ dịch vụ công) phải là chuỗi")
    mapped.online = parse_online_level(online_value)
    if mapped.online.note:
        mapped.notes.append(mapped.online.note)

    decision_key = "so_quyet_dinh_cong_bo" if "so_quyet_dinh_cong_bo" in data else "quyet_dinh_cong_bo"
    attrs["publishing_decision"] = _fit(
        clean_name(_text(data, decision_key, label="quyết định công bố")),
        MAX_LENGTHS["publishing_decision"],
        "Quyết định công bố",
        notes,
    )
    url = clean_name(
        _text(data, "url", label="đường dẫn nguồn") or _text(data, "link_cong_dvc_tinh", label="link")
    )
    if url:
        try:
            _url_validator(url)
        except ValidationError:
            notes.append(f"đường dẫn nguồn không hợp lệ, bỏ qua: “{url[:120]}”")
            url = ""
    attrs["source_url"] = url if len(url) <= MAX_LENGTHS["source_url"] else ""
    attrs["source_label"] = _fit(
        clean_name(_text(data, "nguon", label="nguồn")), MAX_LENGTHS["source_label"], "Nguồn dữ liệu", notes
    )


def _map_index(data: dict, code: str, name: str) -> MappedProcedure:
    mapped = MappedProcedure(kind="index", code=code, name=name)
    if name:
        mapped.attrs["official_name"] = name
    _common(data, mapped)
    # An index names a coarse category ("Sở, ban ngành", "UBND Huyện/Thành phố"), not an agency:
    # kept as text, not linked to an agency record.
    mapped.attrs["implementing_agency_text"] = clean(
        _text(data, "co_quan_thuc_hien", label="cơ quan thực hiện")
    )
    return mapped


def _map_detailed(data: dict, code: str, name: str) -> MappedProcedure:
    mapped = MappedProcedure(kind="detailed", code=code, name=name)
    attrs = mapped.attrs
    attrs["official_name"] = name
    _common(data, mapped)
    for key, attr in DETAIL_TEXT_FIELDS.items():
        value = clean(_text(data, key, label=attr))
        attrs[attr] = (
            _fit(value, MAX_LENGTHS[attr], key, mapped.report_notes) if attr in MAX_LENGTHS else value
        )

    implementing = clean(_text(data, "co_quan_thuc_hien", label="cơ quan thực hiện"))
    attrs["implementing_agency_text"] = implementing
    mapped.implementing_agency_name = _agency_name(implementing, "cơ quan thực hiện", mapped.notes)
    mapped.competent_agency_name = _agency_name(
        attrs["competent_agency_text"], "cơ quan có thẩm quyền", mapped.notes
    )

    keywords = clean(_text(data, "tu_khoa", label="từ khóa"))
    description = clean(_text(data, "mo_ta", label="mô tả"))
    results_text = clean(_text(data, "ket_qua_thuc_hien_text", label="kết quả thực hiện"))
    results_text, glued_keywords, glued_description = _split_result_page_text(results_text)
    attrs["keywords"] = keywords or glued_keywords
    attrs["description"] = description or glued_description

    mapped.channels = _map_channels(data, mapped.notes)
    mapped.components = _map_components(data, mapped.notes, mapped.report_notes)
    mapped.results = _map_results(data, mapped.report_notes)
    # The national crawler also glued the result rows into one text ("TênMã: KQ..."): keep the text
    # only when it says more than the rows.
    attrs["results_text"] = "" if results_text == _glued_results(mapped.results) else results_text
    mapped.legal_bases = [
        {
            "number": _fit(
                clean_name(_row_text(row, "so_ky_hieu", label="căn cứ")),
                255,
                "Số ký hiệu",
                mapped.report_notes,
            ),
            "summary": clean(_row_text(row, "trich_yeu", label="căn cứ")),
            "issued_on": _fit(
                clean_name(_row_text(row, "ngay_ban_hanh", label="căn cứ")),
                60,
                "Ngày ban hành",
                mapped.report_notes,
            ),
            "issuer": _fit(
                clean_name(_row_text(row, "co_quan_ban_hanh", label="căn cứ")),
                500,
                "Cơ quan ban hành",
                mapped.report_notes,
            ),
        }
        for row in _rows(data, "can_cu_phap_ly", label="căn cứ pháp lý")
    ]
    mapped.documents = [
        {"title": _fit(clean_name(title), 500, "Tên mẫu đơn", mapped.report_notes)}
        for title in _strings(data, "mau_don_to_khai", label="mẫu đơn, tờ khai")
        if clean_name(title)
    ]
    _apply_portal_values(data, mapped)
    return mapped


# --- The portal's own values (procedures/exporter.py) --------------------------------------------
# The national format carries texts; the portal also keeps what editors set or the importer parsed:
# a short title, each channel's label, time limit and fee as numbers, each document's counts and the
# uploaded form files. Its export writes them under this key, row by row parallel to the national
# lists, so that exporting and importing again changes nothing. Other sources do not have the key.
PORTAL_KEY = "cong_thong_tin"


def _number(value, kind, limit: int):
    """A count or amount from the portal's export: a non-negative number below `limit`, or None."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = kind(str(value))
        valid = number.is_finite() if isinstance(number, Decimal) else True
        valid = valid and 0 <= number < limit
    except (ValueError, ArithmeticError):
        valid = False
    if not valid:
        raise RecordError(f"“{PORTAL_KEY}”: “{value}” không phải là một số hợp lệ (từ 0 đến dưới {limit})")
    return number


def _extra_rows(extra: dict, key: str, rows: list[dict] | None) -> list[tuple[dict, dict]]:
    values = extra.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        raise RecordError(f"“{PORTAL_KEY}.{key}” phải là một danh sách các đối tượng {{…}}")
    return list(zip(rows or [], values, strict=False))


def _apply_portal_values(data: dict, mapped: MappedProcedure) -> None:
    extra = data.get(PORTAL_KEY)
    if extra is None:
        return
    if not isinstance(extra, dict):
        raise RecordError(f"“{PORTAL_KEY}” phải là một đối tượng {{…}}")
    title = clean_name(str(extra.get("tieu_de") or ""))
    if title:
        mapped.title_override = title[:255]
    for row, values in _extra_rows(extra, "cach_thuc", mapped.channels):
        if values.get("loai") in ChannelKind.values:
            row["kind"] = values["loai"]
        row["label"] = clean_name(str(values.get("nhan") or ""))[:255]
        row["time_limit_value"] = _number(values.get("so"), Decimal, 10**6)
        unit = values.get("don_vi") or ""
        row["time_limit_unit"] = unit if unit in TimeUnit.values else ""
        row["fee_amount"] = _number(values.get("phi"), int, 10**15)
    agencies = extra.get("co_quan")
    if isinstance(agencies, dict):
        mapped.agency_ids = {
            "implementing": _number(agencies.get("thuc_hien"), int, 2**63),
            "competent": _number(agencies.get("co_tham_quyen"), int, 2**63),
        }
        for key, attr in (
            ("thuc_hien_van_ban", "implementing_agency_text"),
            ("co_tham_quyen_van_ban", "competent_agency_text"),
        ):
            if isinstance(agencies.get(key), str):
                mapped.attrs[attr] = clean(agencies[key])
    levels = extra.get("muc_do_ban_ghi")
    if isinstance(levels, list) and len(levels) == 2:
        online, legacy = (str(level or "") for level in levels)
        if online in ("", *OnlineLevel.values) and legacy in ("", *LegacyLevel.values):
            mapped.record_levels = (online, legacy)
    notes = extra.get("ghi_chu")
    if isinstance(notes, list) and all(isinstance(note, str) for note in notes):
        mapped.page_notes = notes
    for row, values in _extra_rows(extra, "thanh_phan", mapped.components):
        mode = values.get("che_do") or ""
        row["online_mode"] = mode if mode in ComponentMode.values else ""
        row["originals"] = _number(values.get("ban_chinh"), int, 32768)
        row["copies"] = _number(values.get("ban_sao"), int, 32768)
        row["form_document_id"] = _number(values.get("tep_mau"), int, 2**63)
    for row, values in _extra_rows(extra, "mau_don", mapped.documents):
        row["document_id"] = _number(values.get("tep"), int, 2**63)


def _agency_name(text: str, label: str, notes: list[str]) -> str | None:
    name = clean_name(text)
    if not name:
        return None
    if len(name) > AGENCY_NAME_MAX:
        notes.append(
            f"tên {label} dài hơn {AGENCY_NAME_MAX} ký tự: chỉ giữ dạng văn bản, không liên kết cơ quan"
        )
        return None
    return name


_PAGE_TAIL = re.compile(r"Từ khóa(?P<keywords>.*?)Mô tả(?P<description>.*)$", re.DOTALL)
_NO_INFO = ("", "không có thông tin")


def _split_result_page_text(text: str) -> tuple[str, str, str]:
    """The crawler glued the page's "Từ khóa…Mô tả…" boxes onto the result text: split them off."""
    match = _PAGE_TAIL.search(text)
    if not match:
        return text, "", ""
    keywords = clean(match["keywords"])
    description = clean(match["description"])
    return (
        text[: match.start()].rstrip(),
        "" if keywords.lower() in _NO_INFO else keywords,
        "" if description.lower() in _NO_INFO else description,
    )


def _glued_results(results: list[dict]) -> str:
    return "".join(row["name"] + (f"Mã: {row['code']}" if row["code"] else "") for row in results)


def _map_channels(data: dict, notes: list[str]) -> list[dict]:
    rows = _rows(data, "cach_thuc_thuc_hien", label="cách thức thực hiện")
    if not rows:
        # No channel table but overall time limits/fees: one channel of unknown kind per time limit.
        times = _strings(data, "thoi_han_giai_quyet", label="thời hạn giải quyết")
        fees = _strings(data, "phi_le_phi", label="phí, lệ phí")
        rows = [
            {
                "hinh_thuc_nop": "",
                "thoi_han": times[i] if i < len(times) else "",
                "phi_le_phi": fees[i] if i < len(fees) else "",
            }
            for i in range(max(len(times), len(fees)))
        ]
    channels = []
    for number, row in enumerate(rows, start=1):
        label = clean_name(_row_text(row, "hinh_thuc_nop", label="cách thức thực hiện"))
        where = f"kênh {number} ({label or 'không ghi'})"
        kind, kind_note = parse_channel_kind(label)
        if kind_note:
            notes.append(f"{where}: {kind_note}")
        time_text = clean(_row_text(row, "thoi_han", label="cách thức thực hiện"))
        fee_text = clean(_row_text(row, "phi_le_phi", label="cách thức thực hiện"))
        unsplit = clean(_row_text(row, "thoi_han_phi_dinh_lien", label="cách thức thực hiện"))
        time_limit = parse_time_limit(time_text)
        fee = parse_fee(fee_text)
        if time_limit.note:
            notes.append(f"{where}: {time_limit.note}")
        if fee.note:
            notes.append(f"{where}: {fee.note}")
        if unsplit:
            notes.append(f"{where}: thời hạn và phí dính liền, không tách được: “{unsplit[:120]}”")
        channels.append(
            {
                "kind": kind,
                "label": label[:255],
                "time_limit_text": time_text,
                "time_limit_value": time_limit.value,
                "time_limit_unit": time_limit.unit,
                "fee_text": fee_text,
                "fee_amount": fee.amount,
                "unsplit_text": unsplit,
                "description": clean(_row_text(row, "mo_ta", label="cách thức thực hiện")),
            }
        )
    return channels


def _map_results(data: dict, report_notes: list[str]) -> list[dict]:
    results = []
    for number, row in enumerate(_rows(data, "ket_qua_thuc_hien", label="kết quả thực hiện"), start=1):
        name = clean(_row_text(row, "ten_ket_qua", label="kết quả"))
        code = clean_name(_row_text(row, "ma_ket_qua", label="kết quả"))
        if not name:
            report_notes.append(f"dòng kết quả {number} không có tên (mã “{code}”), bỏ qua")
            continue
        results.append({"name": name, "code": _fit(code, 100, "Mã kết quả", report_notes)})
    return results


def _map_components(data: dict, notes: list[str], report_notes: list[str]) -> list[dict]:
    components = []
    for row_number, row in enumerate(_rows(data, "thanh_phan_ho_so", label="thành phần hồ sơ"), start=1):
        name = clean(_row_text(row, "ten_giay_to", label="thành phần hồ sơ"))
        quantity_text = clean_name(_row_text(row, "so_luong", label="thành phần hồ sơ"))
        if not name:
            # Report only: the page has no such row, so an export of it has none either.
            report_notes.append(
                f"dòng giấy tờ {row_number} không có tên (số lượng “{quantity_text}”), bỏ qua"
            )
            continue
        number = len(components) + 1  # as the page numbers its documents
        quantity = parse_quantity(quantity_text)
        if quantity.note:
            notes.append(f"giấy tờ {number}: {quantity.note}")
        forms = [clean_name(form) for form in _strings(row, "mau_don", label="mẫu đơn") if clean_name(form)]
        components.append(
            {
                "group": clean(_row_text(row, "nhom", label="thành phần hồ sơ")),
                "name": name,
                "originals": quantity.originals,
                "copies": quantity.copies,
                "quantity_text": _fit(quantity_text, 255, "Số lượng", report_notes),
                "form_name": _fit("; ".join(forms), 500, "Tên mẫu đơn", report_notes),
            }
        )
    return components
