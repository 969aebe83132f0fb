"""The IPN: the only way (with querydr) a payment's state changes. Replays, tampered amounts, bad
signatures, unknown orders and IPNs after expiry are refused and logged; a paid IPN confirms the
dossier's payment request once and sends the electronic receipt."""

import pytest
from django.core import mail
from django.urls import reverse

from dossiers.constants import Action, DossierStatus
from payments.constants import EventKind, PaymentStatus
from payments.models import Payment, PaymentEvent
from payments.services import PaymentRefused, amount_due, handle_ipn, start_payment

from .helpers import dossier_owing, ipn_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment():
    dossier = dossier_owing(150000)
    payment, url = start_payment(
        dossier, client_ip="10.0.0.1", return_url="http://testserver/thanh-toan/ket-qua/"
    )
    assert "vnp_SecureHash=" in url and "vnp_Amount=15000000" in url
    return payment


def test_amount_due_comes_from_the_officers_request():
    dossier = dossier_owing(275000)
    assert amount_due(dossier) == 275000
    payment, _url = start_payment(dossier, client_ip="1.1.1.1", return_url="http://x/")
    assert payment.status == PaymentStatus.PENDING and payment.amount == 275000
    assert payment.agency == dossier.competent_agency


def test_no_payment_when_nothing_is_due():
    from dossiers.tests.officers import make_dossier

    with pytest.raises(PaymentRefused):
        start_payment(
            make_dossier(status=DossierStatus.PROCESSING), client_ip="1.1.1.1", return_url="http://x/"
        )
    assert not Payment.objects.exists()


