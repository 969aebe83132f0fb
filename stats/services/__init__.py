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
from .registry import PUBLIC_DATASETS, TABLE_TITLES, TABLES, build_table
from .tables import Column, Table, pct, procedure_history_table
from .targets import TargetResult, evaluate_target, evaluate_targets
from .usage import measured_processing, usage_period

__all__ = [
    "PUBLIC_DATASETS",
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
    "measured_processing",
    "one_stop_figures",
    "parse_query",
    "pct",
    "procedure_history_table",
    "usage_period",
]
