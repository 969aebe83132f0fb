"""Search latency and quality on the real catalog, and latency at 50,000 synthetic procedures.

1. A temporary SQLite database is migrated and both detailed catalog files are imported with the real
   importer (`import_procedures`, 2,642 + 207 records; the search index is filled by its publish signals).
2. Every query of the evaluation files runs through `search.services.run_search` (the results page's
   code path, highlighting and facet labels included): R@1/R@10/MRR where there are gold codes, p50/p95
   latency for all, also with diacritics stripped, and for the 400 unlabeled FAQ questions.
3. The same folded documents are searched through Wagtail's search framework (database backend, FTS5)
   for comparison, "and" and "or" operators (what the ADR reports).
4. 50,000 synthetic procedures: names recombined from real names (a real head + a real qualifier),
   fields, agencies and bodies taken from real records, written straight into the search table with
   bulk_create (not 50,000 Wagtail page saves), then the same queries are timed.

Usage: .venv/bin/python benchmarks/bench_search.py [--synthetic N] [--skip-wagtail]
       DATABASE_URL=sqlite:////path/db.sqlite3 .venv/bin/python benchmarks/bench_search.py --reuse
       (--reuse: use an already imported database instead of a temporary one; it is not modified
       except for the synthetic documents, which are removed at the end)
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ("catalog/national-ministries-2642.jsonl", "catalog/defence-ministry-207.jsonl")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))] if ordered else 0.0


def rss_mb() -> float:
    """Current resident memory of this process (Linux)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


CPU_TIMES: list[float] = []  # CPU milliseconds per query of the last `timed` call


