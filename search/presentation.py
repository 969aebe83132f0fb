"""What the results page shows: GET parameters ↔ filters, labels of facets and results."""

import time
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from procedures.constants import ImplementationLevel, LegacyLevel, OnlineLevel, ProcedureStatus
from procedures.models import Field, ProcedurePage

from .engines import FACETS, Filters, Hit
from .text import fold, iter_words

__all__ = [
    "FACET_PARAMS",
    "PARAM_INCLUDE_INACTIVE",
    "PARAM_PAGE",
    "FacetGroup",
    "FacetOption",
    "ResultItem",
    "describe_facets",
    "describe_hits",
    "filters_from_params",
    "nearest_fields",
    "restore_marks",
]

PARAM_QUERY = "q"
PARAM_PAGE = "trang"
PARAM_INCLUDE_INACTIVE = "tinh_trang"
INCLUDE_INACTIVE_VALUE = "tat_ca"
FACET_PARAMS = {"field": "linh_vuc", "agency": "co_quan", "level": "cap", "online": "muc_do"}
FACET_TITLES = {
    "field": _("Lĩnh vực"),
    "agency": _("Cơ quan thực hiện"),
    "level": _("Cấp thực hiện"),
    "online": _("Mức độ dịch vụ công trực tuyến"),
}
VISIBLE_OPTIONS = 8


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class FacetGroup:
    key: str
    param: str
    title: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def visible(self) -> list[FacetOption]:
        return self.options[:VISIBLE_OPTIONS]

    @property
    def more(self) -> list[FacetOption]:
        return self.options[VISIBLE_OPTIONS:]

    @property
    def selected_options(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


@dataclass
class ResultItem:
    hit: Hit
    name_html: str
    field_name: str = ""
    agency_name: str = ""
    level_labels: list[str] = field(default_factory=list)
    online_label: str = ""
    legacy_label: str = ""
    inactive: bool = False
    status_label: str = ""
    successor: dict | None = None


_labels_cache: dict = {}


def _labels(choices) -> dict[str, str]:
    key = (choices, get_language())
    labels = _labels_cache.get(key)
    if labels is None:
        labels = _labels_cache[key] = {value: str(label) for value, label in choices.choices}
    return labels


_names_cache: dict = {}
NAMES_TTL = 60.0  # seconds: a renamed field or agency shows its new name within a minute


def _names(model, needed=()) -> dict[int, tuple[str, str]]:
    """{pk: (slug, name)} of every Field or Agency, cached briefly in this process (reloaded at once
    when an id is not in the cache, so a new record never goes missing)."""
    now = time.monotonic()
    cached = _names_cache.get(model)
    if cached is None or now - cached[0] > NAMES_TTL or any(pk not in cached[1] for pk in needed if pk):
        rows = {pk: (slug, name) for pk, slug, name in model.objects.values_list("pk", "slug", "name")}
        cached = _names_cache[model] = (now, rows)
    return cached[1]


def clear_names_cache() -> None:
    _names_cache.clear()


def filters_from_params(params) -> Filters:
    """Filters from the GET parameters of the results page; unknown values are ignored."""
    params = params if isinstance(params, QueryDict) else QueryDict(urlencode(params or {}, doseq=True))
    field_slugs = [value for value in params.getlist(FACET_PARAMS["field"]) if value][:50]
    agency_slugs = [value for value in params.getlist(FACET_PARAMS["agency"]) if value][:50]
    fields = (
        frozenset(Field.objects.filter(slug__in=field_slugs).values_list("pk", flat=True))
        if field_slugs
        else frozenset()
    )
    agencies = (
        frozenset(Agency.objects.filter(slug__in=agency_slugs).values_list("pk", flat=True))
        if agency_slugs
        else frozenset()
    )
    levels = frozenset(v for v in params.getlist(FACET_PARAMS["level"]) if v in ImplementationLevel.values)
    online = frozenset(v for v in params.getlist(FACET_PARAMS["online"]) if v in OnlineLevel.values)
    return Filters(
        field=fields,
        agency=agencies,
        level=levels,
        online=online,
        include_inactive=params.get(PARAM_INCLUDE_INACTIVE) == INCLUDE_INACTIVE_VALUE,
    )


def _base_pairs(params: QueryDict) -> list[tuple[str, str]]:
    return [(key, value) for key, values in params.lists() if key != PARAM_PAGE for value in values if value]


def _toggle_url(pairs: list[tuple[str, str]], param: str, value: str) -> str:
    """The query string with `param=value` added, or removed when it is there (page number dropped)."""
    if (param, value) in pairs:
        toggled = [pair for pair in pairs if pair != (param, value)]
    else:
        toggled = [*pairs, (param, value)]
    return "?" + urlencode(toggled)


def describe_facets(counts: dict, *, filters: Filters, params=None) -> list[FacetGroup]:
    params = params if isinstance(params, QueryDict) else QueryDict(urlencode(params or {}, doseq=True))
    field_rows = _names(Field, set(counts.get("field", {})) | set(filters.field))
    agency_rows = _names(Agency, set(counts.get("agency", {})) | set(filters.agency))
    level_labels = _labels(ImplementationLevel)
    online_labels = _labels(OnlineLevel)
    pairs = _base_pairs(params)
    groups = []
    for facet in FACETS:
        param = FACET_PARAMS[facet]
        group = FacetGroup(key=facet, param=param, title=str(FACET_TITLES[facet]))
        facet_counts = dict(counts.get(facet, {}))
        for value in filters.selected(facet):
            facet_counts.setdefault(value, 0)
        for value, count in facet_counts.items():
            if facet in ("field", "agency"):
                row = (field_rows if facet == "field" else agency_rows).get(value)
                if row is None:
                    continue
                key, label = row
            elif facet == "level":
                key, label = value, level_labels.get(value, value)
            else:
                key, label = value, online_labels.get(value, value)
            selected = value in filters.selected(facet)
            group.options.append(FacetOption(key, label, count, selected, _toggle_url(pairs, param, key)))
        group.options.sort(key=lambda option: (not option.selected, -option.count, fold(option.label)))
        if group.options:
            groups.append(group)
    return groups


def describe_hits(hits: list[Hit], *, highlight_name) -> list[ResultItem]:
    field_rows = _names(Field, {hit.field_id for hit in hits})
    agency_rows = _names(Agency, {hit.agency_id for hit in hits})
    successor_ids = {hit.successor_id for hit in hits if hit.successor_id}
    successors = {}
    if successor_ids:
        for page in ProcedurePage.objects.live().filter(pk__in=successor_ids):
            successors[page.pk] = {"url": page.url, "name": page.display_name, "code": page.code}
    level_labels = _labels(ImplementationLevel)
    online_labels = _labels(OnlineLevel)
    legacy_labels = _labels(LegacyLevel)
    status_labels = _labels(ProcedureStatus)
    items = []
    for hit in hits:
        items.append(
            ResultItem(
                hit=hit,
                name_html=highlight_name(hit.name),
                field_name=field_rows.get(hit.field_id, ("", ""))[1],
                agency_name=agency_rows.get(hit.agency_id, ("", ""))[1] or hit.agency_label,
                level_labels=[level_labels.get(code, code) for code in hit.levels],
                online_label=online_labels.get(hit.online_level, "") if hit.online_level else "",
                legacy_label=legacy_labels.get(hit.legacy_level, "") if hit.legacy_level else "",
                inactive=hit.status == ProcedureStatus.ABOLISHED,
                status_label=status_labels.get(hit.status, ""),
                successor=successors.get(hit.successor_id),
            )
        )
    return items


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def nearest_fields(folded_query: str, *, limit: int = 5) -> list[dict]:
    """Fields whose names look most like the query (letter trigrams), else the largest fields."""
    from .models import SearchDocument

    counts = dict(
        SearchDocument.objects.exclude(field_id=None)
        .values_list("field_id")
        .annotate(n=Count("pk"))
        .values_list("field_id", "n")
    )
    rows = list(Field.objects.filter(pk__in=counts).values("pk", "slug", "name"))
    query_grams = _trigrams(folded_query) if folded_query else set()
    scored = []
    for row in rows:
        grams = _trigrams(fold(row["name"]))
        similarity = len(query_grams & grams) / len(query_grams | grams) if query_grams else 0.0
        scored.append((similarity, counts.get(row["pk"], 0), row))
    similar = [item for item in scored if item[0] >= 0.12]
    chosen = sorted(similar or scored, key=lambda item: (-item[0], -item[1], item[2]["name"]))[:limit]
    return [
        {"name": row["name"], "count": count, "url": "?" + urlencode({FACET_PARAMS["field"]: row["slug"]})}
        for _similarity, count, row in chosen
    ]


def restore_marks(folded_phrase: str, source: str) -> str:
    """Put diacritics back on a folded phrase, word by word, as they are written in `source`."""
    originals = {}
    for start, end, folded in iter_words(source):
        originals.setdefault(folded, source[start:end].lower())
    return " ".join(originals.get(word, word) for word in folded_phrase.split())
