"""The interface every payment provider implements; the services never speak a gateway's protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class ProviderError(Exception):
    """The gateway could not be reached or answered something unreadable."""


@dataclass(frozen=True)
class CallbackResult:
    """A verified (or not) notification or return from the gateway."""

    signature_ok: bool
    txn_ref: str = ""
    amount: int | None = None  # in đồng
    success: bool = False
    cancelled: bool = False
    response_code: str = ""
    transaction_no: str = ""
    bank_code: str = ""
    paid_at: datetime | None = None
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class QueryResult:
    """The gateway's record of a transaction (reconciliation, settling a pending payment)."""

    signature_ok: bool
    found: bool
    success: bool = False
    pending: bool = False
    refunded: bool = False
    amount: int | None = None
    transaction_no: str = ""
    response_code: str = ""
    status_code: str = ""
    paid_at: datetime | None = None
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RefundResult:
    signature_ok: bool
    ok: bool
    response_code: str = ""
    message: str = ""
    raw: dict = field(default_factory=dict)


class Provider(Protocol):
    name: str
    label: str

    def redirect_url(self, payment, *, client_ip: str, return_url: str, locale: str = "vn") -> str:
        """Where to send the citizen's browser to pay (no card data ever reaches the portal)."""

    def verify_callback(self, params: dict) -> CallbackResult:
        """Check a return-URL or IPN request's parameters."""

    def ipn_answer(self, code: str) -> dict:
        """The body the gateway expects in answer to its IPN."""

    def query(self, payment, *, client_ip: str = "127.0.0.1") -> QueryResult:
        """Ask the gateway for the transaction's state (querydr)."""

    def refund(self, payment, *, amount: int, by: str, client_ip: str = "127.0.0.1") -> RefundResult:
        """Ask the gateway to refund `amount` of a paid transaction."""
