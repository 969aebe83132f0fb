"""An inverted index over the folded search documents, held in each process's memory.

Terms are folded syllables and syllable bigrams; each posting stores the BM25F-saturated term weight
of the document (fields weighted and length-normalised before saturation), so a query only multiplies
and adds. The index is built from the `SearchDocument` table and refreshed from it when the "index"
version token changes: documents are rewritten (new primary key) on every change, so comparing the
set of primary keys tells what to drop and what to load, whatever order transactions committed in.
"""

from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from heapq import nlargest
from math import log

from procedures.constants import ProcedureStatus

from ...names import name_parts
from ...text import BIGRAM_JOINER, code_term

__all__ = ["ACTIVE_MARK", "DOCUMENT_COLUMNS", "Doc", "MemoryIndex", "RankingConfig"]

ABOLISHED = ProcedureStatus.ABOLISHED.value
# Values of MemoryIndex.alive: removed, active, abolished (shown only when asked for).
DEAD_MARK, ACTIVE_MARK, ABOLISHED_MARK = 0, 1, 2
TEXT_FIELDS = ("name", "keywords", "field", "agency", "body")
DOCUMENT_COLUMNS = (
    "id",
    "page_id",
    "code",
    "base_code",
    "name",
    "url",
    "field_id",
    "agency_id",
    "agency_label",
    "levels",
    "online_level",
    "legacy_level",
    "status",
    "successor_id",
    "name_folded",
    "keywords_folded",
    "field_folded",
    "agency_folded",
    "body_folded",
)


@dataclass
class RankingConfig:
    """Weights of the ranker. Changing them is a product decision: measure with `search_eval` first."""

    k1: float = 1.2
    weights: dict = field(
        default_factory=lambda: {"name": 6.0, "keywords": 3.0, "field": 1.0, "agency": 0.5, "body": 0.5}
    )
    b: dict = field(
        default_factory=lambda: {"name": 0.6, "keywords": 0.5, "field": 0.3, "agency": 0.3, "body": 0.75}
    )
    bigram_weight: float = 1.5  # a query's syllable pair counts this much more than a single syllable
    common_share: float = 0.08  # terms in more docs than this share only add to docs found by rarer terms
    min_common_df: int = 200
    common_pool: int = 100  # candidates that common terms are added to
    min_idf: float = 0.0  # terms rarer than this (in nearly every document) are ignored
    cutoff: float = 0.3  # results scoring under this share of the best score are not counted
    rerank_depth: int = 100
    name_coverage_weight: float = 0.6  # bonus for the share of the query (by IDF) found in the name
    name_precision_weight: float = 0.3  # bonus for the share of the name (by IDF) that the query asked for
    code_score: float = 1000.0
    # Level twins (the same procedure at several levels, names differing only by a level qualifier,
    # see search.names) are ordered by these levels when the query does not name one; a twin scoring
    # under `twin_ratio` of its family's best keeps its place.
    home_levels: tuple = ("province", "commune", "ministry", "other")
    twin_ratio: float = 0.9


@dataclass(slots=True)
class Doc:
    pk: int
    page_id: int
    code: str
    base_code: str
    name: str
    url: str
    field_id: int | None
    agency_id: int | None
    agency_label: str
    levels: tuple
    online_level: str
    legacy_level: str
    status: str
    successor_id: int | None
    name_words: frozenset
    # the name without parenthesised qualifiers ("(thực hiện tại cấp tỉnh)") and level clauses
    # ("thuộc thẩm quyền của UBND cấp tỉnh"): see search.names
    head_words: frozenset
    name_folded: str
    family: str  # the name without its level qualifiers: level twins share it
    qualifier_words: frozenset
    qualifier_pairs: frozenset


_pair = ("{}" + BIGRAM_JOINER + "{}").format


def _field_counts(text: str) -> tuple[Counter, int]:
    """Counts of the unigram and bigram terms of a stored folded field (one phrase per line), and its
    length in syllables."""
    counts: Counter = Counter()
    length = 0
    for line in text.split("\n"):
        words = line.split()
        if not words:
            continue
        length += len(words)
        counts.update(words)
        if len(words) > 1:
            counts.update(map(_pair, words, words[1:]))
    return counts, length


