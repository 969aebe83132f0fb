"""Sign-in lockout (django-axes) and password-reset limits (docs/security.md)."""

from __future__ import annotations

from core.validators import normalize_phone

__all__ = ["address_locked", "count_failed_signin", "lockout_ip", "lockout_username"]


def lockout_username(request, credentials) -> str | None:
    """The account a sign-in attempt is counted against, the same however it is typed: an e-mail in
    lower case, a phone number in its national form, a staff username as it is."""
    value = ((credentials or {}).get("username") or "").strip()
    if not value and request is not None:
        value = (request.POST.get("username") or "").strip()
    if not value:
        return None
    if "@" in value:
        return value.lower()[:254]
    phone = normalize_phone(value)
    return (phone if phone.isdigit() else value)[:254]


def lockout_ip(request) -> str | None:
    """The client's address for django-axes (core.clients), None when the request has none (a
    test client's or an internal request): axes stores addresses in an IP field."""
    from core.clients import client_ip

    address = client_ip(request)
    return None if address == "unknown" else address


def _address_limits():
    from django.conf import settings

    return settings.ACCOUNTS_SIGNIN_ADDRESS_LIMITS


def address_locked(request) -> bool:
    """Whether the client's address made too many failed sign-ins, whatever the accounts: its
    own budget, larger than an account's, since many citizens share one address (mobile carriers'
    NAT, an office)."""
    from core.ratelimit import is_limited

    address = lockout_ip(request)
    return bool(address) and is_limited("signin_failed_ip", address, _address_limits())


def count_failed_signin(sender, credentials, request=None, **kwargs):
    """user_login_failed receiver (accounts.apps): one failure for the client's address."""
    from core.ratelimit import count_attempt

    if request is not None:
        address = lockout_ip(request)
        if address:
            count_attempt("signin_failed_ip", address, _address_limits())
