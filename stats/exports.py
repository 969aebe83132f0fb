"""Writing a Table (stats.services.tables) as CSV, XLSX or JSON. The page and the export show one Table.

CSV and JSON are for machines: raw values (dot decimals, ISO dates, true/false), UTF-8 (CSV with a
byte-order mark so spreadsheet programs read the diacritics). XLSX is for people: typed cells,
Vietnamese headers, one sheet per table.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .services.tables import Table

__all__ = ["CONTENT_TYPES", "table_to_csv", "table_to_json", "tables_to_xlsx"]

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def table_to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.label for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in table.values(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_to_json(table: Table, *, meta: dict | None = None) -> dict:
    return {
        **(meta or {}),
        "table": table.slug,
        "title": str(table.title),
        "note": str(table.note),
        "columns": [{"key": c.key, "label": str(c.label), "type": c.kind} for c in table.columns],
        "rows": [{c.key: _plain(row.get(c.key)) for c in table.columns} for row in table.rows],
    }


def _sheet_title(text: str, used: set[str]) -> str:
    base = "".join(ch for ch in str(text) if ch not in "[]:*?/\\")[:28] or "Bang"
    title, n = base, 2
    while title in used:
        title, n = f"{base[:25]} {n}", n + 1
    used.add(title)
    return title


def tables_to_xlsx(tables: list[Table], *, heading: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        first = 1
        if heading:
            sheet.cell(row=1, column=1, value=heading).font = Font(bold=True)
            first = 3
        sheet.cell(row=first, column=1, value=str(table.title)).font = Font(bold=True, size=13)
        header_row = first + 1
        for col, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=header_row, column=col, value=str(column.label))
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(col)].width = 40 if column.kind == "text" else 16
        for r, row in enumerate(table.rows, start=header_row + 1):
            for col, column in enumerate(table.columns, start=1):
                value = row.get(column.key)
                if isinstance(value, Decimal):
                    value = float(value)
                elif isinstance(value, bool):
                    value = str(_("Có") if value else _("Không"))  # as the pages write it
                cell = sheet.cell(row=r, column=col, value=value)
                if isinstance(value, datetime.date):
                    cell.number_format = "DD/MM/YYYY"
                elif column.kind in ("pct", "num") and value is not None:
                    cell.number_format = "0.00"
        if table.note:
            sheet.cell(row=header_row + len(table.rows) + 2, column=1, value=str(table.note))
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
