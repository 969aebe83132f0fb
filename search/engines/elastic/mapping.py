"""The Elasticsearch/OpenSearch index: Vietnamese-folding analyzers, synonyms, syllable pairs.

Built with `elasticsearch.dsl` (inside the `elasticsearch` client); `index_definition(...)` returns the
body of the create-index request.

Folding in the analyzer matches `search.text.fold`: a char filter drops combining marks (so NFD input
folds like NFC), `lowercase`, then `asciifolding` (which maps đ → d and every precomposed Vietnamese
letter, two marks included, to its base letter). The search analyzer adds the editor-kept synonyms
(`synonym_graph`, rules written folded); the `pairs` sub-fields hold syllable bigrams (`shingle`).
"""

from elasticsearch.dsl import Index, Keyword, Mapping, Text, analyzer, char_filter, token_filter
from elasticsearch.dsl.field import Date, Integer

from ...text import fold

__all__ = ["TEXT_FIELD_BOOSTS", "index_definition", "synonym_rules", "synonym_settings"]

TEXT_FIELD_BOOSTS = {"name": 6.0, "keywords": 3.0, "field": 1.0, "agency": 0.5, "body": 0.5}
PAIRS_BOOST = 4.0

_strip_marks = char_filter("vi_strip_marks", type="pattern_replace", pattern="\\p{M}+", replacement="")
_shingle = token_filter(
    "vi_shingle", type="shingle", min_shingle_size=2, max_shingle_size=2, output_unigrams=False
)
_FOLD = ["lowercase", "asciifolding"]


def synonym_rules(pairs: list[tuple[str, str]]) -> list[str]:
    """Solr-format rules, folded, keeping the typed words: 'cccd => cccd, can cuoc'."""
    grouped: dict[str, list[str]] = {}
    for variant, expansion in pairs:
        variant, expansion = fold(variant), fold(expansion)
        if variant and expansion and variant != expansion:
            targets = grouped.setdefault(variant, [variant])
            if expansion not in targets:
                targets.append(expansion)
    return [f"{variant} => {', '.join(targets)}" for variant, targets in sorted(grouped.items())]


def _analyzers(rules: list[str]):
    folded = analyzer("vi_folded", tokenizer="standard", char_filter=[_strip_marks], filter=_FOLD)
    search_filters = list(_FOLD)
    if rules:
        search_filters.append(token_filter("vi_synonyms", type="synonym_graph", synonyms=rules, lenient=True))
    folded_search = analyzer(
        "vi_folded_search", tokenizer="standard", char_filter=[_strip_marks], filter=search_filters
    )
    pairs = analyzer("vi_pairs", tokenizer="standard", char_filter=[_strip_marks], filter=[*_FOLD, _shingle])
    return folded, folded_search, pairs


def _mapping(rules: list[str]) -> Mapping:
    folded, folded_search, pairs = _analyzers(rules)
    mapping = Mapping()
    for name in TEXT_FIELD_BOOSTS:
        sub_fields = {"pairs": Text(analyzer=pairs)} if name in ("name", "keywords") else {}
        mapping.field(name, Text(analyzer=folded, search_analyzer=folded_search, fields=sub_fields))
    mapping.field("page_id", Integer())
    for keyword in (
        "code",
        "base_code",
        "status",
        "online_level",
        "legacy_level",
        "levels",
        "url",
        "agency_label",
    ):
        mapping.field(keyword, Keyword())
    for number in ("field_id", "agency_id", "successor_id"):
        mapping.field(number, Integer())
    mapping.field("indexed_at", Date())
    mapping.meta("dynamic", "strict")
    return mapping


def index_definition(name: str, *, synonym_pairs: list[tuple[str, str]]) -> dict:
    """Body of PUT /<name>: settings (analysis) and mappings."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.mapping(_mapping(synonym_rules(synonym_pairs)))
    return index.to_dict()


def synonym_settings(synonym_pairs: list[tuple[str, str]]) -> dict:
    """The analysis settings to PUT on a closed index when the synonym list changed."""
    return {"analysis": index_definition("_", synonym_pairs=synonym_pairs)["settings"]["analysis"]}
