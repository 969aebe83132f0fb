"""Public statistics pages and exports. Thin: every figure comes from stats.services."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from agencies.models import Agency
from procedures.services import find_by_code
from roadmap.models import Roadmap

from .. import report
from ..exports import CONTENT_TYPES, table_to_csv, table_to_json, tables_to_xlsx
from ..presentation import (
    EXPORT_FORMATS,
    agencies_chart,
    export_links,
    monthly_chart,
    picker_context,
    yearly_chart,
)
from ..services import (
    TABLES,
    build_table,
    catalog_figures,
    item_progress,
    measured_processing,
    parse_query,
    pct,
    usage_period,
)
from ..services.figure_cache import cached_figures, query_params
from ..services.index766 import index766_detail_table, index766_table
from ..services.memo import memoized
from ..services.online_forms import forms_table
from ..services.tables import (
    agencies_table,
    items_table,
    procedure_history_table,
    targets_table,
    yearly_table,
    years_of,
)
from ..services.usage_tables import usage_table


def _summary(query) -> dict:
    figures = catalog_figures(query.day, agency_id=query.agency_id)
    return {
        **figures,
        "complete_pct": pct(figures["complete"], figures["total"]),
        "level3plus_pct": pct(figures["level3plus"], figures["total"]),
        "level4_pct": pct(figures["level4"], figures["total"]),
    }


@require_GET
def province(request):
    with memoized():  # a figure asked for twice on the page is computed once (this request only)
        return _province(request)


def _province(request):
    query = parse_query(request.GET)
    if query.agency is not None:
        params = query.params(co_quan=None)
        return redirect(f"{reverse('stats:agency', args=[query.agency.slug])}?{urlencode(params)}")
    context = {
        "query": query,
        "picker": picker_context(query, action=reverse("stats:province")),
        **cached_figures("province", query_params(query), lambda: _province_figures(query)),
        "forms": forms_table(query),
        "exports": export_links(
            query,
            ["muc-tieu", "theo-nam", "co-quan", "hang-muc", "thu-tuc-hang-muc", *USAGE_EXPORTS],
        ),
    }
    return render(request, "stats/province.html", context)


def _province_figures(query) -> dict:
    """Every figure of the province page but the online forms (kept by the statistics data version)."""
    yearly = yearly_table(query)
    agencies = agencies_table(query)
    items = item_progress(query.roadmap, day=query.day) if query.roadmap else []
    return {
        "summary": _summary(query),
        "targets": targets_table(query),
        "yearly": yearly,
        "yearly_chart": yearly_chart(yearly, query=query, scope=_("toàn tỉnh")),
        "agencies": agencies,
        "agencies_chart": agencies_chart(agencies, query=query),
        "item_counts": _item_counts(items),
        **_usage_context(query, groups=["agency", "month"]),
        "report_years": years_of(query) if query.roadmap else [],
    }


USAGE_EXPORTS = [
    "su-dung-thu-tuc",
    "su-dung-co-quan",
    "su-dung-thang",
    "bieu-mau",
    "chi-so-766",
    "chi-so-766-chi-tiet",
]


def _usage_context(query, *, groups: list[str]) -> dict:
    """Usage tables, the monthly chart and the Decision 766 index for a page. The online forms
    table is not among them: it counts drafts untouched for two days, a figure that changes with
    time alone, so the pages compute it on each request (forms_table)."""
    context = {f"usage_{group}": usage_table(query, group=group) for group in groups}
    months = context.get("usage_month")
    if months is not None:
        context["usage_chart"] = monthly_chart(months)
    context.update(
        index766=index766_table(query),
        index766_detail=index766_detail_table(query),
        usage_period=usage_period(query),
    )
    return context


def _item_counts(items) -> list[tuple[str, str, int]]:
    from ..constants import ItemStatus

    return [
        (status.value, status.label, sum(1 for p in items if p.status == status.value))
        for status in ItemStatus
    ]


@require_GET
def agency(request, slug):
    with memoized():
        return _agency(request, slug)


def _agency(request, slug):
    agency_obj = get_object_or_404(Agency, slug=slug)
    query = parse_query(request.GET, agency=agency_obj)
    context = {
        "query": query,
        "agency": agency_obj,
        "picker": picker_context(query, action=reverse("stats:agency", args=[slug]), with_agency=False),
        **cached_figures("agency", query_params(query), lambda: _agency_figures(query)),
        "forms": forms_table(query),
        "exports": export_links(
            query, ["muc-tieu", "theo-nam", "hang-muc", "thu-tuc-hang-muc", *USAGE_EXPORTS]
        ),
    }
    return render(request, "stats/agency.html", context)


def _agency_figures(query) -> dict:
    """Every figure of an agency page but the online forms (kept by the statistics data version)."""
    agency_obj = query.agency
    yearly = yearly_table(query)
    items = item_progress(query.roadmap, day=query.day, agency_id=agency_obj.pk) if query.roadmap else []
    return {
        "summary": _summary(query),
        "targets": targets_table(query),
        "yearly": yearly,
        "yearly_chart": yearly_chart(yearly, query=query, scope=agency_obj.name),
        "items": items_table(query),
        "item_counts": _item_counts(items),
        **_usage_context(query, groups=["procedure", "month"]),
    }


@require_GET
def procedure(request, code):
    page = find_by_code(code)
    if page is None:
        raise Http404(_("Không có thủ tục này."))
    query = parse_query(request.GET)
    query.procedure = page
    context = {
        "query": query,
        "procedure": page,
        **cached_figures("procedure", query_params(query), lambda: _procedure_figures(query)),
        "exports": export_links(query, ["lich-su", "su-dung-thang"]),
    }
    return render(request, "stats/procedure.html", context)


def _procedure_figures(query) -> dict:
    """The figures of a procedure's page (kept by the statistics data version)."""
    return {
        "history": procedure_history_table(query.procedure),
        "links": list(
            query.procedure.roadmap_links.select_related("item", "item__roadmap").order_by(
                "item__roadmap", "item__number"
            )
        ),
        "usage_month": usage_table(query, group="month"),
        "processing": measured_processing(query.procedure),
    }


