"""The catalog importer: national detailed records and index lists (JSONL, CSV, XLSX) → procedure pages.

Modules: `readers` (one per format), `parsers` (time limits, fees, quantities, levels), `mapping`
(record → MappedProcedure), `pages` (apply, snapshot, create, publish), `catalog` (look-ups of a run),
`service` (the run), `report`. Commands and other apps use only what this module exports.
"""

from .report import ImportReport
from .service import ImportAborted, ensure_index_page, import_files

__all__ = ["ImportAborted", "ImportReport", "ensure_index_page", "import_files"]