def test_a_paid_ipn_confirms_the_dossier_and_sends_the_receipt(payment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = handle_ipn(ipn_params(payment))
    assert answer == {"RspCode": "00", "Message": "Confirm Success"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.transaction_no == "14000001"
    assert payment.receipt_number.startswith("BL-")
    dossier = payment.dossier
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROCESSING
    confirm = dossier.history.get(action=Action.CONFIRM_PAYMENT)
    assert "VNPAY" in confirm.system and payment.receipt_number in confirm.note
    receipt = next(m for m in mail.outbox if payment.receipt_number in m.subject)
    assert receipt.attachments[0][0].endswith(".pdf") and receipt.attachments[0][1][:4] == b"%PDF"
    assert amount_due(dossier) is None


def test_a_replayed_ipn_never_credits_twice(payment, django_capture_on_commit_callbacks):
    params = ipn_params(payment)
    with django_capture_on_commit_callbacks(execute=True):
        assert handle_ipn(params)["RspCode"] == "00"
    sent = len(mail.outbox)
    for _ in range(3):
        assert handle_ipn(params)["RspCode"] == "02"
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == 1
    assert payment.dossier.history.filter(action=Action.CONFIRM_PAYMENT).count() == 1
    assert len(mail.outbox) == sent
    assert PaymentEvent.objects.filter(kind=EventKind.IPN, outcome__startswith="02").count() == 3


def test_a_tampered_amount_is_refused_and_logged(payment):
    answer = handle_ipn(ipn_params(payment, amount=1000))  # correctly signed, wrong amount
    assert answer["RspCode"] == "04"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert PaymentEvent.objects.filter(payment=payment, outcome="04 invalid amount").exists()


def test_a_bad_signature_is_refused_and_logged(payment):
    params = ipn_params(payment)
    params["vnp_Amount"] = params["vnp_Amount"] * 10  # changed after signing
    assert handle_ipn(params)["RspCode"] == "97"
    assert handle_ipn(ipn_params(payment, secret="khong-phai-bi-mat"))["RspCode"] == "97"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert PaymentEvent.objects.filter(payment=None, outcome="97 invalid signature").count() == 2


def test_an_unknown_order_is_answered_01(payment):
    params = ipn_params(payment)
    from django.conf import settings

    from payments.providers.vnpay import sign_params

    other = sign_params({**params, "vnp_TxnRef": "KHONGCO"}, settings.PAYMENT_VNPAY["HASH_SECRET"])
    assert handle_ipn(other)["RspCode"] == "01"


def test_declined_and_cancelled_payments(payment):
    assert handle_ipn(ipn_params(payment, response="24", status="02"))["RspCode"] == "00"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CANCELLED
    second, _url = start_payment(payment.dossier, client_ip="1.1.1.1", return_url="http://x/")
    assert handle_ipn(ipn_params(second, response="51", status="02"))["RspCode"] == "00"
    second.refresh_from_db()
    assert second.status == PaymentStatus.FAILED
    payment.dossier.refresh_from_db()
    assert payment.dossier.status == DossierStatus.PAYMENT_REQUESTED  # still owed


def test_an_ipn_after_expiry_does_not_reopen_the_payment_and_is_flagged(payment):
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.EXPIRED)
    assert handle_ipn(ipn_params(payment))["RspCode"] == "02"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED
    assert PaymentEvent.objects.filter(
        payment=payment, kind=EventKind.MISMATCH, outcome="paid_after_close"
    ).exists()


def test_the_ipn_endpoint_answers_json_and_the_return_url_alone_changes_nothing(client, payment, settings):
    settings.PAYMENT_VNPAY = {
        **settings.PAYMENT_VNPAY,
        "API_URL": "http://127.0.0.1:9/khong-co",
    }  # gateway down
    params = ipn_params(payment)
    page = client.get(reverse("payments:return"), params)
    assert page.status_code == 200 and "chưa xác nhận" in page.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING  # the browser's word is not enough
    response = client.get(reverse("payments:ipn"), params)
    assert response.json() == {"RspCode": "00", "Message": "Confirm Success"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert client.get(reverse("payments:return"), {"vnp_TxnRef": payment.txn_ref}).status_code == 400


def test_the_citizen_pays_from_the_dossier_page(client, payment):
    dossier = payment.dossier
    client.force_login(dossier.user)
    page = client.get(reverse("payments:pay", args=[dossier.code])).content.decode()
    assert "150.000" in page and "Thanh toán qua VNPAY" in page
    response = client.post(reverse("payments:pay", args=[dossier.code]))
    assert (
        response.status_code == 302 and "/thanh-toan/gia-lap/paymentv2/vpcpay.html?" in response["Location"]
    )
    assert (
        "Thanh toán trực tuyến"
        in client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    )
    client.force_login(dossier.officer)
    assert client.get(reverse("payments:pay", args=[dossier.code])).status_code == 404


def test_the_officers_request_starts_from_the_published_fee():
    from dossiers.forms.actions import action_form
    from dossiers.services.fees import record_fee
    from dossiers.tests.officers import make_dossier
    from procedures.models import ProcedureChannel

    dossier = make_dossier(status=DossierStatus.PROCESSING)
    assert record_fee(dossier) is None
    form = action_form(Action.REQUEST_PAYMENT, dossier)
    assert "chưa công bố mức phí" in str(form.fields["amount"].help_text)
    ProcedureChannel.objects.filter(page=dossier.procedure, kind="online").update(fee_amount=50000)
    ProcedureChannel.objects.filter(page=dossier.procedure, kind="direct").update(fee_amount=70000)
    assert record_fee(dossier) == 50000
    assert action_form(Action.REQUEST_PAYMENT, dossier).fields["amount"].initial == 50000


def test_my_dossiers_links_to_the_payment(client, payment):
    client.force_login(payment.dossier.user)
    page = client.get(reverse("accounts:my_dossiers")).content.decode()
    assert reverse("payments:pay", args=[payment.dossier.code]) in page


def test_paying_twice_in_two_tabs_records_both_and_flags_the_second(payment):
    second, _url = start_payment(payment.dossier, client_ip="1.1.1.1", return_url="http://x/")
    assert handle_ipn(ipn_params(payment))["RspCode"] == "00"
    assert handle_ipn(ipn_params(second, vnp_TransactionNo="14000002"))["RspCode"] == "00"
    assert Payment.objects.filter(dossier=payment.dossier, status=PaymentStatus.PAID).count() == 2
    assert payment.dossier.history.filter(action=Action.CONFIRM_PAYMENT).count() == 1
    assert PaymentEvent.objects.filter(
        payment=second, kind=EventKind.MISMATCH, outcome="dossier_not_waiting"
    ).exists()
