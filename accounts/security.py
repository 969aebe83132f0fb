"""Sign-in lockout (django-axes) and password-reset limits (docs/security.md)."""

from __future__ import annotations

from core.validators import normalize_phone

__all__ = ["lockout_ip", "lockout_username"]


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
