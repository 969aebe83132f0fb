"""Which tests can depend on the database engine, found by watching what each test makes Django do.

`make test` runs every test on SQLite and only the tests marked `engine` on PostgreSQL too
(docs/testing.md). A test belongs there when its result can differ between the two engines. This
plugin watches each test while it runs and records the engine-sensitive things it reached, through
our code or its own:

- raw SQL: a statement sent by our code (the project's modules, tests included) without Django's
  ORM compiler, e.g. `connection.cursor().execute(...)` in the statistics' set-based rebuild;
- concurrency: SQL from more than one thread in one test (row locks, counters under parallel
  submissions), and `select_for_update()` in a test that commits for real;
- engine-specific lookups and functions: JSON key lookups, regular expressions, date truncation and
  extraction, UPPER/LOWER, collations, window functions, and case-insensitive matching of non-ASCII
  text (SQLite folds the case of ASCII letters only: "đ" and "Đ" differ there, not on PostgreSQL).

A test that reached any of these and carries neither `engine` nor `postgres_only` fails, with the
list of what it reached, so that it cannot silently run on one engine only. Browser tests are
exempt from the thread rule (the live server is a second thread by design); they run once.
Ordering of rows that compare equal, NULL ordering and collation order cannot be seen this way:
docs/testing.md says to mark such tests by hand.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

PROJECT = str(Path(__file__).resolve().parent.parent) + "/"
VENV_PARTS = ("/.venv/", "/site-packages/", "/dist-packages/")
MARKERS = ("engine", "postgres_only")


class Recorder:
    """Engine-sensitive features reached since the last `start()`, from any thread."""

    def __init__(self):
        self._lock = threading.Lock()
        self.features: set[str] = set()
        self.threads: set[int] = set()
        self.locks = False
        self.active = False
        self._local = threading.local()

    def start(self):
        with self._lock:
            self.features, self.threads, self.locks, self.active = set(), set(), False, True

    def stop(self) -> tuple[set[str], set[int], bool]:
        with self._lock:
            self.active = False
            return set(self.features), set(self.threads), self.locks

    def add(self, feature: str):
        if self.active:
            with self._lock:
                self.features.add(feature)

    # --- the ORM compiler depth of the current thread: SQL sent outside it is raw ---------------
    @property
    def depth(self) -> int:
        return getattr(self._local, "depth", 0)

    @depth.setter
    def depth(self, value: int):
        self._local.depth = value


RECORDER = Recorder()


def _is_ours(filename: str) -> bool:
    return filename.startswith(PROJECT) and not any(part in filename for part in VENV_PARTS)


def _in_task(frame) -> bool:
    while frame is not None:
        if "/django_tasks/" in frame.f_code.co_filename:
            return True
        frame = frame.f_back
    return False


def _raw_sql_caller() -> str | None:
    """The project frame that sent a statement outside the ORM compiler, if one did.

    SQL sent by a background task is left out: tests run tasks inline (the immediate backend), which
    records a task's failure instead of raising it, so the test's result does not depend on it; the
    task's own tests (statistics' usage refresh) are marked and run on both engines."""
    frame = sys._getframe(1)
    if _in_task(frame):
        return None
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename == __file__:
            frame = frame.f_back
            continue
        if "/django/db/" in filename or "/django/test/" in filename or "/contextlib.py" in filename:
            frame = frame.f_back
            continue
        if _is_ours(filename):
            return f"{Path(filename).relative_to(PROJECT)}:{frame.f_lineno}"
        return None
    return None


_INSTALLED = False
_TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "PRAGMA", "SET ")


def install():
    """Patch Django once, at session start. The cost is one function call per SQL statement and an
    isinstance check per compiled node."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    from django.db.backends import utils
    from django.db.models import Window
    from django.db.models.fields import json
    from django.db.models.functions import Collate, Extract, Lower, Upper
    from django.db.models.functions.datetime import TruncBase
    from django.db.models.lookups import IContains, IEndsWith, IExact, IRegex, IStartsWith, Regex
    from django.db.models.query import QuerySet
    from django.db.models.sql import compiler

    flagged = {
        "JSON key lookup": (json.KeyTransform, json.HasKeyLookup, json.DataContains, json.ContainedBy),
        "regular expression": (Regex, IRegex),
        "date truncation or extraction": (TruncBase, Extract),
        "UPPER/LOWER": (Upper, Lower),
        "collation": (Collate,),
        "window function": (Window,),
    }
    any_flagged = tuple(cls for classes in flagged.values() for cls in classes)
    case_insensitive = (IExact, IContains, IStartsWith, IEndsWith)

    original_compile = compiler.SQLCompiler.compile

    def compile(self, node):
        sql, params = original_compile(self, node)
        if RECORDER.active:
            if isinstance(node, any_flagged):
                for feature, classes in flagged.items():
                    if isinstance(node, classes):
                        RECORDER.add(feature)
            elif isinstance(node, case_insensitive) and any(
                isinstance(p, str) and not p.isascii() for p in params
            ):
                RECORDER.add("case-insensitive match on non-ASCII text")
        return sql, params

    compiler.SQLCompiler.compile = compile

    for cls in (compiler.SQLCompiler, compiler.SQLInsertCompiler, compiler.SQLUpdateCompiler):
        original = cls.__dict__["execute_sql"]

        def execute_sql(self, *args, __original=original, **kwargs):
            RECORDER.depth += 1
            try:
                return __original(self, *args, **kwargs)
            finally:
                RECORDER.depth -= 1

        cls.execute_sql = execute_sql

    def watch(original):
        def wrapped(self, sql, *args, **kwargs):
            if RECORDER.active:
                with RECORDER._lock:
                    RECORDER.threads.add(threading.get_ident())
                if RECORDER.depth == 0 and not str(sql).lstrip().upper().startswith(_TRANSACTION_CONTROL):
                    caller = _raw_sql_caller()
                    if caller:
                        RECORDER.add(f"raw SQL ({caller})")
            return original(self, sql, *args, **kwargs)

        return wrapped

    utils.CursorWrapper._execute = watch(utils.CursorWrapper._execute)
    utils.CursorWrapper._executemany = watch(utils.CursorWrapper._executemany)

    original_sfu = QuerySet.select_for_update

    def select_for_update(self, *args, **kwargs):
        if RECORDER.active:
            RECORDER.locks = True
        return original_sfu(self, *args, **kwargs)

    QuerySet.select_for_update = select_for_update


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker is not None and marker.kwargs.get("transaction"))


