"""A VNPAY 2.1.0 gateway simulator, in the project, over real HTTP (docs/payments.md).

It checks the merchant's signature like the gateway, shows its own pages to pick a bank and
approve, decline, cancel or let the payment time out; it then calls the merchant's IPN URL over
HTTP with signed parameters and sends the browser back to the return URL. Its merchant API answers
`querydr` and `refund`, signed. It never sees card data either: there is none to see.
For development and tests only (PAYMENT_SIMULATOR); production points the adapter at VNPAY.
"""

from __future__ import annotations

__all__ = ["BANKS", "deliver_ipn", "merchant_api", "pay_page"]

import json
import urllib.error
import urllib.request
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from ..models import SimulatedTransaction
from ..providers.vnpay import (
    QUERY_REQUEST_FIELDS,
    QUERY_RESPONSE_FIELDS,
    REFUND_REQUEST_FIELDS,
    REFUND_RESPONSE_FIELDS,
    gateway_url,
    params_signature_ok,
    parse_vnp_time,
    pipe_signature,
    pipe_signature_ok,
    query_string,
    sign_params,
    to_amount,
    vnp_time,
)

BANKS = [("NCB", "Ngân hàng NCB"), ("VCB", "Vietcombank"), ("BIDV", "BIDV"), ("AGRIBANK", "Agribank"),
         ("VIETINBANK", "VietinBank")]  # fmt: skip
# outcome → (vnp_ResponseCode, vnp_TransactionStatus)
OUTCOMES = {"approve": ("00", "00"), "decline": ("51", "02"), "cancel": ("24", "02")}


def _merchant_secret(tmn_code: str) -> str | None:
    config = settings.PAYMENT_VNPAY
    return config["HASH_SECRET"] if tmn_code == config["TMN_CODE"] else None


def _result_params(txn: SimulatedTransaction) -> dict:
    return {
        "vnp_Amount": txn.amount * 100,
        "vnp_BankCode": txn.bank_code,
        "vnp_BankTranNo": f"VNP{txn.transaction_no}" if txn.transaction_no else "",
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": txn.order_info,
        "vnp_PayDate": txn.pay_date,
        "vnp_ResponseCode": txn.response_code,
        "vnp_TmnCode": txn.tmn_code,
        "vnp_TransactionNo": txn.transaction_no,
        "vnp_TransactionStatus": txn.status,
        "vnp_TxnRef": txn.txn_ref,
    }


def deliver_ipn(params: dict) -> dict:
    """Call the merchant's IPN URL over HTTP (GET, as the gateway does); its JSON answer."""
    url = f"{gateway_url(settings.PAYMENT_VNPAY['IPN_URL'])}?{query_string(params)}"
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        return {"RspCode": "--", "Message": f"IPN not delivered: {exc}"}


@csrf_exempt  # the gateway's own page: another site, which knows nothing of the portal's CSRF token
def pay_page(request):
    params = (request.GET if request.method == "GET" else request.POST).dict()
    tmn_code = params.get("vnp_TmnCode", "")
    secret = _merchant_secret(tmn_code)
    if secret is None or not params_signature_ok(params, secret):
        return render(
            request,
            "payments/simulator/error.html",
            {"message": "Sai chữ ký (Invalid signature)"},
            status=400,
        )
    amount = to_amount(params.get("vnp_Amount"))
    if not amount or params.get("vnp_Version") != "2.1.0" or params.get("vnp_Command") != "pay":
        return render(
            request, "payments/simulator/error.html", {"message": "Tham số không hợp lệ"}, status=400
        )
    try:
        with transaction.atomic():
            txn, _created = SimulatedTransaction.objects.get_or_create(
                tmn_code=tmn_code,
                txn_ref=params.get("vnp_TxnRef", ""),
                defaults={
                    "amount": amount, "order_info": params.get("vnp_OrderInfo", ""),
                    "return_url": params.get("vnp_ReturnUrl", ""), "client_ip": params.get("vnp_IpAddr", ""),
                    "create_date": params.get("vnp_CreateDate", ""), "expire_date": params.get("vnp_ExpireDate", ""),
                },
            )  # fmt: skip
    except IntegrityError:
        txn = SimulatedTransaction.objects.get(tmn_code=tmn_code, txn_ref=params.get("vnp_TxnRef", ""))
    expires = parse_vnp_time(txn.expire_date)
    expired = expires is not None and expires < timezone.now()
    if request.method == "POST" and txn.status == "01" and not expired:
        outcome = request.POST.get("ket_qua", "")
        if outcome == "timeout":
            txn.response_code = "11"
            txn.save(update_fields=["response_code"])
            return render(request, "payments/simulator/timeout.html", {"txn": txn, "back": _back_url(txn)})
        if outcome in OUTCOMES:
            txn.response_code, txn.status = OUTCOMES[outcome]
            txn.bank_code = request.POST.get("ngan_hang", "NCB")[:20]
            txn.transaction_no = str(10_000_000 + txn.pk) if outcome == "approve" else "0"
            txn.pay_date = vnp_time(timezone.now())
            txn.save()
            signed = sign_params(_result_params(txn), _merchant_secret(tmn_code))
            txn.ipn_answer = deliver_ipn(signed)
            txn.save(update_fields=["ipn_answer"])
            return HttpResponseRedirect(f"{txn.return_url}?{query_string(signed)}")
    context = {"txn": txn, "params": params, "banks": BANKS, "expired": expired, "done": txn.status != "01"}
    return render(request, "payments/simulator/pay.html", context)


