"""VNPAY payment gateway, protocol version 2.1.0 ("Hướng dẫn tích hợp Cổng thanh toán VNPAY").

- Pay: the browser goes to PAYMENT_VNPAY["PAY_URL"] with the parameters sorted by name,
  URL-encoded (`quote_plus`) and signed: `vnp_SecureHash` = HMAC-SHA512(hash secret, the encoded
  query string); `vnp_Amount` is the amount in đồng × 100; dates are `yyyyMMddHHmmss` in GMT+7.
- Return URL and IPN: the same parameters come back, signed the same way (without
  `vnp_SecureHash` / `vnp_SecureHashType`). `vnp_ResponseCode` and `vnp_TransactionStatus` "00"
  mean paid; "24" means the customer cancelled. The IPN is answered with JSON `{"RspCode", "Message"}`:
  00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature,
  99 other error.
- `querydr` and `refund`: a JSON POST to PAYMENT_VNPAY["API_URL"], signed over the fields joined
  with "|" in the documented order; the answer is signed the same way.

The project's simulator (payments/simulator/) speaks this protocol over real HTTP; settings point the
adapter at it (`make run`, tests) or at the real gateway (production).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
import uuid
from datetime import datetime
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from django.conf import settings

from .base import CallbackResult, ProviderError, QueryResult, RefundResult

VERSION = "2.1.0"
GMT7 = ZoneInfo("Asia/Ho_Chi_Minh")
SUCCESS = "00"
CANCELLED_BY_CUSTOMER = "24"
IPN_MESSAGES = {
    "00": "Confirm Success",
    "01": "Order not found",
    "02": "Order already confirmed",
    "04": "Invalid amount",
    "97": "Invalid signature",
    "99": "Unknown error",
}
QUERY_REQUEST_FIELDS = (
    "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate",
    "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
)  # fmt: skip
QUERY_RESPONSE_FIELDS = (
    "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef",
    "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
    "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
)  # fmt: skip
REFUND_REQUEST_FIELDS = (
    "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef",
    "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate",
    "vnp_IpAddr", "vnp_OrderInfo",
)  # fmt: skip
REFUND_RESPONSE_FIELDS = (
    "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef",
    "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
    "vnp_TransactionStatus", "vnp_OrderInfo",
)  # fmt: skip


# --- signing (used by the adapter and by the simulator) --------------------------------------------
def hmac_sha512(secret: str, data: str) -> str:
    return hmac.new(secret.encode("utf-8"), data.encode("utf-8"), hashlib.sha512).hexdigest()


def query_string(params: dict) -> str:
    """The signed form: vnp_* parameters with a value, sorted by name, URL-encoded (`quote_plus`)."""
    items = sorted((k, str(v)) for k, v in params.items() if k.startswith("vnp_") and v not in (None, ""))
    return "&".join(f"{quote_plus(k)}={quote_plus(v)}" for k, v in items)


def sign_params(params: dict, secret: str) -> dict:
    unsigned = {k: v for k, v in params.items() if k not in ("vnp_SecureHash", "vnp_SecureHashType")}
    return {**unsigned, "vnp_SecureHash": hmac_sha512(secret, query_string(unsigned))}


def params_signature_ok(params: dict, secret: str) -> bool:
    given = str(params.get("vnp_SecureHash", "")).lower()
    unsigned = {k: v for k, v in params.items() if k not in ("vnp_SecureHash", "vnp_SecureHashType")}
    return bool(given) and hmac.compare_digest(given, hmac_sha512(secret, query_string(unsigned)))


def pipe_signature(values: dict, fields, secret: str) -> str:
    return hmac_sha512(secret, "|".join(str(values.get(name, "")) for name in fields))


def pipe_signature_ok(values: dict, fields, secret: str) -> bool:
    given = str(values.get("vnp_SecureHash", "")).lower()
    return bool(given) and hmac.compare_digest(given, pipe_signature(values, fields, secret))


def vnp_time(moment: datetime) -> str:
    return moment.astimezone(GMT7).strftime("%Y%m%d%H%M%S")


def parse_vnp_time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%d%H%M%S").replace(tzinfo=GMT7)
    except (TypeError, ValueError):
        return None


def to_amount(value) -> int | None:
    """`vnp_Amount` (đồng × 100) → đồng; None when unreadable or not a whole number of đồng."""
    try:
        hundredths = int(str(value))
    except (TypeError, ValueError):
        return None
    return hundredths // 100 if hundredths % 100 == 0 else None


# --- the adapter ------------------------------------------------------------------------------------
def gateway_url(value: str) -> str:
    """A configured gateway URL; a relative one (the simulator) is on this site (SITE_BASE_URL)."""
    return settings.SITE_BASE_URL.rstrip("/") + value if value.startswith("/") else value


class VnpayProvider:
    name = "vnpay"
    label = "VNPAY"

    def __init__(self, config: dict | None = None):
        self.config = config or settings.PAYMENT_VNPAY

    @property
    def secret(self) -> str:
        return self.config["HASH_SECRET"]

    def redirect_url(self, payment, *, client_ip: str, return_url: str, locale: str = "vn") -> str:
        params = {
            "vnp_Version": VERSION,
            "vnp_Command": "pay",
            "vnp_TmnCode": self.config["TMN_CODE"],
            "vnp_Amount": payment.amount * 100,
            "vnp_CurrCode": "VND",
            "vnp_TxnRef": payment.txn_ref,
            "vnp_OrderInfo": payment.order_info,
            "vnp_OrderType": "other",
            "vnp_Locale": "en" if locale == "en" else "vn",
            "vnp_ReturnUrl": return_url,
            "vnp_IpAddr": client_ip or "127.0.0.1",
            "vnp_CreateDate": vnp_time(payment.created_at),
            "vnp_ExpireDate": vnp_time(payment.expires_at),
        }
        return f"{gateway_url(self.config['PAY_URL'])}?{query_string(sign_params(params, self.secret))}"

    def verify_callback(self, params: dict) -> CallbackResult:
        params = {k: v for k, v in params.items() if k.startswith("vnp_")}
        ok = params_signature_ok(params, self.secret) and params.get("vnp_TmnCode") == self.config["TMN_CODE"]
        response, status = params.get("vnp_ResponseCode", ""), params.get("vnp_TransactionStatus", "")
        return CallbackResult(
            signature_ok=ok,
            txn_ref=params.get("vnp_TxnRef", ""),
            amount=to_amount(params.get("vnp_Amount")),
            success=response == SUCCESS and status == SUCCESS,
            cancelled=response == CANCELLED_BY_CUSTOMER,
            response_code=response,
            transaction_no=params.get("vnp_TransactionNo", ""),
            bank_code=params.get("vnp_BankCode", ""),
            paid_at=parse_vnp_time(params.get("vnp_PayDate", "")),
            raw=params,
        )

    def ipn_answer(self, code: str) -> dict:
        return {"RspCode": code, "Message": IPN_MESSAGES.get(code, IPN_MESSAGES["99"])}

    def _post(self, body: dict) -> dict:
        request = urllib.request.Request(
            gateway_url(self.config["API_URL"]),
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.get("TIMEOUT", 15)) as response:
                return json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise ProviderError(str(exc)) from exc

    def _request_base(self, command: str, payment, client_ip: str) -> dict:
        from django.utils import timezone

        return {
            "vnp_RequestId": uuid.uuid4().hex[:32],
            "vnp_Version": VERSION,
            "vnp_Command": command,
            "vnp_TmnCode": self.config["TMN_CODE"],
            "vnp_TxnRef": payment.txn_ref,
            "vnp_OrderInfo": f"{command} {payment.txn_ref}",
            "vnp_TransactionDate": vnp_time(payment.created_at),
            "vnp_CreateDate": vnp_time(timezone.now()),
            "vnp_IpAddr": client_ip,
        }

    def query(self, payment, *, client_ip: str = "127.0.0.1") -> QueryResult:
        body = self._request_base("querydr", payment, client_ip)
        body["vnp_SecureHash"] = pipe_signature(body, QUERY_REQUEST_FIELDS, self.secret)
        answer = self._post(body)
        ok = pipe_signature_ok(answer, QUERY_RESPONSE_FIELDS, self.secret)
        response, status = answer.get("vnp_ResponseCode", ""), answer.get("vnp_TransactionStatus", "")
        return QueryResult(
            signature_ok=ok,
            found=response == SUCCESS,
            success=response == SUCCESS and status == SUCCESS,
            pending=response == SUCCESS and status == "01",
            refunded=response == SUCCESS and status in ("05", "06"),
            amount=to_amount(answer.get("vnp_Amount")),
            transaction_no=str(answer.get("vnp_TransactionNo", "")),
            response_code=response,
            status_code=status,
            paid_at=parse_vnp_time(answer.get("vnp_PayDate", "")),
            raw=answer,
        )

    def refund(self, payment, *, amount: int, by: str, client_ip: str = "127.0.0.1") -> RefundResult:
        body = self._request_base("refund", payment, client_ip)
        body.update(
            {
                "vnp_TransactionType": "02" if amount == payment.amount else "03",
                "vnp_Amount": amount * 100,
                "vnp_TransactionNo": payment.transaction_no,
                "vnp_CreateBy": by[:250],
            }
        )
        body["vnp_SecureHash"] = pipe_signature(body, REFUND_REQUEST_FIELDS, self.secret)
        answer = self._post(body)
        ok = pipe_signature_ok(answer, REFUND_RESPONSE_FIELDS, self.secret)
        return RefundResult(
            signature_ok=ok,
            ok=ok and answer.get("vnp_ResponseCode") == SUCCESS,
            response_code=answer.get("vnp_ResponseCode", ""),
            message=answer.get("vnp_Message", ""),
            raw=answer,
        )
