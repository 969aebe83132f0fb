"""The embedded engine: the database is the store, ranking runs over an in-process inverted index."""

import threading
from collections import Counter
from heapq import nlargest

from procedures.constants import ProcedureStatus

from ...names import LEVEL_WORDS
from ..base import FACETS, Engine, EngineResult, Filters, Hit
from .index import ACTIVE_MARK, DOCUMENT_COLUMNS, Doc, MemoryIndex, RankingConfig
from .spelling import SpellingIndex

__all__ = ["MemoryEngine"]

ABOLISHED = ProcedureStatus.ABOLISHED.value


def _facet_values(doc: Doc, facet: str):
    if facet == "field":
        return (doc.field_id,) if doc.field_id is not None else ()
    if facet == "agency":
        return (doc.agency_id,) if doc.agency_id is not None else ()
    if facet == "level":
        return doc.levels
    return (doc.online_level,) if doc.online_level else ()


def _to_hit(doc: Doc, score: float, promoted: bool = False) -> Hit:
    return Hit(
        page_id=doc.page_id,
        code=doc.code,
        base_code=doc.base_code,
        name=doc.name,
        url=doc.url,
        field_id=doc.field_id,
        agency_id=doc.agency_id,
        agency_label=doc.agency_label,
        levels=doc.levels,
        online_level=doc.online_level,
        legacy_level=doc.legacy_level,
        status=doc.status,
        successor_id=doc.successor_id,
        score=score,
        promoted=promoted,
    )


