"""Abuse protections of the public forms: honeypot, cache-based rate limits, proof of work.

Everything here is self-hosted: no third-party captcha, no data leaves the portal. Limits and the
proof-of-work difficulty are settings (portal/settings/components/feedback.py).
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from core.clients import client_ip
from core.ratelimit import RateLimited
from core.ratelimit import check_rate_limit as _check

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


class ProofOfWorkError(Exception):
    """The challenge is missing, forged, expired, too easy, already used, or the solution is wrong."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- honeypot --------------------------------------------------------------------------------------


def honeypot_filled(data) -> bool:
    """True when the hidden field people never see (and bots fill) has content."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


# --- rate limits -------------------------------------------------------------------------------------


def check_rate_limit(scope: str, identity: str) -> None:
    """Count one attempt under `scope` with the windows of FEEDBACK_RATE_LIMITS[scope] (the one
    limiter, core.ratelimit); RateLimited when a window is full."""
    _check(scope, identity, settings.FEEDBACK_RATE_LIMITS.get(scope, ()))


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
    if not cache.add(f"feedback:abuse:pow:{payload['n']}", 1, timeout=max_age + 60):
        raise ProofOfWorkError("replayed")
