"""Payments of dossier fees: start one, take the gateway's word for its outcome, settle abandoned
ones, refund (docs/payments.md).

The rules:
- a payment's state changes only on a verified IPN (`handle_ipn`) or a verified querydr answer
  (`settle`), never on the return URL's parameters alone;
- the payment row is locked while an answer is applied, and only an open payment (created,
  pending) can change: a repeated, late or parallel IPN finds it settled and is answered "02";
- a wrong signature (97), unknown order (01) or wrong amount (04) is refused and logged as a
  `PaymentEvent`, like every message from the gateway;
- once paid, the dossier's payment request is confirmed through dossiers.lifecycle.perform().
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.constants import Action, DossierStatus
from dossiers.services.fees import fee_due_at_submission
from notifications.services import queue_email

from .constants import OPEN_STATUSES, EventKind, PaymentStatus, Purpose
from .emails import RECEIPT
from .models import Payment, PaymentEvent
from .providers import ProviderError, get_provider

__all__ = [
    "PaymentRefused",
    "amount_due",
    "payment_due",
    "expire_abandoned",
    "handle_ipn",
    "reconcile",
    "refund",
    "settle",
    "start_payment",
]


class PaymentRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _request_change(dossier):
    return dossier.history.filter(action=Action.REQUEST_PAYMENT).order_by("-at", "-pk").first()


def payment_due(dossier) -> tuple[int, str] | None:
    """(amount, purpose) the citizen owes now, or None:
    - the amount of the officer's last payment request while the dossier waits for it (status 6)
      and no payment made since has settled it;
    - the record's fee while the procedure collects it at filing (dossiers.services.fees) and the
      dossier has no payment that settled it."""
    if not settings.PAYMENT_PROVIDER:
        return None  # no online payment configured: fees are paid at the counter
    if dossier.status == DossierStatus.PAYMENT_REQUESTED:
        change = _request_change(dossier)
        if change is None:
            return None
        if dossier.payments.filter(status=PaymentStatus.PAID, created_at__gte=change.at).exists():
            return None
        try:
            amount = int((change.data or {}).get("amount") or 0)
        except (TypeError, ValueError):
            return None
        return (amount, Purpose.REQUEST) if amount > 0 else None
    fee = fee_due_at_submission(dossier)
    if fee and not dossier.payments.filter(status__in=(PaymentStatus.PAID, PaymentStatus.REFUNDED)).exists():
        return fee, Purpose.SUBMISSION
    return None


def amount_due(dossier) -> int | None:
    """What the citizen owes now (payment_due), or None."""
    due = payment_due(dossier)
    return due[0] if due else None


def _txn_ref(dossier, now: datetime) -> str:
    return f"{dossier.pk}{timezone.localtime(now):%y%m%d%H%M%S}{secrets.token_hex(3)}".upper()


def _log(payment, kind, *, verified=False, outcome="", note="", data=None, by=None) -> PaymentEvent:
    return PaymentEvent.objects.create(
        payment=payment, kind=kind, verified=verified, outcome=outcome[:60], note=note, data=data or {}, by=by
    )


def start_payment(dossier, *, client_ip: str, return_url: str, locale: str = "vn", now=None):
    """A new pending payment of the amount due, and the gateway URL to send the citizen to."""
    now = now or timezone.now()
    due = payment_due(dossier)
    if due is None:
        raise PaymentRefused(_("Hồ sơ này hiện không có khoản phí, lệ phí nào cần thanh toán."))
    amount, purpose = due
    agency = dossier.competent_agency or dossier.receiving_unit
    provider = get_provider()
    payment = Payment.objects.create(
        dossier=dossier,
        agency=agency,
        provider=provider.name,
        txn_ref=_txn_ref(dossier, now),
        amount=amount,
        purpose=purpose,
        order_info=f"Thanh toan phi, le phi ho so {dossier.code}",
        status=PaymentStatus.PENDING,
        created_at=now,
        expires_at=now + timedelta(minutes=settings.PAYMENT_EXPIRE_MINUTES),
    )
    _log(payment, EventKind.CREATE, verified=True, outcome="pending", data={"amount": amount})
    return payment, provider.redirect_url(payment, client_ip=client_ip, return_url=return_url, locale=locale)


def _apply_paid(payment: Payment, *, transaction_no: str, bank_code: str, paid_at, response_code: str):
    payment.status = PaymentStatus.PAID
    payment.transaction_no = transaction_no[:40]
    payment.bank_code = bank_code[:20]
    payment.paid_at = paid_at or timezone.now()
    payment.response_code = response_code[:4]
    payment.receipt_number = f"BL-{timezone.localtime(payment.paid_at):%Y%m%d}-{payment.pk:06d}"
    payment.save()
    _confirm_dossier(payment)
    # The receipt is owed in the same transaction (the outbox): a crash after the commit cannot lose it.
    queue_email(RECEIPT, payment.pk, payment.dossier.applicant_email)


def _confirm_dossier(payment: Payment) -> None:
    """The dossier's payment request is met: status 6 → 4 through the lifecycle (a system action)."""
    from dossiers.lifecycle import TransitionRefused, perform

    dossier = payment.dossier
    dossier.refresh_from_db()
    if payment.purpose == Purpose.SUBMISSION:
        # Paid with the filing: no status to change (officers see it on the dossier), unless it was
        # paid already (two tabs): then this one is flagged for a refund.
        if (
            dossier.payments.filter(status=PaymentStatus.PAID, purpose=Purpose.SUBMISSION)
            .exclude(pk=payment.pk)
            .exists()
        ):
            _log(payment, EventKind.MISMATCH, verified=True, outcome="already_paid",
                 note="Hồ sơ đã được thanh toán phí khi nộp; cần hoàn tiền khoản này.")  # fmt: skip
        return
    if dossier.status != DossierStatus.PAYMENT_REQUESTED:
        _log(payment, EventKind.MISMATCH, verified=True, outcome="dossier_not_waiting",
             note=f"Hồ sơ ở trạng thái {dossier.status} khi nhận tiền; cần đối soát hoặc hoàn tiền.")  # fmt: skip
        return
    try:
        perform(
            dossier,
            Action.CONFIRM_PAYMENT,
            system=f"Cổng thanh toán {get_provider(payment.provider).label}",
            reason=f"Đã thanh toán trực tuyến {payment.amount:,} đồng, biên lai {payment.receipt_number}".replace(
                ",", "."
            ),
        )
    except TransitionRefused as refused:
        _log(payment, EventKind.MISMATCH, verified=True, outcome="confirm_refused", note=str(refused))


