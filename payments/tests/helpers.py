"""Builders for payment tests: a dossier whose officer asked for a fee, and the gateway's signed
notification for a payment (what the simulator sends)."""

from django.conf import settings

from dossiers.constants import Action, DossierStatus, OfficerRole
from dossiers.lifecycle import perform
from dossiers.tests.officers import make_dossier, make_officer
from payments.providers.vnpay import sign_params, vnp_time


def dossier_owing(amount: int = 150000, **kwargs):
    """A dossier in status 6: its processing officer asked for `amount` through the lifecycle."""
    dossier = make_dossier(status=DossierStatus.PROCESSING, **kwargs)
    officer = make_officer(
        (OfficerRole.PROCESSING, dossier.competent_agency), (OfficerRole.LEADER, dossier.competent_agency)
    )
    perform(dossier, Action.REQUEST_PAYMENT, actor=officer, reason="Lệ phí đăng ký", amount=amount)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PAYMENT_REQUESTED
    dossier.officer = officer
    return dossier


def ipn_params(payment, *, response="00", status="00", amount=None, secret=None, **extra) -> dict:
    """The gateway's signed notification for `payment` (paid unless told otherwise)."""
    params = {
        "vnp_Amount": (payment.amount if amount is None else amount) * 100,
        "vnp_BankCode": "NCB",
        "vnp_BankTranNo": "VNP14000001",
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": payment.order_info,
        "vnp_PayDate": vnp_time(payment.created_at),
        "vnp_ResponseCode": response,
        "vnp_TmnCode": settings.PAYMENT_VNPAY["TMN_CODE"],
        "vnp_TransactionNo": "14000001",
        "vnp_TransactionStatus": status,
        "vnp_TxnRef": payment.txn_ref,
        **extra,
    }
    return sign_params(params, secret or settings.PAYMENT_VNPAY["HASH_SECRET"])
