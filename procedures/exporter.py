"""Export of the catalog as JSON Lines in the national detailed format (the importer's input).

Import → export → import gives the same pages: every value the importer stores is written back
under the key it came from. Crawler-only keys the importer does not keep (`cach_thuc_thuc_hien_raw`,
`bo_nganh_thu_muc_nguon`, `formality_id`, `nguon_file_goc`, `thu_tuc_lien_quan`) are not written.
The overall `thoi_han_giai_quyet` / `phi_le_phi` lists are rebuilt from the channels. What the
national format has no key for (the page's short title, each channel's label, time limit and fee as
numbers, each document's counts, the uploaded form files) goes under `cong_thong_tin`, which the
importer reads back, so that an export imported again changes nothing and loses nothing.
"""

import json
from collections.abc import Iterator
from typing import TextIO

from .constants import ImplementationLevel
from .importer.mapping import PORTAL_KEY
from .importer.parsers import online_level_label
from .models import ProcedurePage
from .online import marks_online

__all__ = ["export_records", "write_jsonl"]

LEVEL_LABELS = {
    ImplementationLevel.MINISTRY: "Cấp bộ",
    ImplementationLevel.PROVINCE: "Cấp tỉnh",
    ImplementationLevel.DISTRICT: "Cấp huyện",
    ImplementationLevel.COMMUNE: "Cấp xã",
    ImplementationLevel.OTHER: "Cơ quan khác",
}
LEVEL_ORDER = list(LEVEL_LABELS)
CHANNEL_LABELS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}


def _pages(queryset=None):
    queryset = queryset if queryset is not None else ProcedurePage.objects.all()
    return (
        queryset.order_by("path")
        .select_related("field", "implementing_agency", "competent_agency")
        .prefetch_related("levels", "channels", "components", "results", "legal_bases", "documents")
    )


def export_records(queryset=None, *, chunk_size: int = 500) -> Iterator[dict]:
    """One dict per procedure page, in the keys of the national detailed file."""
    pages = _pages(queryset)
    for start in range(0, pages.count(), chunk_size):
        for page in pages[start : start + chunk_size]:
            yield page_record(page)


def page_record(page: ProcedurePage) -> dict:
    channels = [_channel(channel) for channel in page.channels.all()]
    levels = sorted((level.code for level in page.levels.all()), key=LEVEL_ORDER.index)
    return {
        "ma_thu_tuc": page.code,
        "ten_thu_tuc": page.official_name or page.title,
        "linh_vuc": page.field.name if page.field else "",
        "cap_thuc_hien": [LEVEL_LABELS[code] for code in levels],
        "loai_thu_tuc": page.procedure_type,
        "so_quyet_dinh_cong_bo": page.publishing_decision,
        "co_quan_ban_hanh": page.issuing_agency_text,
        "co_quan_thuc_hien": page.implementing_agency_text
        or (page.implementing_agency.name if page.implementing_agency else ""),
        "co_quan_co_tham_quyen": page.competent_agency_text
        or (page.competent_agency.name if page.competent_agency else ""),
        "co_quan_duoc_uy_quyen": page.delegated_agency_text,
        "co_quan_phoi_hop": page.coordinating_agency_text,
        "dia_chi_tiep_nhan": page.submission_place,
        "doi_tuong_thuc_hien": page.applicants,
        "trinh_tu_thuc_hien": page.steps,
        "cach_thuc_thuc_hien": channels,
        "thoi_han_giai_quyet": _unique(channel["thoi_han"] for channel in channels),
        "phi_le_phi": _unique(channel["phi_le_phi"] for channel in channels),
        "thanh_phan_ho_so": [
            {
                "nhom": component.group,
                "ten_giay_to": component.name,
                "so_luong": component.quantity_text,
                "mau_don": [name for name in component.form_name.split("; ") if name],
            }
            for component in page.components.all()
        ],
        "mau_don_to_khai": [document.title for document in page.documents.all()],
        "can_cu_phap_ly_text": page.legal_basis_text,
        "can_cu_phap_ly": [
            {
                "so_ky_hieu": basis.number,
                "trich_yeu": basis.summary,
                "ngay_ban_hanh": basis.issued_on,
                "co_quan_ban_hanh": basis.issuer,
            }
            for basis in page.legal_bases.all()
        ],
        "yeu_cau_dieu_kien": page.requirements,
        "ket_qua_thuc_hien": [
            {"ten_ket_qua": result.name, "ma_ket_qua": result.code} for result in page.results.all()
        ],
        "ket_qua_thuc_hien_text": page.results_text,
        "tu_khoa": page.keywords,
        "mo_ta": page.description,
        "muc_do_dvc": online_level_label(*exported_levels(page)),
        "url": page.source_url,
        "nguon": page.source_label,
        # The portal's own values, row by row (procedures/importer/mapping.py, PORTAL_KEY).
        PORTAL_KEY: {
            "tieu_de": page.title,
            "co_quan": {
                "thuc_hien": page.implementing_agency_id,
                "co_tham_quyen": page.competent_agency_id,
                # The texts as stored (the national keys above fall back on the linked agency's name).
                "thuc_hien_van_ban": page.implementing_agency_text,
                "co_tham_quyen_van_ban": page.competent_agency_text,
            },
            "muc_do_ban_ghi": [page.record_online_level, page.record_legacy_level],
            "ghi_chu": list(page.import_notes or []),
            "cach_thuc": [
                {
                    "loai": channel.kind,
                    "nhan": channel.label,
                    "so": None
                    if channel.time_limit_value is None
                    else str(channel.time_limit_value.normalize()),
                    "don_vi": channel.time_limit_unit,
                    "phi": channel.fee_amount,
                }
                for channel in page.channels.all()
            ],
            "thanh_phan": [
                {
                    "ban_chinh": c.originals,
                    "ban_sao": c.copies,
                    "tep_mau": c.form_document_id,
                    "che_do": c.online_mode,
                }
                for c in page.components.all()
            ],
            "mau_don": [{"tep": document.document_id} for document in page.documents.all()],
        },
    }


def _channel(channel) -> dict:
    row = {
        "hinh_thuc_nop": channel.label or CHANNEL_LABELS.get(channel.kind, ""),
        "thoi_han": channel.time_limit_text,
        "phi_le_phi": channel.fee_text,
        "mo_ta": channel.description,
    }
    if channel.unsplit_text:
        row["thoi_han_phi_dinh_lien"] = channel.unsplit_text
    return row


def _unique(values) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def write_jsonl(stream: TextIO, queryset=None) -> int:
    """Write the catalog to `stream`, one JSON object per line; returns the number of records."""
    count = 0
    for record in export_records(queryset):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def exported_levels(page) -> tuple[str, str]:
    """The levels to export: the record's own when the portal only held it back because it cannot
    take the dossiers yet (procedures/online.py), so an export imports back unchanged; else the page's."""
    record = (page.record_online_level, page.record_legacy_level)
    if (
        page.record_online_level
        and marks_online(*record)
        and not marks_online(page.online_level, page.legacy_level)
    ):
        return record
    return page.online_level, page.legacy_level
