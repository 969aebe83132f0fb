"""Measuring search quality and speed on a JSON Lines file of queries with gold procedure codes."""

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from procedures.codes import base_code

from .text import strip_diacritics

__all__ = ["EvalCase", "EvalReport", "evaluate", "load_cases"]


@dataclass
class EvalCase:
    query: str
    gold: list[str]


@dataclass
class EvalReport:
    n: int = 0
    recall_at_1: float = 0.0
    recall_at_10: float = 0.0
    mrr: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    ranks: list = field(default_factory=list)  # (query, rank or None, top code)

    def line(self) -> str:
        return (
            f"n={self.n} R@1={self.recall_at_1:.3f} R@10={self.recall_at_10:.3f} MRR={self.mrr:.3f} "
            f"p50_ms={self.p50_ms:.1f} p95_ms={self.p95_ms:.1f}"
        )


def load_cases(
    path: Path | str, *, query_key="query", gold_key="gold", strip=False
) -> tuple[list[EvalCase], int]:
    """(cases, skipped): rows without a query or without gold codes are skipped."""
    cases, skipped = [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            query = row.get(query_key) or ""
            gold = row.get(gold_key)
            if isinstance(gold, str):
                gold = [gold]
            gold = [code.strip() for code in (gold or []) if isinstance(code, str) and code.strip()]
            if not query.strip() or not gold:
                skipped += 1
                continue
            cases.append(EvalCase(strip_diacritics(query) if strip else query, gold))
    return cases, skipped


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[position]


def evaluate(cases: list[EvalCase], *, search=None, warm_up: bool = True) -> EvalReport:
    """Run every query through `search` (default: the results page's `run_search`) and score the hits.

    A hit counts when its code or national code equals a gold code or the gold code's national part.
    Ranks are read from the first results page (20 results); MRR is over that page.
    """
    if search is None:
        from .services import run_search

        def search(query):
            return run_search(query=query).hits

    if warm_up and cases:
        search(cases[0].query)  # loads the index; not timed
    report = EvalReport(n=len(cases))
    times, reciprocal, at1, at10 = [], 0.0, 0, 0
    for case in cases:
        gold = set(case.gold) | {base_code(code) for code in case.gold}
        started = time.perf_counter()
        hits = search(case.query)
        times.append((time.perf_counter() - started) * 1000)
        rank = None
        for position, hit in enumerate(hits, 1):
            if hit.code in gold or hit.base_code in gold:
                rank = position
                break
        report.ranks.append((case.query, rank, hits[0].code if hits else ""))
        if rank is not None:
            reciprocal += 1.0 / rank
            at1 += rank == 1
            at10 += rank <= 10
    if cases:
        report.recall_at_1 = at1 / len(cases)
        report.recall_at_10 = at10 / len(cases)
        report.mrr = reciprocal / len(cases)
        report.p50_ms = statistics.median(times)
        report.p95_ms = percentile(times, 0.95)
    return report
