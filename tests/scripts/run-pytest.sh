#!/usr/bin/env bash
# Runs the tests in two passes on the current database (SQLite, or PostgreSQL under with-postgres.sh):
#   1. every test that runs inside a rolled-back transaction, in parallel (pytest-xdist);
#   2. the transactional tests (live_server, threads: marked `transactional` by conftest.py).
# A transactional test empties every table when it ends. pytest-django runs them last in one process,
# but pytest-xdist hands whole files to workers in an order of its own, so a worker could run a
# transactional file and then give an empty database (no root page, no content types) to the next.
#
# usage: run-pytest.sh [marker expression] [pytest arguments...]
# WORKERS (default: auto, one per core) sets the number of workers.
set -uo pipefail
cd "$(dirname "$0")/../.."
select="${1:-}"
[ $# -gt 0 ] && shift
pytest=(.venv/bin/pytest -p no:cacheprovider -n "${WORKERS:-auto}" --dist loadfile "$@")
if [ -n "$select" ]; then
  first="($select) and not transactional"; second="($select) and transactional"
else
  first="not transactional"; second="transactional"
fi
"${pytest[@]}" -m "$first"; a=$?
"${pytest[@]}" -m "$second"; b=$?
# 5 means no test was selected: not a failure for one of the two passes.
[ $a = 5 ] && a=0
[ $b = 5 ] && b=0
[ $a != 0 ] && exit $a
exit $b