class MemoryIndex:
    def __init__(self, config: RankingConfig, token: str = ""):
        self.config = config
        self.token = token
        self.docs: list[Doc] = []
        self.alive = bytearray()
        self.by_pk: dict[int, int] = {}
        self.postings: dict[str, tuple[array, array]] = {}
        self.codes: dict[str, list[int]] = {}
        self.avg_len: dict[str, float] = {name: 1.0 for name in TEXT_FIELDS}
        self.live_count = 0
        self.dead_count = 0
        self._vocabulary = None  # built lazily for spelling suggestions and autocomplete
        self._name_mass: dict[int, float] = {}
        self._name_postings = None

    # --- building ------------------------------------------------------------------------------
    @classmethod
    def build(cls, rows, *, config: RankingConfig, token: str = "") -> "MemoryIndex":
        index = cls(config, token)
        rows = list(rows)
        totals = dict.fromkeys(TEXT_FIELDS, 0)
        for row in rows:
            for name in TEXT_FIELDS:
                totals[name] += len((row.get(f"{name}_folded") or "").split())
        count = max(len(rows), 1)
        index.avg_len = {name: max(totals[name] / count, 1.0) for name in TEXT_FIELDS}
        for row in rows:
            index._add(row)
        return index

    def _add(self, row: dict) -> None:
        config = self.config
        doc_index = len(self.docs)
        name_words = frozenset((row.get("name_folded") or "").split())
        parts = name_parts(row["name"])
        self.docs.append(
            Doc(
                pk=row["id"],
                page_id=row["page_id"],
                code=row["code"],
                base_code=row["base_code"],
                name=row["name"],
                url=row["url"],
                field_id=row["field_id"],
                agency_id=row["agency_id"],
                agency_label=row["agency_label"],
                levels=tuple(row["levels"] or ()),
                online_level=row["online_level"],
                legacy_level=row["legacy_level"],
                status=row["status"],
                successor_id=row["successor_id"],
                name_words=name_words,
                head_words=parts.head_words or name_words,
                name_folded=" ".join((row.get("name_folded") or "").split()),
                family=parts.family,
                qualifier_words=parts.qualifier_words,
                qualifier_pairs=parts.qualifier_pairs,
            )
        )
        self.alive.append(ABOLISHED_MARK if row["status"] == ABOLISHED else ACTIVE_MARK)
        self.by_pk[row["id"]] = doc_index
        self.live_count += 1
        pseudo_tf: dict[str, float] = {}
        get = pseudo_tf.get
        for name in TEXT_FIELDS:
            counts, length = _field_counts(row.get(f"{name}_folded") or "")
            if not length:
                continue
            b = config.b[name]
            norm = config.weights[name] / (1.0 - b + b * length / self.avg_len[name])
            for term, count in counts.items():
                pseudo_tf[term] = get(term, 0.0) + count * norm
        k1 = config.k1
        postings = self.postings
        for term, tf in pseudo_tf.items():
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("i"), array("f"))
            entry[0].append(doc_index)
            entry[1].append(tf / (k1 + tf))
        for code in {row["code"], row["base_code"]}:
            if code:
                self.codes.setdefault(code_term(code), []).append(doc_index)
        self._vocabulary = None
        self._name_postings = None
        self._name_mass = {}

    def remove(self, pk: int) -> None:
        doc_index = self.by_pk.pop(pk, None)
        if doc_index is not None and self.alive[doc_index]:
            self.alive[doc_index] = 0
            self.live_count -= 1
            self.dead_count += 1
            self._vocabulary = None
            self._name_postings = None

    def add_rows(self, rows) -> None:
        for row in rows:
            self.remove(row["id"])
            self._add(row)

    @property
    def needs_compaction(self) -> bool:
        return self.dead_count > 50 and self.dead_count > 0.2 * (self.live_count + self.dead_count)

    # --- statistics ------------------------------------------------------------------------------
    def df(self, term: str) -> int:
        entry = self.postings.get(term)
        return len(entry[0]) if entry is not None else 0

    def idf(self, df: int) -> float:
        # Postings keep removed documents until the next compaction, so count them in N as well.
        n = max(len(self.docs), 1)
        return log(1.0 + (n - df + 0.5) / (df + 0.5))

    def vocabulary(self) -> dict[str, int]:
        """Syllable -> document frequency, for spelling suggestions and autocomplete."""
        if self._vocabulary is None:
            self._vocabulary = {
                term: len(entry[0])
                for term, entry in self.postings.items()
                if BIGRAM_JOINER not in term and term.isalpha()
            }
        return self._vocabulary

    def name_postings(self) -> dict[str, list[int]]:
        """Syllable of a name -> live documents whose name has it (for autocomplete)."""
        if self._name_postings is None:
            result: dict[str, list[int]] = {}
            for doc_index, doc in enumerate(self.docs):
                if self.alive[doc_index]:
                    for word in doc.name_words:
                        result.setdefault(word, []).append(doc_index)
            self._name_postings = result
        return self._name_postings

    # --- scoring ------------------------------------------------------------------------------
    def score(self, term_weights: list[tuple[str, float]]) -> dict[int, float]:
        """BM25F score of the candidate documents (dead ones included; callers filter).

        Rare terms are added for every document that has them. Common terms (in more than
        `common_share` of the documents: "cấp", "giấy", "thủ tục"...) carry little weight but long
        postings; they are only added to the best `common_pool` candidates found by the rare terms,
        by binary search in their sorted postings. A document that has only common terms is not a
        candidate unless the query has nothing rarer.
        """
        config = self.config
        weighted = []
        for term, weight in term_weights:
            entry = self.postings.get(term)
            if entry is None or weight <= 0:
                continue
            df = len(entry[0])
            idf = self.idf(df)
            if idf >= config.min_idf:
                weighted.append((df, term, weight * idf, entry))
        weighted.sort(key=lambda item: item[0])
        common_df = max(config.min_common_df, int(config.common_share * max(len(self.docs), 1)))
        scores: dict[int, float] = {}
        get = scores.get
        pool = None
        for df, _term, factor, (docs, sats) in weighted:
            if df <= common_df or not scores:
                for doc_index, sat in zip(docs, sats, strict=True):
                    scores[doc_index] = get(doc_index, 0.0) + factor * sat
                continue
            if pool is None:
                pool = nlargest(config.common_pool, scores, key=scores.__getitem__)
            size = len(docs)
            for doc_index in pool:
                position = bisect_left(docs, doc_index)
                if position < size and docs[position] == doc_index:
                    scores[doc_index] += factor * sats[position]
        return scores

    def name_mass(self, doc_index: int) -> float:
        """Sum of the IDF of the distinct syllables of a document's name (cached until the index changes)."""
        cache = self._name_mass
        value = cache.get(doc_index)
        if value is None:
            value = cache[doc_index] = (
                sum(self.idf(self.df(word)) for word in self.docs[doc_index].head_words) or 1.0
            )
        return value
