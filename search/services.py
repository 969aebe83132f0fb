"""Public API of the search app: the search page, autocomplete, index maintenance, query statistics.

Views, management commands, the evaluation and other apps call these functions; they never talk to an
engine directly.
"""

import time
from dataclasses import dataclass, field

from django.utils.http import urlencode

from .engines import FACETS, Filters, Hit, get_engine
from .highlight import highlight
from .indexing import deferred_indexing, rebuild
from .models import SearchVersion
from .presentation import (
    PARAM_INCLUDE_INACTIVE,
    PARAM_PAGE,
    FacetGroup,
    ResultItem,
    describe_facets,
    describe_hits,
    filters_from_params,
    nearest_fields,
    restore_marks,
)
from .promotions import promotions_for
from .query import ParsedQuery, parse_query
from .querylog import log_query, weekly_report
from .synonyms import compiled_synonyms

__all__ = [
    "SearchOutcome",
    "autocomplete",
    "deferred_indexing",
    "filters_from_params",
    "log_query",
    "rebuild_index",
    "warm_up",
    "run_search",
    "weekly_report",
]

PER_PAGE = 20


@dataclass
class SearchOutcome:
    """Everything the results page shows. `redirect_url` is set when the query was a procedure code."""

    query: str
    parsed: ParsedQuery
    filters: Filters
    redirect_url: str = ""
    hits: list[Hit] = field(default_factory=list)
    items: list[ResultItem] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    num_pages: int = 1
    facets: list[FacetGroup] = field(default_factory=list)
    suggestion: str = ""
    suggestion_url: str = ""
    nearest_fields: list = field(default_factory=list)
    promoted_links: tuple = ()
    elapsed_ms: float = 0.0

    @property
    def first_position(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def page_links(self) -> list[int | None]:
        """Page numbers to link to: first, last and two either side of the current page; None is a gap."""
        wanted = {1, self.num_pages, *range(self.page - 2, self.page + 3)}
        links: list[int | None] = []
        for number in sorted(n for n in wanted if 1 <= n <= self.num_pages):
            if links and links[-1] is not None and number - links[-1] > 1:
                links.append(None)
            links.append(number)
        return links

    @property
    def selected_filters(self) -> list:
        return [option for group in self.facets for option in group.selected_options]


def _parse(raw: str, versions: dict) -> ParsedQuery:
    return parse_query(raw, synonyms=compiled_synonyms(versions.get("synonyms", "")))


def run_search(
    *,
    query: str,
    filters: Filters | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    params=None,
    describe: bool = True,
) -> SearchOutcome:
    """Run a search the way the results page does. `params` (the GET parameters) builds facet links.

    With `describe=False` only hits and totals are filled (what the evaluation needs), which skips
    highlighting and the labels of facets.
    """
    from procedures.codes import looks_like_code
    from procedures.services import find_by_code

    started = time.perf_counter()
    filters = filters or Filters()
    versions = SearchVersion.current()
    parsed = _parse(query, versions)
    outcome = SearchOutcome(query=parsed.raw, parsed=parsed, filters=filters)
    if looks_like_code(parsed.raw):
        target = find_by_code(parsed.raw)
        if target is not None:
            outcome.redirect_url = target.url or ""
            outcome.hits = [
                Hit(
                    page_id=target.pk,
                    code=target.code,
                    base_code=target.base_code,
                    name=target.display_name,
                    url=outcome.redirect_url,
                    field_id=target.field_id,
                    agency_id=target.implementing_agency_id,
                    agency_label="",
                    levels=(),
                    online_level=target.online_level,
                    legacy_level=target.legacy_level,
                    status=target.status,
                    successor_id=target.successor_id,
                    score=1.0,
                )
            ]
            outcome.total = 1
            outcome.elapsed_ms = (time.perf_counter() - started) * 1000
            return outcome
    if parsed.is_empty and not filters.any_selected:
        outcome.elapsed_ms = (time.perf_counter() - started) * 1000
        return outcome
    page = max(1, page)
    engine = get_engine()
    promotions = promotions_for(parsed.folded, token=versions.get("promotions", ""))
    result = engine.search(
        parsed,
        filters=filters,
        offset=(page - 1) * per_page,
        limit=per_page,
        promoted=promotions.page_ids if not filters.any_selected else (),
        token=versions.get("index", ""),
    )
    outcome.hits = result.hits
    outcome.total = result.total
    outcome.page = page
    outcome.per_page = per_page
    outcome.num_pages = max(1, -(-result.total // per_page))
    outcome.promoted_links = promotions.links
    if describe:
        words = parsed.highlight_words
        outcome.items = describe_hits(result.hits, highlight_name=lambda name: highlight(name, words))
        outcome.facets = describe_facets(result.facets, filters=filters, params=params)
        if result.total == 0 or any(word not in _known(engine, parsed, versions) for word in parsed.words):
            _suggest(outcome, engine, versions, filters)
        if result.total == 0:
            outcome.nearest_fields = nearest_fields(parsed.folded)
    outcome.elapsed_ms = (time.perf_counter() - started) * 1000
    return outcome


def _known(engine, parsed: ParsedQuery, versions: dict) -> set[str]:
    known = getattr(engine, "known_words", None)
    if known is None:
        return set(parsed.words)
    return known(parsed.words, token=versions.get("index", ""))


def _suggest(outcome: SearchOutcome, engine, versions: dict, filters: Filters) -> None:
    corrected = engine.did_you_mean(outcome.parsed, token=versions.get("index", ""))
    if not corrected or corrected == outcome.parsed.folded:
        return
    probe = engine.search(
        _parse(corrected, versions),
        filters=Filters(include_inactive=filters.include_inactive),
        offset=0,
        limit=1,
        token=versions.get("index", ""),
    )
    if not probe.total:
        return
    outcome.suggestion = restore_marks(corrected, probe.hits[0].name)
    outcome.suggestion_url = "?" + urlencode({"q": outcome.suggestion})


def autocomplete(*, query: str, limit: int = 8) -> list[dict]:
    """Suggestions while typing: procedure names matching every word, the last one as a prefix.

    When no name starts that way (an abbreviation such as "cccd"), the best full-search results.
    """
    versions = SearchVersion.current()
    parsed = _parse(query, versions)
    if len(parsed.folded) < 2 and not parsed.codes:
        return []
    engine = get_engine()
    hits = engine.autocomplete(parsed, limit=limit, token=versions.get("index", ""))
    if not hits and not parsed.is_empty:
        hits = engine.search(
            parsed, filters=Filters(), offset=0, limit=min(limit, 5), token=versions.get("index", "")
        ).hits
    words = parsed.highlight_words | set(parsed.words)
    return [
        {"name": hit.name, "name_html": str(highlight(hit.name, words)), "code": hit.code, "url": hit.url}
        for hit in hits
    ]


def warm_up() -> int:
    """Build this process's search index now, not on a citizen's first query (gunicorn's
    post_worker_init, deploy/gunicorn.conf.py). Returns the documents loaded (0 for Elasticsearch)."""
    return get_engine().warm(token=SearchVersion.current().get("index", ""))


def rebuild_index() -> int:
    """Rewrite the whole index from the live procedures (manage.py rebuild_search_index)."""
    return rebuild()


# Parameters of the results page, for templates and other apps that link to a filtered search.
PARAMS = {"page": PARAM_PAGE, "include_inactive": PARAM_INCLUDE_INACTIVE, "facets": FACETS}
