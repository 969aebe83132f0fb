"""Search requests for Elasticsearch/OpenSearch, built with `elasticsearch.dsl` (see `to_dict()`).

Same contract as the embedded engine: OR semantics over folded syllables with field weights, syllable
pairs and phrases boosted, codes matched exactly, abolished procedures filtered out unless asked for,
facets as aggregations that ignore their own facet's selection (disjunctive facets), promotions first.
"""

from elasticsearch.dsl import A, Q, Search

from procedures.constants import ProcedureStatus

from ..base import FACETS, Filters
from .mapping import PAIRS_BOOST, TEXT_FIELD_BOOSTS

__all__ = ["FACET_FIELDS", "autocomplete_request", "search_request"]

FACET_FIELDS = {"field": "field_id", "agency": "agency_id", "level": "levels", "online": "online_level"}
FACET_SIZE = 200
# At least this share of the query's syllables must match (short queries: all but one).
MINIMUM_SHOULD_MATCH = "2<60%"


def _facet_filter(filters: Filters, facet: str):
    values = sorted(filters.selected(facet), key=str)
    return Q("terms", **{FACET_FIELDS[facet]: values}) if values else None


def _text_query(query):
    text = query.folded
    should = []
    if text:
        should.append(
            Q(
                "multi_match",
                query=text,
                type="most_fields",
                fields=[f"{name}^{boost:g}" for name, boost in TEXT_FIELD_BOOSTS.items()],
                operator="or",
                minimum_should_match=MINIMUM_SHOULD_MATCH,
            )
        )
        should.append(
            Q(
                "multi_match",
                query=text,
                type="most_fields",
                fields=[f"name.pairs^{PAIRS_BOOST:g}", "keywords.pairs^2"],
            )
        )
        should.append(Q("match_phrase", name={"query": text, "slop": 2, "boost": 2.0}))
    if query.codes:
        codes = [code.lstrip("#") for code in query.codes]
        should.append(Q("terms", code=codes, boost=100.0))
        should.append(Q("terms", base_code=codes, boost=50.0))
    return Q("bool", should=should, minimum_should_match=1) if should else Q("match_all")


def search_request(index: str, query, *, filters: Filters, offset: int, limit: int, promoted=()) -> Search:
    search = Search(index=index).extra(track_total_hits=True)
    base = _text_query(query)
    if promoted:
        base = Q(
            "bool",
            should=[base, Q("terms", page_id=list(promoted), boost=10_000.0)],
            minimum_should_match=1,
        )
    if not filters.include_inactive:
        base = Q("bool", must=[base], must_not=[Q("term", status=ProcedureStatus.ABOLISHED.value)])
    search = search.query(base)
    facet_filters = {facet: _facet_filter(filters, facet) for facet in FACETS}
    active = [flt for flt in facet_filters.values() if flt is not None]
    if active:
        search = search.post_filter(Q("bool", filter=active))
    for facet in FACETS:
        others = [flt for name, flt in facet_filters.items() if flt is not None and name != facet]
        bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        search.aggs.bucket(facet, bucket).bucket(
            "values", A("terms", field=FACET_FIELDS[facet], size=FACET_SIZE)
        )
    if query.is_empty:
        search = search.sort("code")
    return search[offset : offset + limit]


def autocomplete_request(index: str, query, *, limit: int) -> Search:
    search = Search(index=index).query(
        Q(
            "bool",
            must=[Q("match_bool_prefix", name={"query": query.folded, "operator": "and"})],
            must_not=[Q("term", status=ProcedureStatus.ABOLISHED.value)],
        )
    )
    return search[:limit]
