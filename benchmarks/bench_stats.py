"""Statistics dashboards on a large dossier set (issue 8): p95 latency of the province page and of an
agency page, uncached (cache emptied before each request), after a write (the statistics data
version bumped before each request: every figure computed again, table fragments whose content did
not change still cached) and cached (nothing written in between: the page's figures from the
cache), and the usage summary's refresh time (whole set-based rebuild, and one dossier with its
monthly cells: what the task does after a status change).

Data, generated in SQL (INSERT … SELECT generate_series, so a million rows load in seconds): 20
agencies × 3 published procedures (with level history), a roadmap 2016–2025 with four targets, N dossiers (default 1,000,000) submitted
over 2025, with status histories: 5 % refused, 15 % open (processing), 10 % new, 70 % returned
(finished 1–12 days after acceptance; 7 days to the appointment, so some late). The dossier columns
the benchmark does not know (the back office adds some) get their model default, NULL or ''.
Pages are fetched with Django's test client (whole request stack, no network), year 2025.

Usage: .venv/bin/python benchmarks/bench_stats.py [N]   (PostgreSQL only: tests/scripts/with-postgres.sh)
BENCH_PROFILE=1 also prints each page's SQL queries (slowest first) and a cProfile of one request.
Figures last measured: docs/statistics.md, "Benchmark".
"""

from __future__ import annotations

import datetime
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENCIES, PROCEDURES_PER_AGENCY = 20, 3
REQUESTS = 20


def outer(n: int) -> int:
    if not (Path("/usr/lib/postgresql/15/bin/initdb").exists() or shutil.which("initdb")):
        print("PostgreSQL not installed: skipped")
        return 0
    return subprocess.run(
        ["bash", "tests/scripts/with-postgres.sh", sys.executable, __file__, "--inner", str(n)], cwd=ROOT
    ).returncode


def _fill(model, explicit: dict[str, str], connection) -> tuple[list[str], list[str], list]:
    """Columns, SQL expressions and parameters for INSERT … SELECT: `explicit` expressions, else the
    field's default, else NULL (nullable) or '' (text)."""
    columns, expressions, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.name not in explicit:
            continue
        columns.append(field.column)
        if field.name in explicit:
            expressions.append(explicit[field.name])
        elif field.has_default():
            expressions.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
        elif field.null:
            expressions.append("NULL")
        else:
            expressions.append("''")
    return columns, expressions, params