def reached(item, features: set[str], threads: set[int], locks: bool) -> list[str]:
    """What makes this test engine-sensitive, from what it reached."""
    if item.get_closest_marker("browser") is not None:
        # Browser tests drive whole pages through a live server in a second thread, once, on SQLite;
        # the queries those pages send are engine-checked by the test-client tests of the same views.
        return []
    found = set(features)
    if len(threads) > 1:
        found.add("SQL from several threads")
    if locks and (len(threads) > 1 or _is_transactional(item)):
        found.add("select_for_update with real commits")
    return sorted(found)


def pytest_configure(config):
    install()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Session fixtures (the test database's migrations, clamd) serve every test: not counted."""
    if fixturedef.scope != "session" or not RECORDER.active:
        return (yield)
    RECORDER.active = False
    try:
        return (yield)
    finally:
        RECORDER.active = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    RECORDER.start()  # fixtures count too: a test's result depends on the data they built


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        return (yield)
    finally:
        item._engine_reached = reached(item, *RECORDER.stop())


def pytest_runtest_teardown(item):
    RECORDER.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call" and report.passed:
        found = getattr(item, "_engine_reached", [])
        if found and not any(item.get_closest_marker(name) for name in MARKERS):
            report.outcome = "failed"
            report.longrepr = (
                f"{item.nodeid} reached engine-specific behaviour: {'; '.join(found)}.\n"
                "Its result can differ between SQLite and PostgreSQL, so it must run on both: mark it "
                "@pytest.mark.engine (or postgres_only if it needs PostgreSQL). See docs/testing.md."
            )
    return report
