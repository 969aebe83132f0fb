"""The yearly roadmap report the monitor sends to the People's Committee (XLSX and PDF).

Progress against each target on 31 December of the year (or today), per agency, the items and
which are late, the yearly series, usage of the online services in the year and the Decision 766
index (which carries the satisfaction group). Same tables as the pages (stats.services.tables).
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from roadmap.models import Roadmap

from .constants import ItemStatus
from .exports import tables_to_xlsx
from .presentation import agencies_chart, yearly_chart
from .services import StatsQuery
from .services.index766 import index766_table
from .services.tables import Table, agencies_table, items_table, targets_table, yearly_table
from .services.usage_tables import usage_table

__all__ = ["ReportData", "build", "to_pdf", "to_xlsx"]


@dataclass
class ReportData:
    roadmap: Roadmap
    year: int
    query: StatsQuery
    targets: Table
    agencies: Table
    items: Table
    late: Table
    yearly: Table
    usage: Table
    index766: Table
    generated_at: datetime.datetime

    @property
    def tables(self) -> list[Table]:
        return [self.targets, self.agencies, self.items, self.late, self.yearly, self.usage, self.index766]

    @property
    def heading(self) -> str:
        return _("Báo cáo năm %(year)s – lộ trình %(number)s – số liệu tại ngày %(day)s") % {
            "year": self.year,
            "number": self.roadmap.number,
            "day": self.query.day.strftime("%d/%m/%Y"),
        }


def build(*, roadmap: Roadmap, year: int) -> ReportData:
    day = min(timezone.localdate(), datetime.date(year, 12, 31))
    query = StatsQuery(day=day, roadmap=roadmap, year=year)
    items = items_table(query)
    late = Table(
        "tre-han",
        _("Hạng mục trễ hạn"),
        items.columns,
        [row for row in items.rows if row["status_code"] == ItemStatus.LATE],
    )
    return ReportData(
        roadmap=roadmap,
        year=year,
        query=query,
        targets=targets_table(query),
        agencies=agencies_table(query),
        items=items,
        late=late,
        yearly=yearly_table(query),
        usage=usage_table(query, group="agency"),
        index766=index766_table(query),
        generated_at=timezone.now(),
    )


def to_xlsx(data: ReportData) -> bytes:
    return tables_to_xlsx(data.tables, heading=data.heading)


def to_pdf(data: ReportData, *, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "stats/report_pdf.html",
        {
            "data": data,
            "yearly_chart": yearly_chart(data.yearly, query=data.query, scope=_("toàn tỉnh")),
            "agencies_chart": agencies_chart(data.agencies, query=data.query),
        },
        request=request,
    )
    base_url = request.build_absolute_uri("/") if request else None
    return HTML(string=html, base_url=base_url).write_pdf()
