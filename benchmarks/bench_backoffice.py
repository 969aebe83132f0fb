"""Back office at scale: 1,000,000 dossiers in PostgreSQL, officer queue and status lookup latency.

    .venv/bin/python benchmarks/bench_backoffice.py [--dossiers N] [--runs R]

1. A throwaway PostgreSQL database: with DATABASE_URL pointing at a PostgreSQL server, a temporary
   database is created there and dropped afterwards; otherwise a throwaway cluster is started with the
   machine's initdb/pg_ctl (tests/scripts/with-postgres.sh) and removed afterwards.
2. `migrate`, then a few procedures with online forms (through Wagtail, as the tests build them) and
   ~100 receiving units (agencies with codes, sizes skewed like a province: a few big centres, many
   communes).
3. N dossiers (default 1,000,000) written with COPY, with their status history (1 to 5 rows each,
   following the legal paths): submission dates over three years, old dossiers mostly closed, recent
   ones spread over the open statuses, due dates from 3 to 20 days after submission. Every column of
   the dossier and history tables is filled: columns this script does not know (added by later
   migrations) get their default, NULL or an empty string, and the script names them.
4. ANALYZE, then R runs each (default 300, after 20 warm-up runs) of
   (a) the officer queue exactly as the back office runs it (one unit, open statuses, by due date,
       first page and total count), through the code base's own queue function, units picked with
       the units' own weights; and
   (b) the citizen status lookup through `dossiers.services.lookup.find_for_lookup` (code + last 4 digits).
   p50/p95/p99 in milliseconds, the query plans, and the aims (queue p95 < 50 ms, lookup p95 < 10 ms).
   When a plan shows a sequential scan of the dossier table, the index that would serve it is printed
   (never created in a migration by this script); it is then created in the throwaway database only
   and the measurement repeated, so the report shows the figures with and without it.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUEUE_AIM_MS, LOOKUP_AIM_MS = 50.0, 10.0
UNITS = 100
# Paths through the 10 national statuses (the transition table of the back office).
PATHS = {
    "1": ["1"],
    "2": ["1", "2"],
    "3": ["1", "3"],
    "4": ["1", "2", "4"],
    "5": ["1", "2", "4", "5"],
    "6": ["1", "2", "4", "6"],
    "7": ["1", "2", "7"],
    "8": ["1", "2", "7", "8"],
    "9": ["1", "2", "4", "9"],
    "10": ["1", "2", "4", "9", "10"],
}
ACTIONS = {
    "2": "accept",
    "3": "refuse",
    "4": "start",
    "5": "request_supplement",
    "6": "request_payment",
    "7": "request_withdrawal",
    "8": "stop",
    "9": "finish",
    "10": "return",
}
OPEN_MIX = [("1", 12), ("2", 12), ("4", 45), ("5", 10), ("6", 5), ("7", 2), ("9", 8), ("10", 6)]
CLOSED_MIX = [("10", 92), ("3", 4), ("8", 3), ("9", 1)]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))] if ordered else 0.0


def summary(label: str, durations: list[float], aim: float | None = None) -> str:
    ms = [d * 1000 for d in durations]
    p95 = percentile(ms, 0.95)
    verdict = ""
    if aim is not None:
        verdict = f" — aim p95 < {aim:g} ms: {'met' if p95 < aim else 'NOT met'}"
    return (
        f"{label}: p50 {percentile(ms, 0.5):.2f} ms, p95 {p95:.2f} ms, p99 {percentile(ms, 0.99):.2f} ms, "
        f"mean {statistics.fmean(ms):.2f} ms over {len(ms)} runs{verdict}"
    )


# --- The throwaway database --------------------------------------------------------------------
def outer(argv: list[str]) -> int:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return subprocess.run([sys.executable, __file__, "--inner", *argv], cwd=ROOT).returncode
    if not (Path("/usr/lib/postgresql/15/bin/initdb").exists() or shutil.which("initdb")):
        print("skipped: PostgreSQL is not installed (tests/scripts/system-deps.sh installs it)")
        return 0
    return subprocess.run(
        ["bash", "tests/scripts/with-postgres.sh", sys.executable, __file__, "--inner", *argv], cwd=ROOT
    ).returncode


# --- Loading -----------------------------------------------------------------------------------
def _weighted(rng: random.Random, mix):
    values, weights = zip(*mix, strict=True)
    cumulative, total = [], 0
    for w in weights:
        total += w
        cumulative.append(total)
    return values, cumulative


class Columns:
    """COPY column list for a model: known columns from `known`, the rest from defaults/NULL/''."""

    def __init__(self, model, known: set[str]):
        from django.db import models

        self.table = model._meta.db_table
        self.names, self.fillers, self.unknown = [], {}, []
        for field in model._meta.concrete_fields:
            self.names.append(field.column)
            if field.attname in known:
                continue
            self.unknown.append(field.column)
            if field.has_default():
                value = field.get_default()
                if isinstance(field, models.JSONField):
                    from psycopg.types.json import Jsonb

                    value = Jsonb(value)
                self.fillers[field.attname] = (lambda v: lambda: v)(value)
            elif field.null:
                self.fillers[field.attname] = lambda: None
            elif isinstance(field, models.CharField | models.TextField):
                self.fillers[field.attname] = lambda: ""
            else:
                raise SystemExit(f"{self.table}.{field.column}: no value known for this required column")
        self.attnames = [f.attname for f in model._meta.concrete_fields]

    def row(self, values: dict) -> tuple:
        return tuple(values[a] if a in values else self.fillers[a]() for a in self.attnames)


def load(n: int, seed: int = 20251128):
    from django.db import connection
    from django.utils import timezone

    from agencies.models import Agency
    from dossiers.models import Dossier, StatusChange
    from dossiers.tests.factories import make_online_procedure
    from forms.models import FormVersion
    from forms.services import current_version

    rng = random.Random(seed)
    procedures = [
        make_online_procedure(code=f"1.{100 + i:06d}", title=title, agency_code=f"000.00.{i:02d}.H80")
        for i, title in enumerate(
            [
                "Đăng ký thành lập hộ kinh doanh",
                "Đăng ký khai sinh",
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "Đăng ký kết hôn",
                "Cấp phiếu lý lịch tư pháp",
            ]
        )
    ]
    versions = [current_version(p.online_form) for p in procedures]
    assert all(isinstance(v, FormVersion) for v in versions)
    units = Agency.objects.bulk_create(
        Agency(
            name=f"Đơn vị tiếp nhận {i:03d}", slug=f"don-vi-{i:03d}", code=f"000.{i // 10:02d}.{i:02d}.H80"
        )
        for i in range(UNITS)
    )
    unit_weights = [1 / (i + 1) ** 0.9 for i in range(UNITS)]  # a few big centres, many communes
    unit_cumulative = []
    total = 0.0
    for w in unit_weights:
        total += w
        unit_cumulative.append(total)

    fields = {f.attname for f in Dossier._meta.concrete_fields}
    unit_columns = [
        a for a in ("agency_id", "receiving_unit_id", "competent_agency_id", "unit_id") if a in fields
    ]
    due_columns = [a for a in ("appointment_date", "due_date", "due_on") if a in fields]
    due_at_columns = [a for a in ("due_at",) if a in fields]
    known = {
        "id",
        "code",
        "submission_token",
        "user_id",
        "procedure_id",
        "procedure_code",
        "procedure_name",
        "form_version_id",
        "agency_code",
        "agency_name",
        "status",
        "submitted_at",
        "time_limit_rule",
        "applicant_name",
        "applicant_phone",
        "applicant_email",
        "applicant_citizen_id",
        "applicant_address",
        "updated_at",
        "status_changed_at",
        *unit_columns,
        *due_columns,
        *due_at_columns,
    } & fields
    dossier_columns = Columns(Dossier, known)
    history_fields = {f.attname for f in StatusChange._meta.concrete_fields}
    history_known = {
        "id",
        "dossier_id",
        "status",
        "at",
        "note",
        "by_id",
        "from_status",
        "action",
    } & history_fields
    history_columns = Columns(StatusChange, history_known)
    for cols in (dossier_columns, history_columns):
        if cols.unknown:
            print(f"  {cols.table}: columns filled with their default/NULL/'': {', '.join(cols.unknown)}")

    open_values, open_cum = _weighted(rng, OPEN_MIX)
    closed_values, closed_cum = _weighted(rng, CLOSED_MIX)
    now = timezone.now().astimezone(UTC).replace(microsecond=0)
    span = 3 * 365 * 86400
    sequences: dict[tuple[int, date], int] = {}
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ"]
    given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hoa", "Hữu Phước", "Ngọc Lan"]
    samples: list[tuple[str, str]] = []
    history_id = 0
    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.connection
        with raw.cursor() as pg:
            dossier_sql = f"COPY {dossier_columns.table} ({', '.join(dossier_columns.names)}) FROM STDIN"
            with pg.copy(dossier_sql) as dossier_copy:
                histories = []
                for i in range(1, n + 1):
                    # Skewed towards recent submissions (more dossiers every year).
                    age = int(span * (rng.random() ** 1.4))
                    submitted = now - timedelta(seconds=age)
                    if age < 45 * 86400:
                        status = open_values[_pick(rng, open_cum)]
                    else:
                        status = closed_values[_pick(rng, closed_cum)]
                    unit_index = _pick_float(rng, unit_cumulative)
                    unit = units[unit_index]
                    p = rng.randrange(len(procedures))
                    local_day = (submitted + timedelta(hours=7)).date()
                    key = (unit_index, local_day)
                    sequences[key] = number = sequences.get(key, 0) + 1
                    code = f"{unit.code}-{local_day:%y%m%d}-{number:04d}"
                    phone = f"09{rng.randrange(10**8):08d}"
                    citizen_id = f"0{rng.randrange(10**11):011d}"
                    due = (submitted + timedelta(days=rng.randint(3, 20))).date()
                    path = PATHS[status]
                    step = max(60, age // (len(path) + 1))
                    times = [submitted + timedelta(seconds=step * k) for k in range(len(path))]
                    values = {
                        "id": i,
                        "code": code,
                        "submission_token": uuid.UUID(int=rng.getrandbits(128), version=4),
                        "user_id": None,
                        "procedure_id": procedures[p].pk,
                        "procedure_code": procedures[p].code,
                        "procedure_name": procedures[p].title,
                        "form_version_id": versions[p].pk,
                        "agency_code": unit.code,
                        "agency_name": unit.name,
                        "status": status,
                        "submitted_at": submitted,
                        "time_limit_rule": "",
                        "applicant_name": f"{rng.choice(surnames)} {rng.choice(given)}",
                        "applicant_phone": phone,
                        "applicant_email": "",
                        "applicant_citizen_id": citizen_id,
                        "applicant_address": "Tây Ninh",
                        "updated_at": times[-1],
                        "status_changed_at": times[-1],
                    }
                    for column in unit_columns:
                        values[column] = unit.pk
                    for column in due_columns:
                        values[column] = due
                    for column in due_at_columns:
                        values[column] = datetime.combine(due, datetime.min.time(), tzinfo=UTC)
                    dossier_copy.write_row(dossier_columns.row(values))
                    previous = ""
                    for s, at in zip(path, times, strict=True):
                        history_id += 1
                        histories.append(
                            history_columns.row(
                                {
                                    "id": history_id,
                                    "dossier_id": i,
                                    "status": s,
                                    "at": at,
                                    "note": "",
                                    "by_id": None,
                                    "from_status": previous,
                                    "action": ACTIONS.get(s, "") if previous else "",
                                }
                            )
                        )
                        previous = s
                    if rng.random() < 0.001 and len(samples) < 5000:
                        samples.append((code, phone[-4:] if rng.random() < 0.5 else citizen_id[-4:]))
            dossier_seconds = time.perf_counter() - started
            started = time.perf_counter()
            with pg.copy(
                f"COPY {history_columns.table} ({', '.join(history_columns.names)}) FROM STDIN"
            ) as history_copy:
                for row in histories:
                    history_copy.write_row(row)
            history_seconds = time.perf_counter() - started
            del histories
            for model in (Dossier, StatusChange):
                table = model._meta.db_table
                pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
    print(
        f"loaded: {n:,} dossiers in {dossier_seconds:.1f} s, {history_id:,} history rows in "
        f"{history_seconds:.1f} s (COPY)"
    )
    return units, unit_weights, samples


def _pick(rng: random.Random, cumulative: list[int]) -> int:
    r = rng.random() * cumulative[-1]
    for index, bound in enumerate(cumulative):
        if r < bound:
            return index
    return len(cumulative) - 1


def _pick_float(rng: random.Random, cumulative: list[float]) -> int:
    import bisect

    return min(len(cumulative) - 1, bisect.bisect_right(cumulative, rng.random() * cumulative[-1]))


# --- Measuring ---------------------------------------------------------------------------------
def _officer_of(unit):
    """A reception officer of `unit` (created once; before timing)."""
    from django.contrib.auth import get_user_model

    from dossiers.constants import OfficerRole
    from dossiers.models import OfficerAssignment

    user, created = get_user_model().objects.get_or_create(username=f"tiep-nhan-{unit.pk}")
    if created:
        OfficerAssignment.objects.create(user=user, agency=unit, role=OfficerRole.RECEPTION)
    return get_user_model().objects.get(pk=user.pk)


def queue_function():
    """The back office's own queue, as its view runs it: backoffice.services.officer_queue with the
    default query (tab "Chưa hoàn tất" = open statuses, sorted by due date), first page + count."""
    try:
        from backoffice.services import QueueQuery, officer_queue
    except ImportError:
        return None, None
    from django.core.paginator import Paginator

    try:
        from backoffice.views.staff import PAGE_SIZE
    except ImportError:
        PAGE_SIZE = 20
    officers = {}

    def queue(*, unit):
        if unit.pk not in officers:
            officers[unit.pk] = _officer_of(unit)
        return Paginator(officer_queue(user=officers[unit.pk], query=QueueQuery()), PAGE_SIZE).page(1)

    return f"backoffice.services.officer_queue, page of {PAGE_SIZE}", queue


def measure(label, call, args_list, runs, aim=None, warmup=20):
    for args in args_list[:warmup]:
        call(*args)
    durations, cpu = [], []
    for args in args_list[warmup : warmup + runs]:
        start, start_cpu = time.perf_counter(), time.process_time()
        call(*args)
        durations.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    line = summary(label, durations, aim)
    cpu_ms = [c * 1000 for c in cpu]
    print(
        f"{line}\n    CPU of this process (Django side, without PostgreSQL): p50 {percentile(cpu_ms, 0.5):.2f} ms, "
        f"p95 {percentile(cpu_ms, 0.95):.2f} ms",
        flush=True,
    )
    return percentile([d * 1000 for d in durations], 0.95)


def explain(sql: str, params) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", params)
        return "\n".join("    " + row[0] for row in cursor.fetchall())


def lookup_benchmark(samples, runs, rng):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dossiers.services.lookup import find_for_lookup

    calls = []
    for _ in range(runs + 20):
        code, factor = rng.choice(samples)
        if rng.random() < 0.2:  # wrong second factor, or a code typed in lower case
            factor = "0000"
        elif rng.random() < 0.2:
            code = code.lower()
        calls.append((code, factor))

    def call(code, factor):
        return find_for_lookup(code=code, factor=factor)

    p95 = measure("(b) status lookup (find_for_lookup)", call, calls, runs, LOOKUP_AIM_MS)
    with CaptureQueriesContext(connection) as queries:
        found = find_for_lookup(code=samples[0][0], factor=samples[0][1])
    assert found is not None, "a loaded dossier must be found by its code and second factor"
    sql = queries.captured_queries[0]["sql"]
    plan = explain(sql, None)
    print(f"  query: {sql}\n  plan:\n{plan}")
    return p95, plan


def composed_queue():
    """Without the backoffice app: the queue as issue 5 describes it, built on the code base's
    officer visibility (dossiers.access.visible_dossiers) — a reception officer of one unit,
    open statuses (not FINAL_STATUSES), by due date, first page of 20 + count."""
    from django.core.paginator import Paginator

    from dossiers.access import visible_dossiers
    from dossiers.constants import FINAL_STATUSES

    officers = {}

    def queue(*, unit):
        if unit.pk not in officers:
            officers[unit.pk] = _officer_of(unit)
        dossiers = (
            visible_dossiers(officers[unit.pk])
            .exclude(status__in=sorted(FINAL_STATUSES))
            .order_by("appointment_date", "pk")
        )
        return Paginator(dossiers, 20).page(1)

    return queue


def queue_benchmark(units, unit_weights, runs, rng):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    name, function = queue_function()
    if function is None:
        print(
            "(a) officer queue: no backoffice app in the code base; measuring the queue composed from "
            "dossiers.access.visible_dossiers (reception officer of the unit, open statuses, ORDER BY "
            "due date, page of 20 + count)"
        )
        name, function = "visible_dossiers + Paginator", composed_queue()
    picks = rng.choices(units, weights=unit_weights, k=runs + 20)
    for unit in set(picks) | {units[0]}:
        function(unit=unit)  # officers created before timing
    calls = [(unit,) for unit in picks]

    def call(unit):
        page = function(unit=unit)
        list(getattr(page, "object_list", page))
        getattr(getattr(page, "paginator", None), "count", None)

    p95 = measure(f"(a) officer queue ({name}, first page + count)", call, calls, runs, QUEUE_AIM_MS)
    largest = measure(
        "    the largest unit only", call, [(units[0],)] * (min(runs, 100) + 20), min(runs, 100), QUEUE_AIM_MS
    )
    with CaptureQueriesContext(connection) as queries:
        call(units[0])
    plans = []
    for query in queries.captured_queries:
        if "dossiers_dossier" in query["sql"]:
            plans.append(f"  query: {query['sql']}\n  plan:\n{explain(query['sql'], None)}")
    print("\n".join(plans))
    return max(p95, largest), "\n".join(plans)


LOOKUP_INDEX = 'CREATE INDEX dossier_code_upper ON dossiers_dossier (UPPER("code"))'
LOOKUP_INDEX_DJANGO = (
    'models.Index(Upper("code"), name="dossier_code_upper")  # from django.db.models.functions import Upper'
)
QUEUE_INDEX = (
    "CREATE INDEX dossier_recv_open_due ON dossiers_dossier (receiving_unit_id, appointment_date, id) "
    "WHERE status NOT IN ('3', '8', '10')"
)
QUEUE_INDEX_DJANGO = (
    'models.Index(fields=["receiving_unit", "appointment_date", "id"], name="dossier_recv_open_due", '
    'condition=~models.Q(status__in=["3", "8", "10"]))  # and the same on competent_agency'
)


def index_advice(
    queue_p95, queue_plan, lookup_p95, lookup_plan, units, weights, samples, args, rng
) -> list[str]:
    """Name the index each slow or unindexed query needs; create it in this throwaway database
    only (never in a migration) and measure again, so both figures are on record."""
    from django.db import connection

    lines = []
    with connection.cursor() as cursor:
        existing = set(connection.introspection.get_constraints(cursor, "dossiers_dossier"))
    lookup_unindexed = "Index Cond: (upper((code)::text)" not in lookup_plan
    # Slow because the unit's closed dossiers are filtered out row by row, and the partial index
    # that avoids it (shipped as migration dossiers/0005) is absent: only then is one suggested.
    queue_slow = (
        queue_p95 is not None
        and queue_p95 >= QUEUE_AIM_MS
        and "dossier_recv_open_due" not in existing
        and "Rows Removed by Filter" in queue_plan
    )
    if "dossier_recv_open_due" in existing and "dossier_code_upper" in existing:
        lines.append(
            "indexes: the queue's partial indexes (dossiers/0005) and UPPER(code) (dossiers/0004) "
            "are in place; see the plans above for which one each query uses"
        )
    if not lookup_unindexed and not queue_slow:
        return lines or ["indexes: every measured query is served by an existing index"]
    lines.append("MISSING INDEXES (not created by any migration; the dossiers app owns that table):")
    if lookup_unindexed:
        lines.append(
            "  - status lookup: find_for_lookup matches the code case-insensitively (code__iexact → "
            "UPPER(code)), which the unique index on code cannot serve, so the plan walks the table "
            f"(see the plan above). Needed:\n      {LOOKUP_INDEX};\n      Meta.indexes += [{LOOKUP_INDEX_DJANGO}]"
        )
    if queue_slow:
        lines.append(
            "  - officer queue: open dossiers of a unit by due date; the existing (unit, status, due date) "
            "and (unit, due date) indexes make PostgreSQL filter out the unit's closed dossiers row by row. "
            f"A partial index serves it:\n      {QUEUE_INDEX};\n      Meta.indexes += [{QUEUE_INDEX_DJANGO}]"
        )
    print("\n".join(lines), flush=True)
    with connection.cursor() as cursor:
        if lookup_unindexed:
            cursor.execute(LOOKUP_INDEX)
        if queue_slow:
            cursor.execute(QUEUE_INDEX)
        cursor.execute("ANALYZE dossiers_dossier")
    print("\nagain, with the index(es) above created in this throwaway database only:", flush=True)
    if queue_slow:
        queue_benchmark(units, weights, args.runs, rng)
    if lookup_unindexed:
        lookup_benchmark(samples, args.runs, rng)
    return ["(figures above: first without, then with the suggested indexes)"]


def inner(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)

    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    os.environ["TASKS_BACKEND"] = "immediate"
    import tempfile

    tmp = tempfile.TemporaryDirectory(prefix="bench-backoffice-")
    os.environ["MEDIA_ROOT"] = tmp.name
    os.environ["PRIVATE_MEDIA_ROOT"] = tmp.name
    from bench_import import _postgres_database  # benchmarks/ is on sys.path (this script's folder)

    url, drop = _postgres_database(os.environ["DATABASE_URL"])
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    from django.core.management import call_command
    from django.db import connection

    logging.disable(logging.WARNING)
    rng = random.Random(7)
    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            buffers = cursor.fetchone()[0]
        print(
            f"database: PostgreSQL {version} (shared_buffers {buffers}), fresh, migrated in "
            f"{time.perf_counter() - started:.1f} s"
        )
        units, unit_weights, samples = load(args.dossiers)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('dossiers_dossier'))")
            size = cursor.fetchone()[0]
            cursor.execute(
                "SELECT status, COUNT(*) FROM dossiers_dossier GROUP BY status ORDER BY status::int"
            )
            mix = ", ".join(f"{s}: {c:,}" for s, c in cursor.fetchall())
        print(f"ANALYZE in {time.perf_counter() - started:.1f} s; dossier table with indexes {size}")
        print(f"statuses: {mix}")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM dossiers_dossier WHERE receiving_unit_id = %s AND status NOT IN ('3', '8', '10')",
                [units[0].pk],
            )
            print(f"largest unit: {cursor.fetchone()[0]:,} open dossiers (of the {UNITS} units)")

        queue_p95, queue_plan = queue_benchmark(units, unit_weights, args.runs, rng)
        lookup_p95, lookup_plan = lookup_benchmark(samples, args.runs, rng)

        print(
            "\n"
            + "\n".join(
                index_advice(
                    queue_p95, queue_plan, lookup_p95, lookup_plan, units, unit_weights, samples, args, rng
                )
            )
        )
    finally:
        drop()
        tmp.cleanup()
    try:
        load_avg = os.getloadavg()
        print(
            f"machine: {os.cpu_count()} CPUs, load average {load_avg[0]:.1f} "
            "(other processes slow the figures)"
        )
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inner"]:
        sys.exit(inner(sys.argv[2:]))
    sys.exit(outer(sys.argv[1:]))