class MemoryEngine(Engine):
    name = "embedded"

    def __init__(self, config: RankingConfig | None = None):
        self.config = config or RankingConfig()
        self._index: MemoryIndex | None = None
        self._spelling: SpellingIndex | None = None
        self._lock = threading.Lock()

    # --- freshness ------------------------------------------------------------------------------
    def _rows(self, ids=None):
        from ...models import SearchDocument

        # Ordered by primary key: equal scores are broken by load order, which must not depend on the
        # database's row order (PostgreSQL returns an unordered table in any order).
        queryset = SearchDocument.objects.order_by("pk")
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
        return queryset.values(*DOCUMENT_COLUMNS).iterator(chunk_size=2000)

    def load(self, token: str = "") -> MemoryIndex:
        """Build the index from the whole table (also used by benchmarks)."""
        index = MemoryIndex.build(self._rows(), config=self.config, token=token)
        self._index = index
        self._spelling = None
        return index

    def current(self, token: str) -> MemoryIndex:
        """The index as of `token`: loaded on first use, refreshed in place when the token changed."""
        index = self._index
        if index is not None and index.token == token:
            return index
        with self._lock:
            index = self._index
            if index is not None and index.token == token:
                return index
            if index is None:
                return self.load(token)
            from ...models import SearchDocument

            stored = set(SearchDocument.objects.values_list("pk", flat=True))
            loaded = set(index.by_pk)
            for pk in loaded - stored:
                index.remove(pk)
            new = sorted(stored - loaded)
            for start in range(0, len(new), 500):
                index.add_rows(self._rows(new[start : start + 500]))
            if index.needs_compaction:
                return self.load(token)
            index.token = token
            self._spelling = None
            return index

    def warm(self, token: str = "") -> int:
        """Load the index and its spelling index now: 1.6 s on the national catalog that the first
        citizen to search would otherwise wait."""
        index = self.current(token)
        self._spelling_index(index)
        return len(index.by_pk)

    def reset(self) -> None:
        with self._lock:
            self._index = None
            self._spelling = None

    # --- searching ------------------------------------------------------------------------------
    def _term_weights(self, query) -> list[tuple[str, float]]:
        bigram_weight = self.config.bigram_weight
        pairs = list(query.unigrams.items())
        pairs.extend((term, weight * bigram_weight) for term, weight in query.bigrams.items())
        return pairs

    def _rerank(self, index: MemoryIndex, query, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """Reward names that contain what was asked (coverage) and ask for little else (precision)."""
        config = self.config
        if not query.unigrams or not (config.name_coverage_weight or config.name_precision_weight):
            return ranked
        asked: dict[str, float] = {}
        word_idf: dict[str, float] = {}
        for word, weight in query.unigrams.items():
            df = index.df(word)
            if df:
                word_idf[word] = index.idf(df)
                asked[word] = weight * word_idf[word]
        asked_mass = sum(asked.values())
        if asked_mass <= 0:
            return ranked
        asked_words = frozenset(asked)
        docs = index.docs
        result = []
        for score, doc_index in ranked:
            doc = docs[doc_index]
            common = doc.name_words & asked_words
            found = sum(asked[word] for word in common)
            matched_name = sum(word_idf[word] for word in doc.head_words & asked_words)
            bonus = 1.0 + config.name_coverage_weight * found / asked_mass
            bonus += config.name_precision_weight * matched_name / index.name_mass(doc_index)
            result.append((score * bonus, doc_index))
        result.sort(key=lambda item: (-item[0], item[1]))
        return result

    def _level_rank(self, doc: Doc) -> int:
        order = self.config.home_levels
        return min((order.index(level) for level in doc.levels if level in order), default=len(order))

    def _order_twins(
        self, index: MemoryIndex, query, ranked: list[tuple[float, int]]
    ) -> list[tuple[float, int]]:
        """Level twins that the query does not tell apart are put in the order of the home levels.

        The twins keep the positions their family already holds (scores are left as they were): only
        which twin sits in which of those positions changes. A query naming a level ("xã", "tỉnh",
        "trung ương") or one twin's authority (a syllable pair of its qualifier that the other twins
        lack: "bo_nong", "chu_tich") keeps the score order, and so does a twin scoring under
        `twin_ratio` of its family's best.
        """
        config = self.config
        if not config.home_levels or len(ranked) < 2:
            return ranked
        if LEVEL_WORDS.intersection(query.unigrams):
            return ranked  # "tỉnh", "xã", "trung ương"...: the query names a level, the scores decide
        docs = index.docs
        families: dict[str, list[int]] = {}
        for position, (_score, doc_index) in enumerate(ranked[: config.rerank_depth]):
            family = docs[doc_index].family
            if family:
                families.setdefault(family, []).append(position)
        asked_pairs = set(query.bigrams)
        result = None
        for positions in families.values():
            if len(positions) < 2:
                continue
            best = ranked[positions[0]][0]
            positions = [
                position for position in positions if ranked[position][0] >= config.twin_ratio * best
            ]
            twins = [docs[ranked[position][1]] for position in positions]
            if len(twins) < 2 or len({twin.levels for twin in twins}) < 2:
                continue
            shared_pairs = frozenset.intersection(*(twin.qualifier_pairs for twin in twins))
            if any(asked_pairs & (twin.qualifier_pairs - shared_pairs) for twin in twins):
                continue  # the query names one twin's authority ("bo_nong", "chu_tich"): scores decide
            ordered = sorted(
                positions, key=lambda position: (self._level_rank(docs[ranked[position][1]]), position)
            )
            if ordered == positions:
                continue
            if result is None:
                result = list(ranked)
            for slot, position in zip(positions, ordered, strict=True):
                result[slot] = (ranked[slot][0], ranked[position][1])
        return ranked if result is None else result

    def ranked(self, index: MemoryIndex, query, *, include_inactive: bool) -> list[tuple[float, int]]:
        """(score, doc index) of every document worth showing, best first."""
        config = self.config
        alive, docs = index.alive, index.docs
        if query.is_empty:  # browsing by facets only: every procedure, by name
            listed = [
                (0.0, doc_index)
                for doc_index, mark in enumerate(alive)
                if mark == ACTIVE_MARK or (include_inactive and mark)
            ]
            listed.sort(key=lambda item: (docs[item[1]].name_folded, docs[item[1]].code))
            return listed
        scores = index.score(self._term_weights(query))
        for code in query.codes:
            for doc_index in index.codes.get(code, ()):
                scores[doc_index] = scores.get(doc_index, 0.0) + config.code_score
        if include_inactive:
            candidates = [(score, doc_index) for doc_index, score in scores.items() if alive[doc_index]]
        else:
            candidates = [
                (score, doc_index) for doc_index, score in scores.items() if alive[doc_index] == ACTIVE_MARK
            ]
        if not candidates:
            return []
        depth = config.rerank_depth
        top = nlargest(depth, candidates)
        reranked = self._rerank(index, query, top)
        kept = [item for item in reranked if item[0] >= config.cutoff * reranked[0][0]]
        kept = self._order_twins(index, query, kept)
        if len(top) == depth:
            # Beyond the re-ranked head, raw scores are compared with the raw best score.
            floor = config.cutoff * top[0][0]
            seen = {doc_index for _score, doc_index in top}
            rest = [item for item in candidates if item[0] >= floor and item[1] not in seen]
            rest.sort(key=lambda item: (-item[0], item[1]))
            kept.extend(rest)
        return kept

    def search(
        self, query, *, filters: Filters, offset: int, limit: int, promoted=(), token=""
    ) -> EngineResult:
        index = self.current(token)
        ranked = self.ranked(index, query, include_inactive=filters.include_inactive)
        docs = index.docs
        selected = {facet: filters.selected(facet) for facet in FACETS}
        active = [facet for facet in FACETS if selected[facet]]
        facets = {facet: Counter() for facet in FACETS}
        results: list[tuple[float, int]] = []
        for score, doc_index in ranked:
            doc = docs[doc_index]
            failed = [
                facet for facet in active if not any(v in selected[facet] for v in _facet_values(doc, facet))
            ]
            if not failed:
                results.append((score, doc_index))
            for facet in FACETS:
                if not failed or failed == [facet]:
                    facets[facet].update(_facet_values(doc, facet))
        hits = [_to_hit(docs[doc_index], score) for score, doc_index in results]
        if promoted and offset == 0:
            hits = self._with_promoted(index, hits, promoted)
        return EngineResult(hits=hits[offset : offset + limit], total=len(hits), facets=facets)

    def _with_promoted(self, index: MemoryIndex, hits: list[Hit], promoted) -> list[Hit]:
        by_page = {}
        for doc_index, doc in enumerate(index.docs):
            if index.alive[doc_index] and doc.page_id in promoted:
                by_page[doc.page_id] = doc
        pinned = [_to_hit(by_page[page_id], 0.0, promoted=True) for page_id in promoted if page_id in by_page]
        pinned_ids = {hit.page_id for hit in pinned}
        return pinned + [hit for hit in hits if hit.page_id not in pinned_ids]

    def autocomplete(self, query, *, limit: int, token="") -> list[Hit]:
        """Procedures whose name has every typed syllable, the last one as a prefix ("dang k" → "đăng ký")."""
        index = self.current(token)
        words = query.words
        if not words:
            return []
        names = index.name_postings()
        *complete, last = words
        candidate_sets = []
        for word in complete:
            docs = names.get(word)
            if not docs:
                return []
            candidate_sets.append(set(docs))
        prefixed = set()
        for word in self._spelling_index(index).words_with_prefix(last, limit=60):
            prefixed.update(names.get(word, ()))
        candidate_sets.append(prefixed)
        candidates = set.intersection(*candidate_sets) if candidate_sets else set()
        docs = index.docs
        scored = []
        for doc_index in candidates:
            doc = docs[doc_index]
            if doc.status == ABOLISHED:
                continue
            position = doc.name_folded.find(" ".join(words))
            scored.append((position != 0, position < 0, len(doc.name), doc.code, doc_index))
        scored.sort()
        return [_to_hit(docs[item[-1]], 0.0) for item in scored[:limit]]

    def _spelling_index(self, index: MemoryIndex) -> SpellingIndex:
        spelling = self._spelling
        if spelling is None or spelling.source is not index:
            spelling = self._spelling = SpellingIndex(index)
        return spelling

    def known_words(self, words, token="") -> set[str]:
        vocabulary = self.current(token).vocabulary()
        return {word for word in words if word in vocabulary}

    def did_you_mean(self, query, token="") -> str | None:
        index = self.current(token)
        if not query.words:
            return None
        vocabulary = index.vocabulary()
        spelling = self._spelling_index(index)
        corrected, changed = [], False
        words = query.words
        for position, word in enumerate(words):
            if word in vocabulary or word.isdigit():
                corrected.append(word)
                continue
            previous = corrected[-1] if corrected else ""
            following = words[position + 1] if position + 1 < len(words) else ""
            suggestion = spelling.correct(word, previous=previous, following=following)
            if suggestion:
                corrected.append(suggestion)
                changed = True
            else:
                corrected.append(word)
        return " ".join(corrected) if changed else None
