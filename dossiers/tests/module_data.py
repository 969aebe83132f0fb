"""Expensive test data built once per module (or class) and rolled back when it ends.

Publishing a procedure page (catalog index, revisions, search and reference indexes) costs most of a
back-office test. A module- or class-scoped fixture builds it once inside an outer
`transaction.atomic()` opened with the database unblocked, and rolls that transaction back when the
module or class ends. Each test's own transaction (pytest-django's per-test atomic) nests in it as a
savepoint, so what one test writes is still undone before the next one. Tests re-fetch the objects
they use (`ProcedurePage.objects.get(pk=...)`) so that changes one test makes in memory do not reach
the next.

Transactional tests (`transaction=True`, `transactional_db`, `live_server`, threads) cannot run
inside the outer atomic: keep them in modules that use no such fixture. `refuse_transactional_tests`
(autouse in the conftest files that import it) fails such a test loudly instead of letting it
commit, flush or wait on locks inside the outer transaction.

Used by the conftest files of dossiers, backoffice, interop, forms and accounts (they import the
fixtures below, which registers them there).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest
from django.db import transaction

__all__ = [
    "build_once",
    "is_transactional",
    "other_procedure",
    "procedure",
    "refuse_transactional_tests",
    "shared_other_procedure_pk",
    "shared_procedure_pk",
]

_open: list[str] = []  # what built the outer transactions now open (innermost last)


def build_once(django_db_blocker, build: Callable, *, label: str = "shared data") -> Iterator:
    """Body of a module- or class-scoped fixture: `yield from build_once(django_db_blocker, build)`
    yields `build()`'s result, built in an outer transaction rolled back afterwards. The database
    stays blocked between tests (only tests using `db` reach it)."""
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            data = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    _open.append(label)
    try:
        yield data
    finally:
        _open.pop()
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(autouse=True)
def refuse_transactional_tests(request):
    if _open and is_transactional(request.node):
        pytest.fail(
            f"{request.node.nodeid} is transactional but runs inside the rolled-back transaction of "
            f"{_open[-1]}: move it to a module that uses no module- or class-scoped data "
            "(dossiers/tests/module_data.py)."
        )


@pytest.fixture(scope="module")
def shared_procedure_pk(django_db_setup, django_db_blocker):
    """The pk of one live procedure with an online form (make_online_procedure's defaults), built
    once for the module and rolled back at its end."""
    from .factories import make_online_procedure

    yield from build_once(
        django_db_blocker, lambda: make_online_procedure().pk, label="the module's shared procedure"
    )


@pytest.fixture(scope="module")
def shared_other_procedure_pk(django_db_setup, django_db_blocker):
    """A second procedure like the first, of another agency (same code), built once for the module."""
    from .factories import make_online_procedure

    yield from build_once(
        django_db_blocker, lambda: make_online_procedure().pk, label="the module's other procedure"
    )


@pytest.fixture
def procedure(shared_procedure_pk, db):
    """The module's shared procedure, freshly read for this test."""
    from procedures.models import ProcedurePage

    return ProcedurePage.objects.get(pk=shared_procedure_pk)


@pytest.fixture
def other_procedure(shared_other_procedure_pk, db):
    """The module's second procedure, freshly read for this test."""
    from procedures.models import ProcedurePage

    return ProcedurePage.objects.get(pk=shared_other_procedure_pk)
