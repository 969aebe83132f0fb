"""Benchmark: import the national catalog (2,642 detailed records) into a fresh database.

    .venv/bin/python benchmarks/bench_import.py [PATH]

SQLite by default: a new database file in a temporary folder. With DATABASE_URL set to a PostgreSQL
server (postgres://user@host:port/name), a temporary database is created on that server and dropped
afterwards. Production settings (DEBUG off), a throwaway SECRET_KEY. Prints the time of the first
import and of a second, unchanged one, with records per second and CPU time.
"""

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "catalog" / "national-ministries-2642.jsonl"


def _postgres_database(url: str):
    """Create a throwaway database next to the one in `url`; returns (its url, drop function)."""
    import psycopg

    parts = urlsplit(url)
    name = f"bench_import_{secrets.token_hex(4)}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_FILE
    if not path.exists():
        print(f"skipped: {path} is missing (../shared/data is not on this machine)")
        return 0

    tmp = tempfile.TemporaryDirectory(prefix="bench-import-")
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith(("postgres://", "postgresql://")):
        url, drop = _postgres_database(url)
        engine = "PostgreSQL"
    else:
        url = f"sqlite:///{tmp.name}/bench.sqlite3"
        engine = "SQLite"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    os.environ.setdefault("MEDIA_ROOT", tmp.name)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    import logging

    from django.core.management import call_command

    from procedures.importer import import_files

    logging.disable(logging.INFO)
    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        print(f"database: {engine} (fresh, migrated in {time.perf_counter() - started:.1f} s)")
        print(f"file: {path.name}")
        for label in ("first import", "second import (unchanged)"):
            wall, cpu = time.perf_counter(), time.process_time()
            report = import_files([path])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            records = report.imported + report.updated + report.unchanged + len(report.errors)
            print(
                f"{label}: {wall:.1f} s, {records / wall:.0f} records/s "
                f"(CPU of this process {cpu:.1f} s) — {report.summary_line}"
            )
    finally:
        if drop is not None:
            drop()
        tmp.cleanup()
    try:
        load = os.getloadavg()
        print(
            f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} (other processes slow the figures)"
        )
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