def _apply_failed(payment: Payment, *, cancelled: bool, response_code: str) -> None:
    payment.status = PaymentStatus.CANCELLED if cancelled else PaymentStatus.FAILED
    payment.response_code = response_code[:4]
    payment.save(update_fields=["status", "response_code"])


def handle_ipn(params: dict, *, provider_name: str | None = None) -> dict:
    """Apply a gateway notification; returns the answer the gateway expects."""
    provider = get_provider(provider_name)
    result = provider.verify_callback(params)
    if not result.signature_ok:
        _log(None, EventKind.IPN, outcome="97 invalid signature", data=result.raw)
        return provider.ipn_answer("97")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(txn_ref=result.txn_ref).first()
        if payment is None:
            _log(None, EventKind.IPN, verified=True, outcome="01 order not found", data=result.raw)
            return provider.ipn_answer("01")
        if result.amount != payment.amount:
            _log(payment, EventKind.IPN, verified=True, outcome="04 invalid amount", data=result.raw)
            return provider.ipn_answer("04")
        if payment.status not in OPEN_STATUSES:
            _log(
                payment, EventKind.IPN, verified=True, outcome=f"02 already {payment.status}", data=result.raw
            )
            if result.success and payment.status != PaymentStatus.PAID:
                _log(payment, EventKind.MISMATCH, verified=True, outcome="paid_after_close",
                     note="Cổng báo đã thanh toán một giao dịch đã đóng; cần đối soát và hoàn tiền.")  # fmt: skip
            return provider.ipn_answer("02")
        if result.success:
            _apply_paid(payment, transaction_no=result.transaction_no, bank_code=result.bank_code,
                        paid_at=result.paid_at, response_code=result.response_code)  # fmt: skip
        else:
            _apply_failed(payment, cancelled=result.cancelled, response_code=result.response_code)
        _log(payment, EventKind.IPN, verified=True, outcome=f"00 {payment.status}", data=result.raw)
    return provider.ipn_answer("00")


def settle(payment: Payment, *, now=None) -> Payment:
    """Ask the gateway (querydr) and apply its verified answer to an open payment: paid, failed, or
    — when the gateway has no paid transaction and the payment is past its expiry — expired."""
    now = now or timezone.now()
    provider = get_provider(payment.provider)
    try:
        answer = provider.query(payment)
    except ProviderError as exc:
        _log(payment, EventKind.QUERY, outcome="unreachable", note=str(exc))
        return payment
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        _log(locked, EventKind.QUERY, verified=answer.signature_ok, outcome=f"{answer.response_code}/{answer.status_code}",
             data=answer.raw)  # fmt: skip
        if not answer.signature_ok:
            return locked
        if locked.status in OPEN_STATUSES:
            if answer.success and answer.amount == locked.amount:
                _apply_paid(locked, transaction_no=answer.transaction_no, bank_code=answer.raw.get("vnp_BankCode", ""),
                            paid_at=answer.paid_at, response_code=answer.response_code)  # fmt: skip
            elif answer.found and not answer.pending and not answer.success:
                _apply_failed(locked, cancelled=answer.status_code == "02", response_code=answer.status_code)
            elif locked.expires_at < now:
                locked.status = PaymentStatus.EXPIRED
                locked.save(update_fields=["status"])
                _log(locked, EventKind.EXPIRE, verified=True, outcome="expired")
        elif (
            answer.success and locked.status != PaymentStatus.PAID and locked.status != PaymentStatus.REFUNDED
        ):
            _log(locked, EventKind.MISMATCH, verified=True, outcome="gateway_paid",
                 note="Cổng ghi nhận đã thanh toán nhưng cổng dịch vụ công ghi khác.")  # fmt: skip
    return locked


