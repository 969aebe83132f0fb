"""Online payments of dossier fees (issue 16): one `Payment` per attempt, its state changed only by a
verified gateway notification (IPN) or a query answer (querydr); every message from the gateway,
verified or not, is an append-only `PaymentEvent` (the audit trail, and the log of refused ones)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import EventKind, PaymentStatus, Purpose


class Payment(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="payments"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan thu"), on_delete=models.PROTECT, related_name="payments"
    )
    provider = models.CharField(_("cổng thanh toán"), max_length=20)
    txn_ref = models.CharField(_("mã giao dịch"), max_length=40, unique=True)
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    purpose = models.CharField(
        _("khoản thu"), max_length=12, choices=Purpose.choices, default=Purpose.REQUEST
    )
    order_info = models.CharField(_("nội dung"), max_length=255)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=PaymentStatus.choices,
        default=PaymentStatus.CREATED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("tạo lúc"))
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    transaction_no = models.CharField(_("mã giao dịch tại cổng"), max_length=40, blank=True)
    bank_code = models.CharField(_("ngân hàng"), max_length=20, blank=True)
    response_code = models.CharField(_("mã phản hồi"), max_length=4, blank=True)
    receipt_number = models.CharField(_("số biên lai"), max_length=40, blank=True)
    refunded_at = models.DateTimeField(_("hoàn tiền lúc"), null=True, blank=True)
    refunded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refund_reason = models.TextField(_("lý do hoàn tiền"), blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("giao dịch thanh toán")
        verbose_name_plural = _("giao dịch thanh toán")
        ordering = ["-created_at", "-pk"]
        # Not one paid payment per dossier: a citizen who pays in two tabs has paid twice, and both
        # are recorded; the second is flagged (PaymentEvent "dossier_not_waiting") for a refund.

    def __str__(self) -> str:
        return f"{self.txn_ref} {self.amount} {self.status}"


class PaymentEvent(models.Model):
    payment = models.ForeignKey(
        Payment, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    verified = models.BooleanField(default=False)
    outcome = models.CharField(max_length=60, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("nhật ký thanh toán")
        verbose_name_plural = _("nhật ký thanh toán")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.outcome}"


class SimulatedTransaction(models.Model):
    """The gateway simulator's own record of a transaction (payments/simulator/): what querydr and
    refund answer from. Not the portal's data: the portal keeps `Payment`."""

    tmn_code = models.CharField(max_length=20)
    txn_ref = models.CharField(max_length=40)
    amount = models.BigIntegerField()  # đồng
    order_info = models.CharField(max_length=255, blank=True)
    return_url = models.URLField(max_length=500)
    client_ip = models.CharField(max_length=45, blank=True)
    create_date = models.CharField(max_length=14)
    expire_date = models.CharField(max_length=14, blank=True)
    transaction_no = models.CharField(max_length=20, blank=True)
    bank_code = models.CharField(max_length=20, blank=True)
    pay_date = models.CharField(max_length=14, blank=True)
    response_code = models.CharField(max_length=4, blank=True)
    # VNPAY's vnp_TransactionStatus: 01 pending, 00 paid, 02 failed, 05/06 refund in progress/refunded
    status = models.CharField(max_length=4, default="01")
    ipn_answer = models.JSONField(default=dict, blank=True)
    refunded_amount = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tmn_code", "txn_ref"], name="simtxn_tmn_ref")]

    def __str__(self) -> str:
        return f"{self.tmn_code}/{self.txn_ref} {self.status}"


class Reconciliation(models.Model):
    """One day's comparison of the portal's payments with the gateway's records (querydr), per
    collecting agency (`services.reconcile`)."""

    day = models.DateField(_("ngày"))
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan thu"), on_delete=models.PROTECT, related_name="+"
    )
    run_at = models.DateTimeField(_("đối soát lúc"), auto_now=True)
    checked = models.PositiveIntegerField(_("số giao dịch"), default=0)
    matched = models.PositiveIntegerField(_("khớp"), default=0)
    mismatches = models.JSONField(_("chênh lệch"), default=list, blank=True)
    portal_total = models.BigIntegerField(_("tổng đã thu (cổng dịch vụ công)"), default=0)
    gateway_total = models.BigIntegerField(_("tổng đã thu (cổng thanh toán)"), default=0)

    class Meta:
        verbose_name = _("đối soát thanh toán")
        verbose_name_plural = _("đối soát thanh toán")
        ordering = ["-day", "agency"]
        constraints = [models.UniqueConstraint(fields=["day", "agency"], name="reconciliation_day_agency")]

    def __str__(self) -> str:
        return f"{self.day} {self.agency_id}: {self.matched}/{self.checked}"
