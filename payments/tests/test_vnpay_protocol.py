"""The VNPAY 2.1.0 signing rules (no database)."""

from datetime import datetime
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from payments.providers.vnpay import (
    QUERY_REQUEST_FIELDS,
    VnpayProvider,
    hmac_sha512,
    params_signature_ok,
    pipe_signature,
    pipe_signature_ok,
    query_string,
    sign_params,
    to_amount,
)

CONFIG = {
    "TMN_CODE": "TESTTMN1",
    "HASH_SECRET": "SECRETKEY",
    "PAY_URL": "https://gw.example/pay",
    "API_URL": "x",
}


def test_query_string_is_sorted_and_url_encoded():
    assert (
        query_string({"vnp_b": "2", "vnp_a": "x y/z", "other": "1", "vnp_empty": ""})
        == "vnp_a=x+y%2Fz&vnp_b=2"
    )


def test_signature_is_hmac_sha512_of_the_encoded_query_and_detects_any_change():
    signed = sign_params({"vnp_Amount": 15000000, "vnp_TxnRef": "ABC"}, "SECRETKEY")
    assert signed["vnp_SecureHash"] == hmac_sha512("SECRETKEY", "vnp_Amount=15000000&vnp_TxnRef=ABC")
    assert len(signed["vnp_SecureHash"]) == 128
    assert params_signature_ok(signed, "SECRETKEY")
    assert params_signature_ok({**signed, "vnp_SecureHashType": "HmacSHA512"}, "SECRETKEY")
    assert not params_signature_ok({**signed, "vnp_Amount": 15000100}, "SECRETKEY")
    assert not params_signature_ok(signed, "OTHER")
    assert not params_signature_ok({k: v for k, v in signed.items() if k != "vnp_SecureHash"}, "SECRETKEY")


def test_pipe_signature_for_querydr():
    body = {name: f"v{i}" for i, name in enumerate(QUERY_REQUEST_FIELDS)}
    body["vnp_SecureHash"] = pipe_signature(body, QUERY_REQUEST_FIELDS, "S")
    assert body["vnp_SecureHash"] == hmac_sha512(
        "S", "|".join(f"v{i}" for i in range(len(QUERY_REQUEST_FIELDS)))
    )
    assert pipe_signature_ok(body, QUERY_REQUEST_FIELDS, "S")
    assert not pipe_signature_ok({**body, "vnp_TxnRef": "x"}, QUERY_REQUEST_FIELDS, "S")


def test_amounts_are_hundredths_of_a_dong():
    assert to_amount("15000000") == 150000
    assert to_amount("15000050") is None and to_amount("abc") is None and to_amount(None) is None


class _Payment:
    amount = 150000
    txn_ref = "123ABC"
    order_info = "Thanh toan phi ho so 000.00.12.H56-261207-0001"
    created_at = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    expires_at = datetime(2026, 12, 7, 9, 15, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_redirect_url_carries_the_signed_parameters():
    url = VnpayProvider(CONFIG).redirect_url(
        _Payment(), client_ip="10.0.0.1", return_url="https://dvc.example/kq/"
    )
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://gw.example/pay"
    params = dict(parse_qsl(parts.query))
    assert params["vnp_Version"] == "2.1.0" and params["vnp_Command"] == "pay"
    assert params["vnp_Amount"] == "15000000" and params["vnp_CurrCode"] == "VND"
    assert params["vnp_CreateDate"] == "20261207090000" and params["vnp_ExpireDate"] == "20261207091500"
    assert params_signature_ok(params, "SECRETKEY")


def test_callbacks_are_read_and_checked():
    provider = VnpayProvider(CONFIG)
    signed = sign_params(
        {"vnp_TmnCode": "TESTTMN1", "vnp_TxnRef": "123ABC", "vnp_Amount": "15000000", "vnp_ResponseCode": "00",
         "vnp_TransactionStatus": "00", "vnp_TransactionNo": "14000001", "vnp_PayDate": "20261207090512"},
        "SECRETKEY",
    )  # fmt: skip
    result = provider.verify_callback(signed)
    assert (
        result.signature_ok
        and result.success
        and result.amount == 150000
        and result.transaction_no == "14000001"
    )
    assert result.paid_at == datetime(2026, 12, 7, 9, 5, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert not provider.verify_callback({**signed, "vnp_ResponseCode": "24"}).signature_ok
    other_merchant = sign_params({**signed, "vnp_TmnCode": "OTHER"}, "SECRETKEY")
    assert not provider.verify_callback(other_merchant).signature_ok
    cancelled = provider.verify_callback(sign_params({**signed, "vnp_ResponseCode": "24"}, "SECRETKEY"))
    assert cancelled.signature_ok and cancelled.cancelled and not cancelled.success
    assert provider.ipn_answer("97") == {"RspCode": "97", "Message": "Invalid signature"}
