"""The catalog listing: filters in, one page of procedures and facet counts out.

Every facet (field, agency, level, online service level, status) is single-choice and they combine
with AND. Counts are "disjunctive": the count shown next to an option is the number of results the
listing would have if that option were chosen while every *other* current filter stays, which is what
a citizen expects from a filter form. Each facet is one GROUP BY in the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency
from core.pagecache import cached_by_content
from core.text import strip_diacritics

from .constants import ImplementationLevel, OnlineLevel, ProcedureStatus
from .models import Field, ProcedurePage

__all__ = [
    "FILTER_NAMES",
    "ONLINE_ANY",
    "STATUS_ALL",
    "CatalogFilters",
    "CatalogListing",
    "Facet",
    "FacetOption",
    "catalog_facets",
    "list_procedures",
    "sort_key",
]

FILTER_NAMES = ("field", "agency", "level", "online", "status")
PER_PAGE = 20

#: `online=online`: every procedure offered online, fully or partly (Decree 42/2022).
ONLINE_ANY = "online"
#: `status=` (empty): in force, i.e. active or amended; `abolished`; `all`.
STATUS_ALL = "all"

FACET_LABELS = {
    "field": gettext_lazy("Lĩnh vực"),
    "agency": gettext_lazy("Cơ quan thực hiện"),
    "level": gettext_lazy("Cấp thực hiện"),
    "online": gettext_lazy("Dịch vụ công trực tuyến"),
    "status": gettext_lazy("Tình trạng"),
}
ALL_LABELS = {
    "field": gettext_lazy("Tất cả lĩnh vực"),
    "agency": gettext_lazy("Tất cả cơ quan"),
    "level": gettext_lazy("Tất cả các cấp"),
    "online": gettext_lazy("Tất cả mức độ"),
}
ONLINE_ANY_LABEL = gettext_lazy("Toàn trình hoặc một phần")
STATUS_LABELS = {
    "": gettext_lazy("Còn hiệu lực"),
    ProcedureStatus.ABOLISHED.value: gettext_lazy("Đã bãi bỏ"),
    STATUS_ALL: gettext_lazy("Tất cả, kể cả đã bãi bỏ"),
}


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order for Vietnamese names, close to a dictionary's (diacritics second)."""
    return strip_diacritics(text).casefold(), text


@dataclass(frozen=True)
class CatalogFilters:
    """The filters of a catalog listing, as their stable GET parameters (empty string = not set)."""

    field: str = ""
    agency: str = ""
    level: str = ""
    online: str = ""
    status: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str], **preset: str) -> CatalogFilters:
        """Raw (untrusted) values from a query string; `preset` (a listing route) wins over them."""
        values = {name: str(params.get(name, "") or "").strip()[:120] for name in FILTER_NAMES}
        values.update({name: value for name, value in preset.items() if name in FILTER_NAMES})
        return cls(**values)

    def replace(self, **changes: str) -> CatalogFilters:
        return dataclasses.replace(self, **changes)

    def as_params(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)}

    def querystring(self, **changes: str) -> str:
        """`?field=...&level=...` for these filters with `changes` applied ('' when empty)."""
        params = self.replace(**changes).as_params() if changes else self.as_params()
        return "?" + urlencode(params) if params else ""

    @property
    def is_default(self) -> bool:
        return not self.as_params()


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    all_label: str = ""
    # A facet whose empty value is itself a choice (status: "in force") has no "all" option.
    has_all_option: bool = True

    @property
    def selected(self) -> FacetOption | None:
        return next((option for option in self.options if option.selected and option.value), None)


@dataclass
class CatalogListing:
    filters: CatalogFilters
    page: PaginatorPage
    facets: dict[str, Facet]
    field: Field | None = None
    agency: Agency | None = None
    ignored: list[str] = dataclasses.field(default_factory=list)
    active: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def page_range(self) -> list:
        """Page numbers to link, with `ELLIPSIS` ("…") in the gaps: 1 … 4 5 6 … 20."""
        return list(self.page.paginator.get_elided_page_range(self.page.number, on_each_side=1, on_ends=1))


# --- Filtering ---------------------------------------------------------------------------------
def _base_queryset(root) -> QuerySet:
    qs = ProcedurePage.objects.live()
    if root is not None:
        qs = qs.descendant_of(root)
    return qs


