"""The gateway simulator over real HTTP: the citizen's browser (here the test client) on its pages,
its IPN to the portal's live server, querydr settling abandoned payments, refunds."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from payments.constants import EventKind, PaymentStatus
from payments.models import Payment, PaymentEvent, SimulatedTransaction
from payments.services import PaymentRefused, expire_abandoned, refund, settle, start_payment

from .helpers import dossier_owing

pytestmark = [pytest.mark.engine, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gateway(live_server, settings):
    settings.SITE_BASE_URL = live_server.url
    return Client(enforce_csrf_checks=True)  # the browser on the gateway's pages: no portal CSRF token there


def _pay(gateway, dossier, outcome):
    payment, url = start_payment(dossier, client_ip="10.0.0.1", return_url=dossier_return(dossier))
    parts = urlsplit(url)
    page = gateway.get(f"{parts.path}?{parts.query}")
    assert page.status_code == 200 and f"{payment.amount} VND" in page.content.decode()
    hidden = {k: v for k, v in page.context["params"].items()}
    response = gateway.post(parts.path, {**hidden, "ngan_hang": "VCB", "ket_qua": outcome})
    payment.refresh_from_db()
    return payment, response


def dossier_return(dossier):
    from django.conf import settings

    return settings.SITE_BASE_URL + "/thanh-toan/ket-qua/"


def test_approve_calls_the_ipn_over_http_and_returns_the_browser(gateway):
    dossier = dossier_owing(150000)
    payment, response = _pay(gateway, dossier, "approve")
    assert payment.status == PaymentStatus.PAID and payment.bank_code == "VCB"
    assert SimulatedTransaction.objects.get(txn_ref=payment.txn_ref).ipn_answer["RspCode"] == "00"
    assert response.status_code == 302 and "/thanh-toan/ket-qua/?" in response["Location"]
    back = urlsplit(response["Location"])
    assert "Thanh toán thành công" in gateway.get(f"{back.path}?{back.query}").content.decode()


def test_decline_and_cancel(gateway):
    dossier = dossier_owing(90000)
    declined, _ = _pay(gateway, dossier, "decline")
    cancelled, _ = _pay(gateway, dossier, "cancel")
    assert (declined.status, cancelled.status) == (PaymentStatus.FAILED, PaymentStatus.CANCELLED)


def test_a_timed_out_payment_expires_after_querydr(gateway):
    dossier = dossier_owing(50000)
    payment, response = _pay(gateway, dossier, "timeout")
    assert payment.status == PaymentStatus.PENDING and "Hết thời gian" in response.content.decode()
    assert settle(payment).status == PaymentStatus.PENDING  # not yet past its expiry
    Payment.objects.filter(pk=payment.pk).update(expires_at=payment.created_at)
    assert expire_abandoned() == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED
    assert PaymentEvent.objects.filter(payment=payment, kind=EventKind.QUERY, verified=True).exists()


def test_querydr_settles_a_payment_whose_ipn_was_lost(gateway, settings):
    dossier = dossier_owing(70000)
    settings.PAYMENT_VNPAY = {**settings.PAYMENT_VNPAY, "IPN_URL": "http://127.0.0.1:9/mat-ipn/"}
    payment, _ = _pay(gateway, dossier, "approve")
    assert payment.status == PaymentStatus.PENDING  # the IPN never arrived
    assert settle(payment).status == PaymentStatus.PAID


def test_refund_by_an_authorised_officer_with_a_reason(gateway):
    dossier = dossier_owing(120000)
    payment, _ = _pay(gateway, dossier, "approve")
    with pytest.raises(PaymentRefused):
        refund(payment, by=dossier.officer, reason="")
    from dossiers.tests.factories import make_citizen

    with pytest.raises(PaymentRefused):
        refund(payment, by=make_citizen(), reason="Thu nhầm")
    refunded = refund(payment, by=dossier.officer, reason="Thu nhầm lệ phí")
    assert refunded.status == PaymentStatus.REFUNDED and refunded.refund_reason == "Thu nhầm lệ phí"
    assert refunded.refunded_by == dossier.officer
    assert SimulatedTransaction.objects.get(txn_ref=payment.txn_ref).status == "06"
    assert PaymentEvent.objects.filter(payment=payment, kind=EventKind.REFUND, by=dossier.officer).exists()
    with pytest.raises(PaymentRefused):
        refund(refunded, by=dossier.officer, reason="Lần hai")


def test_the_simulator_refuses_a_bad_signature(gateway):
    dossier = dossier_owing(10000)
    _payment, url = start_payment(dossier, client_ip="10.0.0.1", return_url="http://x/")
    parts = urlsplit(url)
    tampered = parts.query.replace("vnp_Amount=1000000", "vnp_Amount=100")
    assert gateway.get(f"{parts.path}?{tampered}").status_code == 400


def test_officers_see_payments_and_refund_in_the_admin(gateway):
    dossier = dossier_owing(60000)
    payment, _ = _pay(gateway, dossier, "approve")
    officer = Client()
    officer.force_login(dossier.officer)
    listing = officer.get("/admin/thanh-toan/").content.decode()
    assert payment.txn_ref in listing
    detail = f"/admin/thanh-toan/{payment.pk}/"
    assert "Hoàn tiền toàn bộ" in officer.get(detail).content.decode()
    refused = officer.post(detail, {"ly_do": ""})
    assert refused.status_code == 400 and "Nhập lý do" in refused.content.decode()
    assert officer.post(detail, {"ly_do": "Nộp trùng"}).status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    from dossiers.tests.factories import make_citizen

    citizen = Client()
    citizen.force_login(make_citizen())
    assert citizen.get("/admin/thanh-toan/").status_code in (302, 403)


def test_daily_reconciliation_per_agency_flags_mismatches(gateway):
    from django.core.management import call_command
    from django.utils import timezone

    from payments.models import Reconciliation
    from payments.services import reconcile

    dossier = dossier_owing(40000)
    paid, _ = _pay(gateway, dossier, "approve")
    declined, _ = _pay(gateway, dossier_owing(30000), "decline")
    day = timezone.localdate(paid.created_at)
    records = reconcile(day)
    assert sorted((r.checked, r.matched, len(r.mismatches)) for r in records) == [(1, 1, 0), (1, 1, 0)]
    assert next(r for r in records if r.agency_id == paid.agency_id).portal_total == 40000
    # the portal's record goes wrong (say, a bad manual edit): the next run flags it
    Payment.objects.filter(pk=paid.pk).update(status=PaymentStatus.FAILED)
    record = next(r for r in reconcile(day) if r.agency_id == paid.agency_id)
    assert record.mismatches == [{"txn_ref": paid.txn_ref, "why": "portal failed, gateway 00/00"}]
    assert Reconciliation.objects.count() == 2  # one row per day and agency, updated
    assert PaymentEvent.objects.filter(
        payment=paid, kind=EventKind.MISMATCH, outcome="reconciliation"
    ).exists()
    call_command("reconcile_payments", "--ngay", day.isoformat())
    assert declined.status == PaymentStatus.FAILED
