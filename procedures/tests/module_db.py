"""Data built once for a whole test module (or class) and rolled back at its end.

A module-scoped fixture opens an outer `transaction.atomic()` with the database unblocked, builds the
expensive data in it, yields, and rolls everything back afterwards; pytest-django's per-test atomic
then nests in it as a savepoint, so what one test writes is still undone before the next one. Tests
re-fetch the objects they use (in-memory instances would carry one test's changes to the next).

Transactional tests (`transaction=True`, `live_server`, threads) cannot run inside the outer atomic:
keep them out of modules that use such a fixture.
"""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back(django_db_blocker):
    """Unblock the database and run the block in a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def reread(objects: dict) -> dict:
    """The same rows read again (fresh instances), for a test using objects built once per module."""
    return {key: type(obj)._default_manager.get(pk=obj.pk) for key, obj in objects.items()}
