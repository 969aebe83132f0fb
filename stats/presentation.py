"""Charts for the statistics pages, drawn from the same Tables the pages and exports show."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from agencies.models import Agency
from roadmap.constants import TargetKind
from roadmap.models import Roadmap

from .charts import Bar, Series, bar_chart, format_number, line_chart
from .services.registry import TABLE_TITLES
from .services.tables import Table, years_of
from .services.targets import roadmap_targets

__all__ = ["agencies_chart", "export_links", "monthly_chart", "picker_context", "yearly_chart"]

EXPORT_FORMATS = ("csv", "xlsx", "json")


def _in_admin_order(targets) -> list:
    """Targets in the order editors gave them (RoadmapTarget's sort order)."""
    return sorted(targets, key=lambda t: (t.sort_order is None, t.sort_order or 0, t.pk))


def yearly_chart(yearly: Table, *, query, scope: str):
    """Share of procedures from level 3 and at level 4 per year, with the roadmap's share targets."""
    labels = [str(row["year"]) for row in yearly.rows]
    level3 = [row["level3plus_pct"] for row in yearly.rows]
    level4 = [row["level4_pct"] for row in yearly.rows]
    targets = []
    if query.roadmap is not None and query.agency is None and labels:
        years = [row["year"] for row in yearly.rows]
        names = {TargetKind.LEVEL3_SHARE: _("MT mức 3"), TargetKind.LEVEL4_SHARE: _("MT mức 4")}
        for target in _in_admin_order(roadmap_targets(query.roadmap)):
            if target.kind in names and target.period_end in years:
                first = years.index(target.period_start) if target.period_start in years else 0
                targets.append(
                    (
                        f"{names[target.kind]} {format_number(target.threshold)}%",
                        target.threshold,
                        first,
                        years.index(target.period_end),
                    )
                )
    text = "; ".join(
        _("%(year)s: từ mức độ 3 %(l3)s%%, mức độ 4 %(l4)s%%")
        % {"year": row["year"], "l3": row["level3plus_pct"] if row["level3plus_pct"] is not None else "—",
           "l4": row["level4_pct"] if row["level4_pct"] is not None else "—"}
        for row in yearly.rows
    )  # fmt: skip
    return line_chart(
        title=_("Tỷ lệ thủ tục trực tuyến theo năm – %(scope)s") % {"scope": scope},
        desc=text or _("Chưa có số liệu."),
        labels=labels,
        series=[
            Series(_("Từ mức độ 3 (một phần + toàn trình)"), level3),
            Series(_("Mức độ 4 (toàn trình)"), level4),
        ],
        targets=targets,
    )


def agencies_chart(agencies: Table, *, query):
    """Share of each agency's procedures from level 3, with the period's level-3 share target as a tick."""
    threshold = None
    if query.roadmap is not None:
        current = next(
            (
                t
                for t in _in_admin_order(roadmap_targets(query.roadmap))
                if t.kind == TargetKind.LEVEL3_SHARE and t.period_start <= query.day.year <= t.period_end
            ),
            None,
        )
        threshold = current.threshold if current else None
    rows = [row for row in agencies.rows if row["total"]]
    bars = [Bar(row["agency"], row["level3plus_pct"], threshold) for row in rows]
    desc = "; ".join(f"{b.label}: {b.value if b.value is not None else '—'}%" for b in bars)
    return bar_chart(
        title=_("Tỷ lệ thủ tục từ mức độ 3 theo cơ quan"),
        desc=desc or _("Chưa có số liệu."),
        bars=bars,
    )


def _agency_choices():
    return (
        Agency.objects.filter(Q(implements__isnull=False) | Q(roadmap_items__isnull=False))
        .distinct()
        .order_by("name")
        .only("pk", "name", "slug")
    )


def picker_context(query, *, action: str, with_agency: bool = True) -> dict:
    today = timezone.localdate()
    years = years_of(query) if query.roadmap else [today.year]
    return {
        "action": action,
        "roadmaps": Roadmap.objects.order_by("-issued_on").only("slug", "number", "start_year", "end_year"),
        "years": sorted(set(years) | {today.year}, reverse=True),
        "agencies": _agency_choices() if with_agency else None,
        "query": query,
        "max_day": today.isoformat(),
        "day_value": "" if query.year or query.day == today else query.day.isoformat(),
    }


def export_links(query, slugs) -> list[dict]:
    params = query.params()
    rows = []
    for slug in slugs:
        links = [
            {"fmt": fmt.upper(), "url": f"{reverse('stats:export', args=[slug, fmt])}?{urlencode(params)}"}
            for fmt in EXPORT_FORMATS
        ]
        rows.append({"slug": slug, "title": TABLE_TITLES[slug], "links": links})
    return rows


def monthly_chart(months: Table):
    """Dossiers submitted per month (bars), with the month's on-time count in the description."""
    bars = [Bar(row["name"], row["submitted"]) for row in months.rows]
    desc = "; ".join(
        _("%(month)s: %(n)s hồ sơ, %(on_time)s đúng hạn, %(late)s trễ hạn")
        % {"month": row["name"], "n": row["submitted"], "on_time": row["on_time"], "late": row["late"]}
        for row in months.rows
    )
    return bar_chart(title=_("Hồ sơ nộp theo tháng"), desc=desc or _("Chưa có hồ sơ."), bars=bars, unit="")
