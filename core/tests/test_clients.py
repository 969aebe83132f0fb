"""The client's address behind trusted proxies, and the one rate limiter."""

import pytest

from core.clients import client_ip
from core.ratelimit import RateLimited, check_rate_limit


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "", "10.0.0.1"),
        (0, "1.2.3.4", "10.0.0.1"),  # no proxy configured: a client-written header is ignored
        (1, "203.0.113.7", "203.0.113.7"),  # one nginx appended the client
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the client forged the left part
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.9", "203.0.113.7"),  # nginx then Varnish
        (2, "203.0.113.7", "10.0.0.1"),  # fewer hops than proxies: the request bypassed one
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_is_read_behind_the_trusted_proxies_only(rf, settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", **extra)) == expected


def test_behind_a_proxy_each_citizen_has_their_own_budget(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limits = [(2, 600)]
    for _ in range(2):
        check_rate_limit(
            "t", client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")), limits
        )
    with pytest.raises(RateLimited) as limited:
        check_rate_limit(
            "t", client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")), limits
        )
    assert limited.value.retry_after == 600
    # another citizen behind the same proxy is not affected
    check_rate_limit(
        "t", client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")), limits
    )


def test_a_request_without_an_address_is_unknown_and_never_stored_as_one(rf):
    """A server on a Unix socket may leave REMOTE_ADDR empty: "unknown" keys the rate limits, and the
    audit logs' IP columns get NULL (PostgreSQL refuses "unknown" there: found by schemathesis)."""
    from core.clients import client_ip_or_none

    request = rf.get("/", REMOTE_ADDR="")
    assert client_ip(request) == "unknown" and client_ip_or_none(request) is None
    assert client_ip_or_none(rf.get("/", REMOTE_ADDR="203.0.113.9")) == "203.0.113.9"