def _apply(qs: QuerySet, filters: CatalogFilters, *, skip: str = "") -> QuerySet:
    """`qs` narrowed by every filter but `skip` (filters must already be validated)."""
    if skip != "field" and filters.field:
        qs = qs.filter(field__slug=filters.field)
    if skip != "agency" and filters.agency:
        qs = qs.filter(implementing_agency__slug=filters.agency)
    if skip != "level" and filters.level:
        qs = qs.filter(levels__code=filters.level)
    if skip != "online" and filters.online:
        if filters.online == ONLINE_ANY:
            qs = qs.filter(online_level__in=[OnlineLevel.FULL, OnlineLevel.PARTIAL])
        else:
            qs = qs.filter(online_level=filters.online)
    if skip != "status":
        if filters.status == ProcedureStatus.ABOLISHED:
            qs = qs.filter(status=ProcedureStatus.ABOLISHED)
        elif filters.status != STATUS_ALL:
            qs = qs.exclude(status=ProcedureStatus.ABOLISHED)
    return qs


def _validate(filters: CatalogFilters) -> tuple[CatalogFilters, Field | None, Agency | None, list[str]]:
    """Drop unknown values (with a message for the citizen) and load the named field and agency."""
    ignored: list[str] = []
    changes: dict[str, str] = {}
    field_obj = agency_obj = None
    if filters.field:
        field_obj = Field.objects.filter(slug=filters.field).first()
        if field_obj is None:
            ignored.append(_("Không có lĩnh vực “%(value)s”.") % {"value": filters.field})
            changes["field"] = ""
    if filters.agency:
        agency_obj = Agency.objects.filter(slug=filters.agency).first()
        if agency_obj is None:
            ignored.append(_("Không có cơ quan “%(value)s”.") % {"value": filters.agency})
            changes["agency"] = ""
    if filters.level and filters.level not in ImplementationLevel.values:
        ignored.append(_("Không có cấp thực hiện “%(value)s”.") % {"value": filters.level})
        changes["level"] = ""
    if filters.online and filters.online not in [*OnlineLevel.values, ONLINE_ANY]:
        ignored.append(_("Không có mức độ trực tuyến “%(value)s”.") % {"value": filters.online})
        changes["online"] = ""
    if filters.status and filters.status not in STATUS_LABELS:
        ignored.append(_("Không có tình trạng “%(value)s”.") % {"value": filters.status})
        changes["status"] = ""
    return filters.replace(**changes), field_obj, agency_obj, ignored


# --- Facets ------------------------------------------------------------------------------------
def _grouped(qs: QuerySet, *keys: str) -> list[dict]:
    # order_by() clears Page's default ordering by path, which would otherwise join the GROUP BY.
    return list(qs.order_by().values(*keys).annotate(n=Count("pk", distinct=True)))


def _facet_field(qs: QuerySet, filters: CatalogFilters) -> Facet:
    rows = _grouped(qs, "field__slug", "field__name")
    options = [
        FacetOption(row["field__slug"], row["field__name"], row["n"], row["field__slug"] == filters.field)
        for row in rows
        if row["field__slug"]
    ]
    options.sort(key=lambda option: sort_key(option.label))
    return Facet("field", str(FACET_LABELS["field"]), options, str(ALL_LABELS["field"]))


def _facet_agency(qs: QuerySet, filters: CatalogFilters) -> Facet:
    rows = _grouped(qs, "implementing_agency__slug", "implementing_agency__name")
    options = [
        FacetOption(
            row["implementing_agency__slug"],
            row["implementing_agency__name"],
            row["n"],
            row["implementing_agency__slug"] == filters.agency,
        )
        for row in rows
        if row["implementing_agency__slug"]
    ]
    options.sort(key=lambda option: sort_key(option.label))
    return Facet("agency", str(FACET_LABELS["agency"]), options, str(ALL_LABELS["agency"]))


def _facet_level(qs: QuerySet, filters: CatalogFilters) -> Facet:
    counts = {row["levels__code"]: row["n"] for row in _grouped(qs, "levels__code")}
    options = [
        FacetOption(value, str(label), counts.get(value, 0), value == filters.level)
        for value, label in ImplementationLevel.choices
        if counts.get(value) or value == filters.level
    ]
    return Facet("level", str(FACET_LABELS["level"]), options, str(ALL_LABELS["level"]))


def _facet_online(qs: QuerySet, filters: CatalogFilters) -> Facet:
    counts = {row["online_level"]: row["n"] for row in _grouped(qs, "online_level")}
    any_online = counts.get(OnlineLevel.FULL, 0) + counts.get(OnlineLevel.PARTIAL, 0)
    options = [FacetOption(ONLINE_ANY, str(ONLINE_ANY_LABEL), any_online, filters.online == ONLINE_ANY)]
    options += [
        FacetOption(value, str(label), counts.get(value, 0), value == filters.online)
        for value, label in OnlineLevel.choices
    ]
    return Facet("online", str(FACET_LABELS["online"]), options, str(ALL_LABELS["online"]))