def _back_url(txn: SimulatedTransaction) -> str:
    signed = sign_params(_result_params(txn), _merchant_secret(txn.tmn_code))
    return f"{txn.return_url}?{query_string(signed)}"


def _answer(values: dict, fields, secret: str) -> JsonResponse:
    values = {"vnp_ResponseId": uuid.uuid4().hex[:32], **values}
    values["vnp_SecureHash"] = pipe_signature(values, fields, secret)
    return JsonResponse(values)


@csrf_exempt
def merchant_api(request):
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"vnp_ResponseCode": "03", "vnp_Message": "Invalid request format"}, status=400)
    command = body.get("vnp_Command")
    secret = _merchant_secret(body.get("vnp_TmnCode", ""))
    fields = {"querydr": QUERY_REQUEST_FIELDS, "refund": REFUND_REQUEST_FIELDS}.get(command)
    if secret is None or fields is None:
        return JsonResponse({"vnp_ResponseCode": "02", "vnp_Message": "Merchant or command not valid"})
    if not pipe_signature_ok(body, fields, secret):
        return JsonResponse({"vnp_ResponseCode": "97", "vnp_Message": "Invalid checksum"})
    txn = SimulatedTransaction.objects.filter(
        tmn_code=body["vnp_TmnCode"], txn_ref=body.get("vnp_TxnRef", "")
    ).first()
    base = {
        "vnp_Command": command,
        "vnp_TmnCode": body["vnp_TmnCode"],
        "vnp_TxnRef": body.get("vnp_TxnRef", ""),
    }
    if txn is None or txn.status == "01" and txn.response_code in ("", "11"):
        # never paid (abandoned or timed out): the gateway has no transaction to report
        return _answer({**base, "vnp_ResponseCode": "91", "vnp_Message": "Transaction not found"},
                       QUERY_RESPONSE_FIELDS if command == "querydr" else REFUND_RESPONSE_FIELDS, secret)  # fmt: skip
    if command == "refund":
        amount = to_amount(body.get("vnp_Amount"))
        if txn.status != "00" or not amount or amount > txn.amount - txn.refunded_amount:
            return _answer({**base, "vnp_ResponseCode": "02", "vnp_Message": "Refund not allowed",
                            "vnp_Amount": body.get("vnp_Amount", "")}, REFUND_RESPONSE_FIELDS, secret)  # fmt: skip
        txn.refunded_amount += amount
        txn.status = "06" if txn.refunded_amount == txn.amount else "00"
        txn.save(update_fields=["refunded_amount", "status"])
        fields_out = REFUND_RESPONSE_FIELDS
        message, transaction_type = "Refund success", body.get("vnp_TransactionType", "02")
    else:
        fields_out, message, transaction_type = QUERY_RESPONSE_FIELDS, "QueryDR Success", "01"
    return _answer(
        {
            **base, "vnp_ResponseCode": "00", "vnp_Message": message, "vnp_Amount": txn.amount * 100,
            "vnp_BankCode": txn.bank_code, "vnp_PayDate": txn.pay_date, "vnp_TransactionNo": txn.transaction_no,
            "vnp_TransactionType": transaction_type, "vnp_TransactionStatus": txn.status,
            "vnp_OrderInfo": txn.order_info, "vnp_PromotionCode": "", "vnp_PromotionAmount": "",
        },
        fields_out,
        secret,
    )  # fmt: skip