def expire_abandoned(*, now=None) -> int:
    """Settle every open payment past its expiry (run every few minutes; `manage.py settle_payments`)."""
    now = now or timezone.now()
    done = 0
    for payment in Payment.objects.filter(status__in=OPEN_STATUSES, expires_at__lt=now).order_by("pk"):
        settle(payment, now=now)
        done += 1
    return done


def refund(payment: Payment, *, by, reason: str, now=None) -> Payment:
    """Refund a paid payment in full, for an officer of the dossier's units, with a reason."""
    from dossiers.access import officer_roles
    from dossiers.constants import OfficerRole

    reason = (reason or "").strip()
    if not reason:
        raise PaymentRefused(_("Nhập lý do hoàn tiền."))
    roles = officer_roles(by, payment.dossier)
    if not roles & {OfficerRole.LEADER, OfficerRole.ADMIN}:
        raise PaymentRefused(_("Chỉ lãnh đạo hoặc quản trị hồ sơ của đơn vị được hoàn tiền."))
    if payment.status != PaymentStatus.PAID:
        raise PaymentRefused(_("Chỉ hoàn tiền được giao dịch đã thanh toán."))
    provider = get_provider(payment.provider)
    try:
        answer = provider.refund(payment, amount=payment.amount, by=by.get_username())
    except ProviderError as exc:
        _log(payment, EventKind.REFUND, outcome="unreachable", note=str(exc), by=by)
        raise PaymentRefused(_("Không kết nối được cổng thanh toán; vui lòng thử lại sau.")) from exc
    _log(payment, EventKind.REFUND, verified=answer.signature_ok, outcome=answer.response_code, note=reason,
         data=answer.raw, by=by)  # fmt: skip
    if not answer.ok:
        raise PaymentRefused(
            _("Cổng thanh toán từ chối hoàn tiền (mã %(code)s: %(message)s).")
            % {"code": answer.response_code or "?", "message": answer.message or "—"}
        )
    with transaction.atomic():
        updated = Payment.objects.filter(pk=payment.pk, status=PaymentStatus.PAID).update(
            status=PaymentStatus.REFUNDED,
            refunded_at=now or timezone.now(),
            refunded_by=by,
            refund_reason=reason,
        )
    payment.refresh_from_db()
    if not updated:
        raise PaymentRefused(_("Giao dịch đã được xử lý bởi người khác."))
    return payment


def reconcile(day, *, agency=None) -> list:
    """Compare the day's payments (created that day, Vietnamese time) with the gateway, per
    collecting agency: querydr for each; a payment whose state or amount differs from the gateway's,
    or that the gateway cannot confirm, is a mismatch (kept on the `Reconciliation` row and logged).
    Open payments are settled on the way. Run daily (`manage.py reconcile_payments`)."""
    from datetime import datetime as dt

    from .models import Reconciliation

    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.combine(day, dt.min.time()), tz)
    payments = Payment.objects.filter(created_at__gte=start, created_at__lt=start + timedelta(days=1))
    if agency is not None:
        payments = payments.filter(agency=agency)
    rows = {}
    for payment in payments.select_related("agency").order_by("pk"):
        if payment.status in OPEN_STATUSES:
            payment = settle(payment)
        row = rows.setdefault(
            payment.agency_id, {"checked": 0, "matched": 0, "mismatches": [], "portal": 0, "gateway": 0}
        )
        row["checked"] += 1
        try:
            answer = get_provider(payment.provider).query(payment)
        except ProviderError as exc:
            row["mismatches"].append({"txn_ref": payment.txn_ref, "why": f"unreachable: {exc}"})
            continue
        portal_paid = payment.status == PaymentStatus.PAID
        gateway_paid = answer.signature_ok and answer.success
        gateway_refunded = answer.signature_ok and answer.refunded
        if portal_paid:
            row["portal"] += payment.amount
        if gateway_paid:
            row["gateway"] += answer.amount or 0
        why = ""
        if not answer.signature_ok:
            why = "gateway answer not verified"
        elif portal_paid != gateway_paid and not (
            payment.status == PaymentStatus.REFUNDED and gateway_refunded
        ):
            why = f"portal {payment.status}, gateway {answer.response_code}/{answer.status_code}"
        elif gateway_paid and answer.amount != payment.amount:
            why = f"amount portal {payment.amount}, gateway {answer.amount}"
        if why:
            row["mismatches"].append({"txn_ref": payment.txn_ref, "why": why})
            _log(
                payment, EventKind.MISMATCH, verified=answer.signature_ok, outcome="reconciliation", note=why
            )
        else:
            row["matched"] += 1
    results = []
    for agency_id, row in rows.items():
        record, _created = Reconciliation.objects.update_or_create(
            day=day,
            agency_id=agency_id,
            defaults={"checked": row["checked"], "matched": row["matched"], "mismatches": row["mismatches"],
                      "portal_total": row["portal"], "gateway_total": row["gateway"]},
        )  # fmt: skip
        results.append(record)
    return results
