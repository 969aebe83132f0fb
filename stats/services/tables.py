"""Every statistics table as data (columns + rows), built once, shown by pages and written by exports.

A page renders a Table; CSV, XLSX and JSON exports write the very same Table, so the numbers
cannot differ. Values stay raw (int, Decimal, date, str, bool, None); formatting is the template's.
Rows may carry extra keys for HTML (status_code, slug, item_id); exports write the columns only.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from procedures.constants import OnlineLevel
from roadmap.levels import frame42, level43
from roadmap.models import ProcedureLevelRecord

from .figures import (
    catalog_figures_by_agency,
    catalog_figures_on_days,
    one_stop_figures_on_days,
    one_stop_running_by_agency,
)
from .items import item_progress
from .query import StatsQuery
from .targets import evaluate_targets, frame_labels

__all__ = [
    "Column",
    "Table",
    "agencies_table",
    "history_table",
    "items_table",
    "links_table",
    "pct",
    "procedure_history_table",
    "targets_table",
    "yearly_table",
    "years_of",
]


@dataclass
class Column:
    key: str
    label: str
    kind: str = "text"  # text | int | pct | num | date | bool


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    note: str = ""

    def values(self, row: dict) -> list:
        return [row.get(column.key) for column in self.columns]


def pct(numerator: int | None, denominator: int | None) -> Decimal | None:
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) * 100 / denominator).quantize(Decimal("0.01"), ROUND_HALF_UP)


def targets_table(query: StatsQuery) -> Table:
    columns = [
        Column("period", _("Giai đoạn")),
        Column("target", _("Chỉ tiêu")),
        Column("frame_2011", _("Khung NĐ 43/2011")),
        Column("frame_2022", _("Khung NĐ 42/2022 (suy luận)")),
        Column("comparison", _("So sánh")),
        Column("threshold", _("Mục tiêu"), "num"),
        Column("threshold_max", _("Mục tiêu (trần)"), "num"),
        Column("as_of", _("Số liệu tại ngày"), "date"),
        Column("numerator", _("Số đạt"), "int"),
        Column("denominator", _("Tổng số"), "int"),
        Column("actual", _("Thực tế"), "num"),
        Column("gap", _("Chênh lệch"), "num"),
        Column("status", _("Đánh giá")),
    ]
    table = Table(
        "muc-tieu",
        _("Mục tiêu của lộ trình"),
        columns,
        note=_(
            "Tỷ lệ tính bằng %; chỉ tiêu số lượng tính bằng số dịch vụ. Mức độ 4 ≈ toàn trình, mức độ 3 ≈ một phần (suy luận)."
        ),
    )
    if query.roadmap is None:
        return table
    for result in evaluate_targets(query.roadmap, day=query.day, agency_id=query.agency_id):
        target = result.target
        frame_2011, frame_2022 = frame_labels(target.kind)
        table.rows.append(
            {
                "period": f"{target.period_start}–{target.period_end}",
                "target": str(target.get_kind_display()),
                "frame_2011": frame_2011,
                "frame_2022": frame_2022,
                "comparison": str(target.get_comparison_display()),
                "threshold": target.threshold,
                "threshold_max": target.threshold_max,
                "as_of": result.as_of,
                "numerator": result.numerator,
                "denominator": result.denominator,
                "actual": result.actual,
                "gap": result.gap,
                "status": result.status_label,
                "status_code": result.status,
                "is_share": target.is_share,
                "above_max": result.above_max,
            }
        )
    return table


def _figure_columns() -> list[Column]:
    return [
        Column("total", _("Số thủ tục"), "int"),
        Column("complete", _("Đủ thông tin mức độ 2"), "int"),
        Column("complete_pct", _("Tỷ lệ đủ thông tin (%)"), "pct"),
        Column("level3plus", _("Từ mức độ 3 (một phần + toàn trình)"), "int"),
        Column("level3plus_pct", _("Tỷ lệ từ mức độ 3 (%)"), "pct"),
        Column("level3", _("Mức độ 3 ≈ một phần"), "int"),
        Column("level4", _("Mức độ 4 ≈ toàn trình"), "int"),
        Column("level4_pct", _("Tỷ lệ mức độ 4 (%)"), "pct"),
    ]


def _figure_values(figures: dict) -> dict:
    total = figures["total"]
    return {
        "total": total,
        "complete": figures["complete"],
        "complete_pct": pct(figures["complete"], total),
        "level3plus": figures["level3plus"],
        "level3plus_pct": pct(figures["level3plus"], total),
        "level3": figures["level3"],
        "level4": figures["level4"],
        "level4_pct": pct(figures["level4"], total),
    }


def agencies_table(query: StatsQuery) -> Table:
    columns = [
        Column("agency", _("Cơ quan")),
        *_figure_columns(),
        Column("one_stop", _("Một cửa điện tử"), "bool"),
    ]
    table = Table("co-quan", _("Theo cơ quan thực hiện"), columns)
    by_agency = catalog_figures_by_agency(query.day)
    running = one_stop_running_by_agency(query.day)
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in=[k for k in by_agency if k])}
    rows = []
    for agency_id, figures in by_agency.items():
        agency = agencies.get(agency_id)
        row = {
            "agency": agency.name if agency else _("Chưa gắn cơ quan"),
            **_figure_values(figures),
            "one_stop": running.get(agency_id),
            "slug": agency.slug if agency else "",
        }
        rows.append(row)
    rows.sort(key=lambda r: (r["slug"] == "", r["agency"]))
    table.rows = rows
    return table


def years_of(query: StatsQuery) -> list[int]:
    today = timezone.localdate()
    if query.roadmap is None:
        return [today.year]
    first = query.roadmap.start_year
    last = min(max(query.roadmap.end_year, query.day.year), today.year)
    return list(range(first, last + 1))


def yearly_table(query: StatsQuery) -> Table:
    columns = [
        Column("year", _("Năm"), "int"),
        Column("as_of", _("Số liệu tại ngày"), "date"),
        *_figure_columns(),
        Column("one_stop_pct", _("Sở, ngành có một cửa điện tử (%)"), "pct"),
    ]
    table = Table("theo-nam", _("Diễn biến theo năm"), columns)
    today = timezone.localdate()
    days = {year: min(today, datetime.date(year, 12, 31)) for year in years_of(query)}
    # Every year in one query (and the one-stop shares in another), whatever the number of years.
    catalog = catalog_figures_on_days(days.values(), agency_id=query.agency_id)
    one_stop = one_stop_figures_on_days(days.values()) if query.agency is None else {}
    for year, day in days.items():
        row = {"year": year, "as_of": day, **_figure_values(catalog[day])}
        if query.agency is None:
            row["one_stop_pct"] = pct(one_stop[day]["running"], one_stop[day]["total"])
        table.rows.append(row)
    return table


def items_table(query: StatsQuery) -> Table:
    columns = [
        Column("tier", _("Cấp")),
        Column("number", _("STT"), "int"),
        Column("service", _("Dịch vụ / nhóm dịch vụ")),
        Column("agency", _("Cơ quan")),
        Column("period", _("Thời gian")),
        Column("target_levels", _("Mức độ mục tiêu")),
        Column("linked", _("Thủ tục đã liên kết"), "int"),
        Column("reached", _("Thủ tục đạt mức mục tiêu"), "int"),
        Column("status", _("Tình trạng")),
        Column("done_year", _("Năm hoàn thành"), "int"),
    ]
    table = Table("hang-muc", _("Hạng mục của lộ trình"), columns)
    if query.roadmap is None:
        return table
    for progress in item_progress(query.roadmap, day=query.day, agency_id=query.agency_id):
        item = progress.item
        table.rows.append(
            {
                "tier": str(item.get_tier_display()),
                "number": item.number,
                "service": item.service,
                "agency": item.agency.name if item.agency else item.agency_text,
                "period": f"{item.start_year}–{item.end_year}",
                "target_levels": str(item.get_target_levels_display()),
                "linked": progress.linked,
                "reached": progress.reached,
                "status": progress.status_label,
                "done_year": progress.done_year,
                "status_code": progress.status,
                "item_id": item.pk,
            }
        )
    return table


def links_table(query: StatsQuery) -> Table:
    columns = [
        Column("tier", _("Cấp")),
        Column("number", _("STT hạng mục"), "int"),
        Column("code", _("Mã thủ tục")),
        Column("procedure", _("Thủ tục")),
        Column("level", _("Mức độ hiện tại (NĐ 43/2011)"), "int"),
        Column("level_2022", _("Mức độ (NĐ 42/2022)")),
        Column("target_level", _("Mức mục tiêu tối thiểu"), "int"),
        Column("reached_on", _("Ngày đạt mức mục tiêu"), "date"),
        Column("reached_year", _("Năm đạt"), "int"),
    ]
    table = Table("thu-tuc-hang-muc", _("Thủ tục thực hiện các hạng mục"), columns)
    if query.roadmap is None:
        return table
    for progress in item_progress(query.roadmap, day=query.day, agency_id=query.agency_id, with_links=True):
        for link in progress.links:
            table.rows.append(
                {
                    "tier": str(progress.item.get_tier_display()),
                    "number": progress.item.number,
                    "code": link.procedure.code,
                    "procedure": link.procedure.title,
                    "level": link.level,
                    "level_2022": str(OnlineLevel(frame42(link.level)).label),
                    "target_level": link.min_level,
                    "reached_on": link.reached_on,
                    "reached_year": link.reached_on.year if link.reached_on else None,
                    "item_id": progress.item.pk,
                }
            )
    return table


def history_table(query: StatsQuery) -> Table:
    return procedure_history_table(query.procedure)


def procedure_history_table(procedure) -> Table:
    columns = [
        Column("effective_date", _("Từ ngày"), "date"),
        Column("level", _("Mức độ (NĐ 43/2011)"), "int"),
        Column("online_level", _("Mức độ (NĐ 42/2022)")),
        Column("complete", _("Đủ thông tin mức độ 2"), "bool"),
        Column("in_force", _("Đang áp dụng"), "bool"),
        Column("source", _("Nguồn")),
    ]
    table = Table("lich-su", _("Lịch sử mức độ"), columns)
    if procedure is None:
        return table
    for record in ProcedureLevelRecord.objects.filter(procedure=procedure).order_by("effective_date", "id"):
        table.rows.append(
            {
                "effective_date": record.effective_date,
                "level": level43(record.online_level, record.legacy_level),
                "online_level": str(record.get_online_level_display()),
                "complete": record.complete,
                "in_force": record.in_force,
                "source": str(record.get_source_display()),
            }
        )
    return table
