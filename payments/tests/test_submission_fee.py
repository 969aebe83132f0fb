"""Paying the fee with the filing: a procedure that collects its fee at submission
(ProcedurePage.fee_at_submission) is paid right after the dossier is sent, from the receipt page."""

import pytest
from django.urls import reverse

from dossiers.constants import DossierStatus, OfficerRole
from dossiers.tests.factories import PASSWORD
from dossiers.tests.officers import make_dossier, make_officer
from payments.constants import EventKind, PaymentStatus, Purpose
from payments.models import Payment, PaymentEvent
from payments.services import amount_due, handle_ipn, start_payment

from .helpers import ipn_params

pytestmark = pytest.mark.django_db


def _dossier(*, at_submission=True, fee=30000, status=DossierStatus.NEW):
    dossier = make_dossier(status=status)
    procedure = dossier.procedure
    procedure.fee_at_submission = at_submission
    procedure.save(update_fields=["fee_at_submission"])
    procedure.channels.filter(kind="online").update(fee_amount=fee, fee_text=f"{fee} đồng")
    return dossier


def test_the_fee_is_due_at_filing_only_where_the_procedure_collects_it_then(settings):
    assert amount_due(_dossier()) == 30000
    assert amount_due(_dossier(at_submission=False)) is None
    assert amount_due(_dossier(status=DossierStatus.PROCESSING)) is None  # being processed: the officer asks
    settings.PAYMENT_PROVIDER = ""  # no online payment configured: nothing is payable online
    assert amount_due(_dossier()) is None


def test_paying_at_filing_keeps_the_status_and_settles_the_fee():
    dossier = _dossier()
    payment, _url = start_payment(dossier, client_ip="10.0.0.1", return_url="http://testserver/")
    assert (payment.amount, payment.purpose) == (30000, Purpose.SUBMISSION)
    assert handle_ipn(ipn_params(payment))["RspCode"] == "00"
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.receipt_number
    assert dossier.status == DossierStatus.NEW
    assert amount_due(dossier) is None
    assert not PaymentEvent.objects.filter(kind=EventKind.MISMATCH).exists()


def test_paying_at_filing_twice_flags_the_second_for_a_refund():
    dossier = _dossier()
    first, _url = start_payment(dossier, client_ip="10.0.0.1", return_url="http://testserver/")
    second, _url = start_payment(dossier, client_ip="10.0.0.1", return_url="http://testserver/")
    assert handle_ipn(ipn_params(first))["RspCode"] == "00"
    assert handle_ipn(ipn_params(second, vnp_TransactionNo="14000002"))["RspCode"] == "00"
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == 2
    assert PaymentEvent.objects.filter(
        payment=second, kind=EventKind.MISMATCH, outcome="already_paid"
    ).exists()


def test_the_receipt_page_offers_to_pay_and_the_officer_sees_it(client):
    dossier = _dossier()
    client.login(username=dossier.user.get_username(), password=PASSWORD)
    body = client.get(reverse("dossiers:receipt", args=[dossier.code])).content.decode()
    assert "nộp trực tuyến cùng hồ sơ" in body and "30.000" in body
    assert reverse("payments:pay", args=[dossier.code]) in body
    payment, _url = start_payment(dossier, client_ip="10.0.0.1", return_url="http://testserver/")
    handle_ipn(ipn_params(payment))
    officer = make_officer((OfficerRole.RECEPTION, dossier.receiving_unit))
    client.force_login(officer)
    body = client.get(reverse("backoffice:dossier", args=[dossier.code])).content.decode()
    assert "Phí, lệ phí nộp cùng hồ sơ" in body and "Đã thanh toán" in body and payment.receipt_number in body