def _facet_status(qs: QuerySet, filters: CatalogFilters) -> Facet:
    counts = {row["status"]: row["n"] for row in _grouped(qs, "status")}
    abolished = counts.get(ProcedureStatus.ABOLISHED, 0)
    total = sum(counts.values())
    numbers = {"": total - abolished, ProcedureStatus.ABOLISHED.value: abolished, STATUS_ALL: total}
    options = [
        FacetOption(value, str(label), numbers[value], value == filters.status)
        for value, label in STATUS_LABELS.items()
    ]
    return Facet("status", str(FACET_LABELS["status"]), options, has_all_option=False)


FACET_BUILDERS = {
    "field": _facet_field,
    "agency": _facet_agency,
    "level": _facet_level,
    "online": _facet_online,
    "status": _facet_status,
}


def _facets(root, filters: CatalogFilters, names, base_url: str) -> dict[str, Facet]:
    """Every facet's options and counts under the filters, computed once per content version (they
    change only when published content does: core.pagecache.cached_by_content)."""

    def compute():
        base = _base_queryset(root)
        facets = {}
        for name in names:
            facet = FACET_BUILDERS[name](_apply(base, filters, skip=name), filters)
            for option in facet.options:
                option.url = base_url + filters.querystring(**{name: option.value})
            facets[name] = facet
        return facets

    params = (root.pk if root is not None else None, filters, tuple(names), base_url)
    return cached_by_content("catalog-facets", params, compute)


def catalog_facets(
    *, root=None, names: tuple[str, ...] = FILTER_NAMES, base_url: str = ""
) -> dict[str, Facet]:
    """Facet counts of the whole catalog in force (for the home page and the browse pages)."""
    return _facets(root, CatalogFilters(), names, base_url)


# --- The listing -------------------------------------------------------------------------------
def _page_in_vietnamese_order(qs: QuerySet, *, page_number, per_page: int, order_key) -> PaginatorPage:
    """One page of `qs` sorted by name in Vietnamese order ("Đăng ký" next to "Dân", not after "Z").

    Database collations differ (SQLite and PostgreSQL "C" sort by code point), so the ordering is
    done here on (id, name) pairs — a few thousand short rows — and only the page's rows are loaded.
    The ordered ids are kept per content version under `order_key` (what selects `qs`).
    """

    def ordered_ids():
        pairs = qs.order_by().values_list("pk", "official_name", "title").distinct()
        return [
            pk for pk, _name, _title in sorted(pairs, key=lambda row: (sort_key(row[1] or row[2]), row[0]))
        ]

    ids = cached_by_content("catalog-order", order_key, ordered_ids)
    page = Paginator(ids, per_page).get_page(page_number)
    rows = qs.filter(pk__in=list(page.object_list)).select_related("field", "implementing_agency")
    by_pk = {row.pk: row for row in rows.prefetch_related("levels").order_by()}
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    return page


def list_procedures(
    *,
    filters: CatalogFilters,
    root=None,
    page_number: int | str | None = 1,
    per_page: int = PER_PAGE,
    base_url: str = "",
) -> CatalogListing:
    """One page of live procedures under `root` matching `filters`, with every facet's counts.

    Unknown filter values are dropped and reported in `ignored`. `base_url` (the catalog's URL) is
    the target of facet links, so that `option.url` is a stable, shareable GET URL.
    """
    filters, field_obj, agency_obj, ignored = _validate(filters)
    base = _base_queryset(root)
    page = _page_in_vietnamese_order(
        _apply(base, filters),
        page_number=page_number,
        per_page=per_page,
        order_key=(root.pk if root is not None else None, filters),
    )
    facets = _facets(root, filters, FILTER_NAMES, base_url)
    # A chosen field or agency with no result under the other filters still shows as chosen.
    for name, obj in (("field", field_obj), ("agency", agency_obj)):
        if obj is not None and facets[name].selected is None:
            option = FacetOption(
                obj.slug, obj.name, 0, True, base_url + filters.querystring(**{name: obj.slug})
            )
            facets[name].options.insert(0, option)

    active = []
    for name in FILTER_NAMES:
        facet = facets[name]
        chosen = facet.selected
        if chosen is not None and facet.has_all_option:
            active.append((facet.label, chosen.label, base_url + filters.querystring(**{name: ""})))
        elif name == "status" and filters.status:
            label = str(STATUS_LABELS[filters.status])
            active.append((facet.label, label, base_url + filters.querystring(status="")))
    return CatalogListing(
        filters=filters,
        page=page,
        facets=facets,
        field=field_obj,
        agency=agency_obj,
        ignored=ignored,
        active=active,
    )
