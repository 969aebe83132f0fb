"""Abuse protections of the public forms: honeypot, cache-based rate limits, proof of work.

Everything here is self-hosted: no third-party captcha, no data leaves the portal. Limits and the
proof-of-work difficulty are settings (portal/settings/components/feedback.py).
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache

__all__ = [
    "HONEYPOT_FIELD",
    "POW_CHALLENGE_FIELD",
    "POW_SOLUTION_FIELD",
    "ProofOfWorkError",
    "RateLimited",
    "check_rate_limit",
    "client_ip",
    "honeypot_filled",
    "issue_challenge",
    "pow_difficulty",
    "verify_solution",
]

HONEYPOT_FIELD = "extra_note"
POW_CHALLENGE_FIELD = "pow_challenge"
POW_SOLUTION_FIELD = "pow_solution"
_POW_SALT = "feedback.pow.v1"
_KEY_PREFIX = "feedback:abuse:"


class RateLimited(Exception):
    """Too many attempts from one address or for one contact; `retry_after` is in seconds."""

    def __init__(self, scope: str, retry_after: int):
        super().__init__(scope)
        self.scope = scope
        self.retry_after = retry_after


class ProofOfWorkError(Exception):
    """The challenge is missing, forged, expired, too easy, already used, or the solution is wrong."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- client address ------------------------------------------------------------------------------


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the last hop of FEEDBACK_CLIENT_IP_HEADER when a trusted
    reverse proxy appends the client address to it (e.g. HTTP_X_FORWARDED_FOR behind one nginx)."""
    header = getattr(settings, "FEEDBACK_CLIENT_IP_HEADER", "")
    if header:
        value = request.META.get(header, "")
        hops = [hop.strip() for hop in value.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


# --- honeypot --------------------------------------------------------------------------------------


def honeypot_filled(data) -> bool:
    """True when the hidden field people never see (and bots fill) has content."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


# --- rate limits -------------------------------------------------------------------------------------


def _digest(identity: str) -> str:
    # Addresses and contacts are personal data: the cache only ever sees a keyed hash of them.
    return hmac.new(settings.SECRET_KEY.encode(), identity.encode(), hashlib.sha256).hexdigest()[:32]


def check_rate_limit(scope: str, identity: str) -> None:
    """Count one attempt for `identity` under `scope`, or raise RateLimited when a window is full.

    Windows come from settings.FEEDBACK_RATE_LIMITS[scope] as (max attempts, seconds) pairs. Each
    window starts at the first attempt (the counter expires `seconds` later), so there is no
    boundary at which a burst gets a fresh budget. A refused attempt is not counted.
    """
    limits = settings.FEEDBACK_RATE_LIMITS.get(scope, ())
    if not identity or not limits:
        return
    digest = _digest(identity)
    keys = [(f"{_KEY_PREFIX}{scope}:{seconds}:{digest}", maximum, seconds) for maximum, seconds in limits]
    counts = cache.get_many([key for key, _m, _s in keys])
    for key, maximum, seconds in keys:
        if counts.get(key, 0) >= maximum:
            raise RateLimited(scope, seconds)
    for key, _maximum, seconds in keys:
        if cache.add(key, 1, timeout=seconds):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds)


# --- proof of work ---------------------------------------------------------------------------------


def pow_difficulty() -> int:
    return max(0, int(getattr(settings, "FEEDBACK_POW_DIFFICULTY", 0)))


def issue_challenge() -> str:
    """A signed, timestamped challenge (random nonce + difficulty), or "" when proof of work is off."""
    difficulty = pow_difficulty()
    if not difficulty:
        return ""
    signer = signing.TimestampSigner(salt=_POW_SALT)
    # 64-bit nonce: unique enough for the replay cache, and it keeps "<challenge>:<n>" within two
    # SHA-256 blocks (under 120 bytes), which halves the browser's work per try.
    return signer.sign_object({"n": secrets.token_hex(8), "d": difficulty})


def leading_zero_bits(digest: bytes) -> int:
    value = int.from_bytes(digest, "big")
    return len(digest) * 8 - value.bit_length()


def verify_solution(challenge: str, solution: str) -> None:
    """Accept a solved challenge once; raise ProofOfWorkError otherwise. No-op when PoW is off.

    The client must find `solution` (decimal digits) such that SHA-256("<challenge>:<solution>")
    starts with at least `d` zero bits. The nonce is remembered in the cache until the challenge
    expires, so a solved challenge cannot be replayed.
    """
    required = pow_difficulty()
    if not required:
        return
    if not challenge or not solution:
        raise ProofOfWorkError("missing")
    if len(solution) > 20 or not solution.isdigit():
        raise ProofOfWorkError("invalid")
    max_age = settings.FEEDBACK_POW_MAX_AGE
    try:
        payload = signing.TimestampSigner(salt=_POW_SALT).unsign_object(challenge, max_age=max_age)
    except signing.SignatureExpired:
        raise ProofOfWorkError("expired")
    except signing.BadSignature:
        raise ProofOfWorkError("forged")
    difficulty = int(payload.get("d", 0))
    if difficulty < required:
        raise ProofOfWorkError("too_easy")
    digest = hashlib.sha256(f"{challenge}:{solution}".encode()).digest()
    if leading_zero_bits(digest) < difficulty:
        raise ProofOfWorkError("wrong")
    if not cache.add(f"{_KEY_PREFIX}pow:{payload['n']}", 1, timeout=max_age + 60):
        raise ProofOfWorkError("replayed")
