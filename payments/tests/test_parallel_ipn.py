"""Parallel IPNs for one payment never credit twice (PostgreSQL: real row locks between real
connections)."""

import threading

import pytest
from django.db import connections

from dossiers.constants import Action
from payments.constants import PaymentStatus
from payments.models import Payment
from payments.services import handle_ipn, start_payment

from .helpers import dossier_owing, ipn_params


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_ipns_credit_once():
    dossier = dossier_owing(150000)
    payment, _url = start_payment(dossier, client_ip="1.1.1.1", return_url="http://x/")
    params = ipn_params(payment)
    barrier = threading.Barrier(8)
    answers, errors = [], []

    def deliver():
        try:
            barrier.wait(timeout=30)
            answers.append(handle_ipn(dict(params))["RspCode"])
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(answers) == ["00"] + ["02"] * 7
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.PAID
    assert dossier.history.filter(action=Action.CONFIRM_PAYMENT).count() == 1