def _filename(query, stem: str, ext: str) -> str:
    scope = query.agency.slug if query.agency else (query.procedure.code if query.procedure else "toan-tinh")
    return f"{stem}-{scope}-{query.day.isoformat()}.{ext}"


@require_GET
def export(request, table, fmt):
    if table not in TABLES or fmt not in EXPORT_FORMATS:
        raise Http404(_("Không có bảng hoặc định dạng này."))
    query = parse_query(request.GET)
    data = build_table(table, query)
    if fmt == "csv":
        body = table_to_csv(data)
    elif fmt == "xlsx":
        body = tables_to_xlsx([data], heading=_scope_heading(query))
    else:
        meta = {"as_of": query.day.isoformat(), "scope": _scope_heading(query), "parameters": query.params()}
        body = json.dumps(table_to_json(data, meta=meta), ensure_ascii=False, indent=1).encode("utf-8")
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{_filename(query, table, fmt)}"'
    return response


def _scope_heading(query) -> str:
    scope = (
        query.agency.name if query.agency else (query.procedure.code if query.procedure else _("Toàn tỉnh"))
    )
    roadmap = query.roadmap.number if query.roadmap else ""
    return _("%(scope)s – số liệu tại ngày %(day)s – lộ trình %(roadmap)s") % {
        "scope": scope,
        "day": query.day.strftime("%d/%m/%Y"),
        "roadmap": roadmap,
    }


@require_GET
def yearly_report(request, roadmap, year, fmt):
    roadmap_obj = get_object_or_404(Roadmap, slug=roadmap)
    today = timezone.localdate()
    if not (roadmap_obj.start_year <= year <= today.year) or fmt not in ("xlsx", "pdf"):
        raise Http404(_("Không có báo cáo này."))
    data = report.build(roadmap=roadmap_obj, year=year)
    if fmt == "xlsx":
        body, content_type = report.to_xlsx(data), CONTENT_TYPES["xlsx"]
    else:
        body, content_type = report.to_pdf(data, request=request), "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    name = f"bao-cao-lo-trinh-{roadmap_obj.slug}-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
