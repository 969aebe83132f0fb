"""Public API of the stats app: every figure the portal shows, computed in the database.

Pages, exports, reports and open data call these functions only (docs/statistics.md).
"""

from .figures import (
    FIGURE_FILTERS,
    catalog_figures,
    catalog_figures_by_agency,
    figure_records,
    in_force_records,
    one_stop_figures,
)
from .items import ItemProgress, item_progress, linked_procedures
from .query import StatsQuery, default_roadmap, parse_query
from .tables import TABLE_TITLES, TABLES, Column, Table, build_table, pct, procedure_history_table
from .targets import TargetResult, evaluate_target, evaluate_targets

__all__ = [
    "FIGURE_FILTERS",
    "TABLES",
    "TABLE_TITLES",
    "Column",
    "ItemProgress",
    "StatsQuery",
    "Table",
    "TargetResult",
    "build_table",
    "catalog_figures",
    "catalog_figures_by_agency",
    "default_roadmap",
    "evaluate_target",
    "evaluate_targets",
    "figure_records",
    "in_force_records",
    "item_progress",
    "linked_procedures",
    "one_stop_figures",
    "parse_query",
    "pct",
    "procedure_history_table",
]
