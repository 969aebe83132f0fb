"""Open data, version 1 (/du-lieu-mo/v1/): the catalog and the aggregate statistics. Never personal data.

Every response carries `version`, `licence` and `last_updated`. URLs are versioned: a change that
breaks readers gets /v2/; /v1/ keeps its shape. Documented in docs/statistics.md.
"""

import csv
import io
import json

from django.conf import settings
from django.db.models import Max
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.urls import absolute_url, page_absolute_url
from procedures.models import ProcedurePage
from roadmap.levels import level43
from roadmap.models import ProcedureLevelRecord, RoadmapItem

from ..exports import CONTENT_TYPES, table_to_csv, table_to_json
from ..services import PUBLIC_DATASETS, TABLE_TITLES, build_table, parse_query

__all__ = ["catalog", "index", "statistics"]

VERSION = "1"
# The province decides the licence; until it does, this default is shown (settings.OPEN_DATA_LICENCE).
DEFAULT_LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
CATALOG_FIELDS = [
    "code",
    "name",
    "field",
    "implementing_agency",
    "implementation_levels",
    "online_level",
    "legacy_level",
    "level_2011",
    "complete_level2",
    "missing_info",
    "status",
    "effective_from",
    "effective_to",
    "url",
    "last_published_at",
]


def _licence() -> dict:
    return getattr(settings, "OPEN_DATA_LICENCE", DEFAULT_LICENCE)


def _iso(value):
    return value.isoformat() if value else None


def _catalog_updated():
    return ProcedurePage.objects.live().aggregate(v=Max("last_published_at"))["v"]


def _stats_updated():
    values = [
        ProcedureLevelRecord.objects.aggregate(v=Max("recorded_at"))["v"],
        RoadmapItem.objects.aggregate(v=Max("updated_at"))["v"],
    ]
    values = [v for v in values if v]
    return max(values) if values else None


def _meta(request, last_updated) -> dict:
    return {
        "version": VERSION,
        "publisher": getattr(settings, "OPEN_DATA_PUBLISHER", "Cổng Dịch vụ công của tỉnh"),
        "licence": _licence(),
        "last_updated": _iso(last_updated),
        "generated_at": timezone.now().isoformat(),
    }


@require_GET
def index(request):
    def url(name, *args):
        return absolute_url(reverse(name, args=args))

    datasets = [
        {
            "id": "thu-tuc",
            "title": "Danh mục thủ tục hành chính (mức độ, tính đầy đủ thông tin mức độ 2)",
            "formats": {fmt: url("opendata:catalog", fmt) for fmt in ("json", "csv")},
            "last_updated": _iso(_catalog_updated()),
            "fields": CATALOG_FIELDS,
        }
    ]
    for slug in PUBLIC_DATASETS:
        datasets.append(
            {
                "id": f"thong-ke/{slug}",
                "title": str(TABLE_TITLES[slug]),
                "formats": {fmt: url("opendata:statistics", slug, fmt) for fmt in ("json", "csv")},
                "last_updated": _iso(_stats_updated()),
                "parameters": ["lo_trinh", "nam", "ngay", "co_quan"],
            }
        )
    body = {
        **_meta(request, max(filter(None, [_catalog_updated(), _stats_updated()]), default=None)),
        "description": "Dữ liệu mở của cổng: danh mục thủ tục và số liệu thống kê tổng hợp; không có dữ liệu cá nhân.",
        "datasets": datasets,
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})


def _catalog_rows():
    pages = (
        ProcedurePage.objects.live()
        .public()
        .select_related("field", "implementing_agency")
        .prefetch_related("levels")
        .order_by("code")
    )
    for page in pages.iterator(chunk_size=500):
        yield {
            "code": page.code,
            "name": page.official_name or page.title,
            "field": page.field.name if page.field else None,
            "implementing_agency": page.implementing_agency.name
            if page.implementing_agency
            else (page.implementing_agency_text or None),
            "implementation_levels": [level.code for level in page.levels.all()],
            "online_level": page.online_level,
            "legacy_level": page.legacy_level or None,
            "level_2011": level43(page.online_level, page.legacy_level) or None,
            "complete_level2": not page.missing_info,
            "missing_info": list(page.missing_info or []),
            "status": page.status,
            "effective_from": _iso(page.effective_from),
            "effective_to": _iso(page.effective_to),
            "url": page_absolute_url(page),
            "last_published_at": _iso(page.last_published_at),
        }


@require_GET
def catalog(request, fmt):
    if fmt not in ("json", "csv"):
        raise Http404
    rows = list(_catalog_rows())
    if fmt == "json":
        body = {**_meta(request, _catalog_updated()), "dataset": "thu-tuc", "count": len(rows), "rows": rows}
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CATALOG_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                **row,
                "implementation_levels": ";".join(row["implementation_levels"]),
                "missing_info": ";".join(row["missing_info"]),
                "complete_level2": "true" if row["complete_level2"] else "false",
            }
        )
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = 'attachment; filename="thu-tuc.csv"'
    _add_headers(response, _catalog_updated())
    return response


def _add_headers(response, last_updated):
    licence = _licence()
    response["X-Licence"] = licence.get("url") or licence.get("id", "")
    if last_updated:
        response["Last-Modified"] = last_updated.strftime("%a, %d %b %Y %H:%M:%S GMT")


@require_GET
def statistics(request, table, fmt):
    if table not in PUBLIC_DATASETS or fmt not in ("json", "csv"):
        raise Http404
    query = parse_query(request.GET)
    data = build_table(table, query)
    updated = _stats_updated()
    if fmt == "csv":
        response = HttpResponse(table_to_csv(data), content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{table}.csv"'
        _add_headers(response, updated)
        return response
    meta = {
        **_meta(request, updated),
        "dataset": f"thong-ke/{table}",
        "as_of": query.day.isoformat(),
        "parameters": query.params(),
        "errors": query.errors,
    }
    body = json.dumps(table_to_json(data, meta=meta), ensure_ascii=False)
    return HttpResponse(body.encode("utf-8"), content_type=CONTENT_TYPES["json"])
