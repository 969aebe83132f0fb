"""Readers: one per file format. Each yields `SourceRecord`s with the file and line of every record.

A reader never raises on a bad record: a line that is not valid JSON becomes a record carrying an
error, so the importer can report it and go on with the next line.
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .text import fold

__all__ = ["SourceRecord", "FileFormat", "detect_format", "read_records", "count_records", "INDEX_COLUMNS"]


class FileFormat:
    JSONL = "jsonl"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass
class SourceRecord:
    path: Path
    line: int  # 1-based line of a JSON Lines/CSV file, row number of a sheet
    data: dict = field(default_factory=dict)
    error: str = ""

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def detect_format(path: Path) -> str:
    """By extension; a file without a known extension is sniffed (JSON object, zip, or text table)."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return FileFormat.JSONL
    if suffix in (".csv", ".tsv", ".txt"):
        return FileFormat.CSV
    if suffix in (".xlsx", ".xlsm"):
        return FileFormat.XLSX
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK"):
        return FileFormat.XLSX
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return FileFormat.JSONL
    return FileFormat.CSV


def read_records(path: Path) -> Iterator[SourceRecord]:
    fmt = detect_format(path)
    if fmt == FileFormat.JSONL:
        yield from _read_jsonl(path)
    elif fmt == FileFormat.CSV:
        yield from _read_csv(path)
    else:
        yield from _read_xlsx(path)


def count_records(path: Path) -> int | None:
    """How many records a file holds (for the progress bar); None when that is not cheap to know."""
    fmt = detect_format(path)
    if fmt == FileFormat.XLSX:
        return None
    with path.open("rb") as handle:
        lines = sum(1 for line in handle if line.strip())
    return lines - 1 if fmt == FileFormat.CSV else lines


# --- JSON Lines ----------------------------------------------------------------------------------
def _read_jsonl(path: Path) -> Iterator[SourceRecord]:
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceRecord(
                    path, number, error=f"dòng không phải JSON hợp lệ ({exc.msg}, cột {exc.colno})"
                )
                continue
            if not isinstance(data, dict):
                yield SourceRecord(path, number, error="dòng JSON không phải một đối tượng {…}")
                continue
            yield SourceRecord(path, number, data=data)


# --- Index tables (CSV, XLSX) -----------------------------------------------------------------
# Column headers, Vietnamese (with or without diacritics) or English, folded to snake_case ASCII.
INDEX_COLUMNS = {
    "ma_thu_tuc": ("ma_thu_tuc", "ma_tthc", "ma", "ma_so", "code", "procedure_code"),
    "ten_thu_tuc": ("ten_thu_tuc", "ten_tthc", "ten", "name", "procedure_name", "title"),
    "linh_vuc": ("linh_vuc", "field", "sector"),
    "co_quan_thuc_hien": (
        "co_quan_thuc_hien",
        "co_quan",
        "don_vi_thuc_hien",
        "agency",
        "implementing_agency",
    ),
    "cap_thuc_hien": ("cap_thuc_hien", "cap", "level", "levels", "implementation_level"),
    "muc_do_dvc": (
        "muc_do_dvc",
        "muc_do",
        "muc_do_dich_vu_cong",
        "muc_do_dich_vu_cong_truc_tuyen",
        "online_service_level",
        "online_level",
        "service_level",
    ),
    "quyet_dinh_cong_bo": ("quyet_dinh_cong_bo", "so_quyet_dinh_cong_bo", "publishing_decision", "decision"),
    "url": ("url", "link", "link_cong_dvc_tinh", "source_url"),
    "nguon": ("nguon", "source"),
}
HEADER_SEARCH_ROWS = 10
NO_HEADER = "không tìm thấy dòng tiêu đề có cột mã thủ tục (ma_thu_tuc / Mã thủ tục / code)"
_HEADER_ALIASES = {alias: key for key, aliases in INDEX_COLUMNS.items() for alias in aliases}


def header_key(header) -> str | None:
    folded = re.sub(r"[^0-9a-z]+", "_", fold(str(header or ""))).strip("_")
    return _HEADER_ALIASES.get(folded)


def _table_records(path: Path, rows: Iterator[tuple[int, list]]) -> Iterator[SourceRecord]:
    header: list[str | None] | None = None
    skipped_rows = 0
    for number, cells in rows:
        values = ["" if cell is None else str(cell).strip() for cell in cells]
        if not any(values):
            continue
        if header is None:
            # The header is the first row naming a code column; title rows above it are skipped.
            keys = [header_key(cell) for cell in values]
            if "ma_thu_tuc" in keys:
                header = keys
            elif skipped_rows >= HEADER_SEARCH_ROWS:
                yield SourceRecord(path, number, error=NO_HEADER)
                return
            skipped_rows += 1
            continue
        data = {key: value for key, value in zip(header, values, strict=False) if key}
        code_cell = cells[header.index("ma_thu_tuc")] if header.index("ma_thu_tuc") < len(cells) else None
        if isinstance(code_cell, int | float) and not isinstance(code_cell, bool):
            data["ma_thu_tuc"] = code_cell  # a number: the mapping refuses it (1.000170 became 1.00017)
        yield SourceRecord(path, number, data=data)
    if header is None:
        yield SourceRecord(path, 1, error=NO_HEADER)


def _read_csv(path: Path) -> Iterator[SourceRecord]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)

    # csv.reader.line_num is the physical line where the record ends; a record spans lines when a
    # cell holds a line break, so remember where each one starts.
    def rows():
        start = 1
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1

    yield from _table_records(path, rows())


def _read_xlsx(path: Path) -> Iterator[SourceRecord]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a broken or non-XLSX file: one error for the whole file
        yield SourceRecord(path, 0, error=f"không đọc được tệp XLSX ({exc.__class__.__name__})")
        return
    try:
        sheet = workbook.worksheets[0]
        rows = ((number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), 1))
        yield from _table_records(path, rows)
    finally:
        workbook.close()
