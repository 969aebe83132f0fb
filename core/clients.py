"""The client's address, the one helper every app uses (rate limits, audit logs, payments).

Behind reverse proxies REMOTE_ADDR is the last proxy's address, the same for every citizen. Each
trusted proxy appends the address it received the request from to X-Forwarded-For, so with
TRUSTED_PROXY_COUNT = n the client is the n-th entry from the right; anything to the left of it was
written by the client and is ignored. With n = 0 (no proxy, development) REMOTE_ADDR is the client.
An entry that is not an IP address, or too few entries (a request that bypassed a proxy), falls back
to REMOTE_ADDR, never to something the client wrote.

(django-ipware was tried first: in its non-strict mode a forged "X-Forwarded-For: 1.2.3.4, <real>"
with no proxy configured returned 1.2.3.4, and its proxy count does not match a single nginx that
appends one entry. The rule above is short enough to read in full.)
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

__all__ = ["UNKNOWN", "client_ip", "client_ip_or_none"]

# What client_ip() answers when the request carries no address (a Unix-socket server may leave
# REMOTE_ADDR empty): fine as a rate-limit key, never stored in an IP address column.
UNKNOWN = "unknown"


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    return _valid(hops[-count]) or remote


def client_ip_or_none(request) -> str | None:
    """client_ip() for an IP address column (audit logs): None when the address is unknown."""
    address = client_ip(request)
    return None if address == UNKNOWN else address
