"""Submission tests that must not run inside a rolled-back module transaction
(dossiers/tests/module_data.py), moved here from test_transactions.py: the dossier-code counter's
check made outside any transaction, and parallel submissions with real commits from threads."""

import threading
from datetime import date

import pytest
from django.db import connections

from dossiers.codes import next_sequence
from dossiers.models import Dossier, Draft
from dossiers.services.submission import submit_draft

from .factories import make_online_procedure
from .test_transactions import ANSWERS, APPLICANT, _draft


def test_sequence_refuses_to_run_outside_a_transaction():  # no database: the check comes first
    with pytest.raises(RuntimeError):
        next_sequence(agency_code="A", day=date(2025, 1, 2))


# --- Concurrency (PostgreSQL: real row locks between real connections) --------------------------
# Deselected on SQLite (root conftest), run in the PostgreSQL pass: row locking needs real connections.
needs_postgres = pytest.mark.postgres_only


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_get_unique_consecutive_codes():
    procedure = make_online_procedure(agency_code="000.00.77.H53")
    drafts = [_draft(procedure) for _ in range(12)]
    barrier = threading.Barrier(len(drafts))
    codes, errors = [], []

    def submit(draft):
        try:
            barrier.wait(timeout=30)
            dossier, _ = submit_draft(
                draft=Draft.objects.get(pk=draft.pk), answers=ANSWERS, applicant=APPLICANT
            )
            codes.append(dossier.code)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, len(drafts) + 1))
    assert Dossier.objects.count() == len(drafts)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_double_submit_of_one_draft_creates_one_dossier():
    draft = _draft(make_online_procedure())
    barrier = threading.Barrier(6)
    results, errors = [], []

    def submit():
        try:
            barrier.wait(timeout=30)
            results.append(
                submit_draft(draft=Draft.objects.get(pk=draft.pk), answers=ANSWERS, applicant=APPLICANT)
            )
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert Dossier.objects.count() == 1
    assert sum(1 for _dossier, created in results if created) == 1
    assert len({dossier.pk for dossier, _created in results}) == 1