def _insert(model, explicit, source_sql, source_params, connection) -> None:
    columns, expressions, params = _fill(model, explicit, connection)
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "
        f"SELECT {', '.join(expressions)} FROM {source_sql}"
    )
    # explicit expressions hold no placeholders: the parameters are the defaults, in column order
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *source_params])


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def timed(fn, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def inner(n: int) -> None:
    print(f"load average at start: {load()}", flush=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    sys.path.insert(0, str(ROOT))
    import psycopg

    url = os.environ["DATABASE_URL"]
    base, _slash, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)

    from dossiers.models import Dossier, StatusChange
    from forms.models import FormVersion, OnlineForm
    from procedures.constants import OnlineLevel
    from roadmap.constants import TargetKind
    from roadmap.tests.factories import make_agency, make_procedure, make_roadmap, set_level, target
    from stats.models import DossierUsage, UsageMonthly
    from stats.services.usage_refresh import refresh_usage

    started = time.perf_counter()
    agencies, procedures, versions = [], [], []
    for a in range(AGENCIES):
        agency = make_agency(f"Sở đo {a + 1}", slug=f"so-do-{a + 1}")
        agencies.append(agency)
        for p in range(PROCEDURES_PER_AGENCY):
            level = (OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE)[p % 3]
            page = make_procedure(agency=agency, online_level=level)
            set_level(page, datetime.date(2017 + p, 1, 1), legacy_level="2")  # history before today's
            form = OnlineForm.objects.create(procedure=page)
            version = FormVersion.objects.create(
                form=form, number=1, schema={}, schema_hash=f"bench-{page.pk}"
            )
            procedures.append(page)
            versions.append(version)
    # A roadmap 2016–2025, so that the pages show targets and a ten-year yearly series.
    make_roadmap(
        start=2016,
        end=2025,
        targets=[
            target(TargetKind.LEVEL2_COMPLETE_SHARE, 100, start=2016, end=2020),
            target(TargetKind.LEVEL3_SHARE, 30, start=2016, end=2025),
            target(TargetKind.LEVEL4_COUNT, 10, start=2021, end=2025),
            target(TargetKind.ONE_STOP_SHARE, 50, start=2016, end=2025),
        ],
    )
    catalog_s = time.perf_counter() - started

    started = time.perf_counter()
    proc_ids = [p.pk for p in procedures]
    agency_ids = [p.implementing_agency_id for p in procedures]
    version_ids = [v.pk for v in versions]
    k = len(procedures)
    # The procedure is picked by a hash of g, not g % k: with g % k, a procedure's dossiers would
    # all share one status, one finishing delay and a few submission days (k divides 20, 12, 330),
    # and the monthly usage cells would be unrealistically few.
    pick = f"(%s::bigint[])[1 + (abs(hashint4(g::int)) %% {k})]"
    submitted = "(timestamptz '2025-01-01 02:00+00' + ((g %% 330) || ' days')::interval)"
    explicit = {
        "code": "'BENCH-' || g",
        "submission_token": "md5(g::text)::uuid",
        "procedure": pick.replace("%s", "ARRAY[" + ",".join(map(str, proc_ids)) + "]", 1),
        "form_version": pick.replace("%s", "ARRAY[" + ",".join(map(str, version_ids)) + "]", 1),
        "agency": pick.replace("%s", "ARRAY[" + ",".join(map(str, agency_ids)) + "]", 1),
        "procedure_code": "'1.bench'",
        "procedure_name": "'Thủ tục đo'",
        "agency_code": "'000.00.00.H00'",
        "status": "CASE WHEN g %% 20 = 0 THEN '3' WHEN g %% 20 <= 3 THEN '4' "
        "WHEN g %% 20 <= 5 THEN '1' ELSE '10' END",
        "submitted_at": submitted,
        "appointment_date": f"({submitted} + interval '7 days')::date",
        "applicant_name": "'Nguyễn Văn Đo'",
    }
    _insert(Dossier, explicit, "generate_series(1, %s) AS g", [n], connection)
    dossiers_s = time.perf_counter() - started

    started = time.perf_counter()
    source = (
        f"(SELECT id AS dossier_id, submitted_at, status AS final, "
        f"split_part(code, '-', 2)::int AS g FROM {Dossier._meta.db_table}) AS d"
    )

    def history(status: str, at: str, where: str) -> None:
        _insert(
            StatusChange,
            {"dossier": "d.dossier_id", "status": f"'{status}'", "at": at},
            f"{source} WHERE {where}",
            [],
            connection,
        )

    history("1", "d.submitted_at", "true")
    history("3", "d.submitted_at + interval '1 day'", "d.final = '3'")
    history("2", "d.submitted_at + interval '1 day'", "d.final IN ('4', '10')")
    history("4", "d.submitted_at + interval '2 days'", "d.final IN ('4', '10')")
    history("9", "d.submitted_at + ((1 + d.g %% 12) || ' days')::interval", "d.final = '10'")
    history("10", "d.submitted_at + ((2 + d.g %% 12) || ' days')::interval", "d.final = '10'")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    history_s = time.perf_counter() - started
    changes = StatusChange.objects.count()
    print(
        f"data: {AGENCIES} agencies, {k} procedures ({catalog_s:.1f} s), {n:,} dossiers ({dossiers_s:.1f} s), "
        f"{changes:,} status changes ({history_s:.1f} s)",
        flush=True,
    )

    started = time.perf_counter()
    written = refresh_usage()
    refresh_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"summary refresh, all dossiers (set-based): {written:,} rows and {UsageMonthly.objects.count():,} "
        f"monthly cell rows in {refresh_s:.1f} s ({written / refresh_s:,.0f} rows/s); load {load()}",
        flush=True,
    )
    ids = list(Dossier.objects.order_by("?").values_list("pk", flat=True)[:50])
    one = timed(lambda: refresh_usage(dossier_ids=[ids.pop()]), 50)
    print(
        f"summary refresh, one dossier (the task after a status change): median {statistics.median(one):.1f} ms, "
        f"p95 {p95(one):.1f} ms (50 runs)",
        flush=True,
    )
    assert DossierUsage.objects.count() == n

    from django.core.cache import cache

    from stats.services.figure_cache import bump_stats_version

    client = Client()
    pages = {
        "province /thong-ke/?nam=2025": "/thong-ke/?nam=2025",
        f"agency /thong-ke/co-quan/{agencies[0].slug}/?nam=2025": f"/thong-ke/co-quan/{agencies[0].slug}/?nam=2025",
    }
    for label, url in pages.items():

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        get()  # warm-up (imports, template loading)
        if os.environ.get("BENCH_PROFILE"):
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                get()
            slow = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))
            total = sum(float(q["time"]) for q in slow)
            print(f"{label}: {len(slow)} queries, {total * 1000:.0f} ms in SQL; slowest:")
            for q in slow[:8]:
                print(f"  {float(q['time']) * 1000:.0f} ms  {q['sql'][:300]}")
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(get)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(
                r"/work/main/(stats|roadmap|feedback)", 25
            )

        def cold(url=url):
            cache.clear()  # nothing kept: every figure and table computed and written again
            get(url)

        def after_write(url=url):
            bump_stats_version()  # an input written (a status change's refresh, a rating, an edit)
            get(url)

        modes = (
            ("uncached", cold),
            ("after a write: statistics data version bumped", after_write),
            ("cached: nothing written in between", get),
        )
        for mode, fn in modes:
            samples = timed(fn, REQUESTS)
            print(
                f"{label}: median {statistics.median(samples):.0f} ms, p95 {p95(samples):.0f} ms, "
                f"max {max(samples):.0f} ms ({REQUESTS} requests, {mode}); load {load()}",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--inner":
        inner(int(sys.argv[2]))
    else:
        sys.exit(outer(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