def timed(function, queries):
    """(p50, p95) of wall-clock milliseconds per query. The CPU time of each query (this process only,
    so less disturbed by other work on a shared machine) is kept in CPU_TIMES for `cpu_line`."""
    times = []
    CPU_TIMES.clear()
    for query in queries:
        started, cpu = time.perf_counter(), time.process_time()
        function(query)
        times.append((time.perf_counter() - started) * 1000)
        CPU_TIMES.append((time.process_time() - cpu) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def cpu_line() -> str:
    """CPU p50/p95 of the last `timed` call and the load average: read wall-clock figures with these."""
    return (
        f"cpu_p50_ms={statistics.median(CPU_TIMES):.1f} cpu_p95_ms={percentile(CPU_TIMES, 0.95):.1f} "
        f"load_average={os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )


def main(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    shared = Path(settings.SHARED_DATA_DIR)
    if not all((shared / name).exists() for name in CATALOG):
        print(f"shared data missing under {shared}: skipped")
        return
    if not args.reuse:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        report = io.StringIO()
        call_command(
            "import_procedures", *[str(shared / name) for name in CATALOG], stdout=report, stderr=report
        )
        print(report.getvalue().strip().splitlines()[-1])
        print(f"import: {time.perf_counter() - started:.1f} s (includes indexing)")

    from search.engines import get_engine
    from search.evaluation import evaluate, load_cases
    from search.models import SearchDocument, SearchVersion
    from search.services import run_search

    count = SearchDocument.objects.count()
    print(f"documents: {count}   load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    engine = get_engine()
    engine.reset()
    gc.collect()
    before = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    engine.current(SearchVersion.current().get("index", ""))
    gc.collect()
    held = rss_mb() - before
    print(
        f"embedded index: {time.process_time() - cpu:.1f} s CPU to build, {held:.0f} MB more resident memory"
    )
    print(f"embedded index load: {(time.perf_counter() - started) * 1000:.0f} ms wall")

    eval_dir = shared / "eval"
    labelled = [
        ("keyword-queries-dev", {}),
        ("faq-labeled-169", {"query_key": "question", "gold_key": "ma_thu_tuc_khop_trong_bo_du_lieu"}),
    ]
    all_queries = []
    for name, keys in labelled:
        for strip in (False, True):
            cases, _skipped = load_cases(eval_dir / f"{name}.jsonl", strip=strip, **keys)
            report = evaluate(cases)
            all_queries.extend(case.query for case in cases)
            print(f"{name}{' (no diacritics)' if strip else ''}: {report.line()}")
    import json

    with open(eval_dir / "faq-questions-400.jsonl", encoding="utf-8") as handle:
        questions = [json.loads(line)["question"] for line in handle if line.strip()]

    p50, p95 = timed(lambda q: run_search(query=q), questions)
    print(
        f"faq-questions-400 (200 with, 200 without diacritics): p50_ms={p50:.1f} p95_ms={p95:.1f} {cpu_line()}"
    )
    zero = sum(1 for q in questions if run_search(query=q, describe=False).total == 0)
    print(f"faq-questions-400 with zero results: {zero}")
    p50, p95 = timed(lambda q: run_search(query=q), all_queries)
    print(f"all labelled queries, {count} procedures: p50_ms={p50:.1f} p95_ms={p95:.1f} {cpu_line()}")

    if not args.skip_wagtail:
        wagtail_comparison(all_queries)
    synthetic(args.synthetic, all_queries + questions)


def wagtail_comparison(queries) -> None:
    """Wagtail's own search framework (database backend) over the same folded documents."""
    from modelsearch.backends import get_search_backend

    from search.models import SearchDocument
    from search.query import parse_query

    backend = get_search_backend()
    started = time.perf_counter()
    index = backend.get_index_for_model(SearchDocument)
    index.add_model(SearchDocument)
    documents = list(SearchDocument.objects.all())
    for start in range(0, len(documents), 500):
        index.add_items(SearchDocument, documents[start : start + 500])
    print(
        f"wagtail database backend ({backend.__class__.__module__}): indexed in {time.perf_counter() - started:.1f} s"
    )
    for operator in ("and", "or"):

        def run(query, operator=operator):
            folded = parse_query(query).folded
            return list(backend.search(folded, SearchDocument, operator=operator)[:10]) if folded else []

        sample = queries[:60]
        p50, p95 = timed(run, sample)
        empty = sum(1 for q in sample if not run(q))
        print(
            f"wagtail backend operator={operator}: p50_ms={p50:.1f} p95_ms={p95:.1f} zero_results={empty}/{len(sample)}"
        )


def synthetic(total: int, queries) -> None:
    from django.db import transaction

    from search.engines import get_engine
    from search.models import SearchDocument, SearchVersion
    from search.services import run_search

    real = list(SearchDocument.objects.order_by("pk"))
    if not real or total <= len(real):
        return
    last_real_pk = real[-1].pk
    rng = random.Random(2026)
    heads, tails = [], []
    for document in real:
        name = document.name
        cut = name.find(" (") if " (" in name else name.find(", ")
        heads.append((name[:cut] if cut > 0 else name, document))
        if cut > 0:
            tails.append(name[cut:])
    started = time.perf_counter()
    new = []
    for number in range(total - len(real)):
        head, source = rng.choice(heads)
        donor = rng.choice(real)
        name = head + (rng.choice(tails) if tails and rng.random() < 0.7 else "")
        from search.indexing import _folded

        new.append(
            SearchDocument(
                page_id=source.page_id,
                code=f"8.{number:06d}",
                base_code=f"8.{number:06d}",
                name=name,
                url=source.url,
                field_id=donor.field_id,
                agency_id=source.agency_id,
                agency_label=source.agency_label,
                levels=donor.levels,
                online_level=donor.online_level,
                status=source.status,
                name_folded=_folded(name),
                keywords_folded="",
                field_folded=donor.field_folded,
                agency_folded=source.agency_folded,
                body_folded=donor.body_folded,
            )
        )
    with transaction.atomic():
        SearchDocument.objects.bulk_create(new, batch_size=1000)
        SearchVersion.bump("index")
    print(
        f"synthetic: {len(new)} documents written in {time.perf_counter() - started:.1f} s "
        f"(bulk_create into the search table; no Wagtail pages)"
    )
    try:
        engine = get_engine()
        started = time.perf_counter()
        engine.current(SearchVersion.current()["index"])
        print(f"embedded index refresh to {total}: {(time.perf_counter() - started):.1f} s wall")
        engine.reset()
        gc.collect()
        before = rss_mb()
        started, cpu = time.perf_counter(), time.process_time()
        engine.current(SearchVersion.current()["index"])
        gc.collect()
        held = rss_mb() - before
        print(
            f"embedded index cold load of {total}: {(time.perf_counter() - started):.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU, {held:.0f} MB more resident memory"
        )
        run_search(query=queries[0])
        p50, p95 = timed(lambda q: run_search(query=q), queries)
        print(f"{total} procedures, {len(queries)} queries: p50_ms={p50:.1f} p95_ms={p95:.1f} {cpu_line()}")
    finally:
        with transaction.atomic():
            SearchDocument.objects.filter(pk__gt=last_real_pk).delete()
            SearchVersion.bump("index")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=50_000)
    parser.add_argument("--skip-wagtail", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="use the database in DATABASE_URL as it is")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.reuse or options.inner:
        main(options)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3")
            command = [sys.executable, __file__, "--inner", "--synthetic", str(options.synthetic)]
            if options.skip_wagtail:
                command.append("--skip-wagtail")
            sys.exit(subprocess.run(command, cwd=ROOT, env=env).returncode)
