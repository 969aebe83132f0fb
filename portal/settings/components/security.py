"""Settings shared by every app's defences (docs/security.md)."""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF

from ..env import env_int, env_str

# How many reverse proxies in front of the portal append the client's address to X-Forwarded-For
# (one nginx: 1; Varnish behind nginx: 2). 0: REMOTE_ADDR is the client (development). core/clients.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Addresses whose refusals by core.middleware are JSON in the API's error format, not an HTML page.
JSON_ERROR_PATH_PREFIXES = ["/api/"]


# --- Content-Security-Policy (django-csp; core.middleware.ContentSecurityPolicyMiddleware) ---------
# Public pages: scripts and styles from the portal only (the one inline script, on an officer's
# page, carries the request's nonce); no plugins, no framing, forms posted to the portal and to the
# payment gateway or sign-in provider it sends citizens to. The Wagtail admin gets its own policy
# (below): it relies on inline styles and scripts the portal does not control.
_REPORT_URI = env_str("CSP_REPORT_URI", "")  # not a CSP_* setting: django-csp 4 takes those for old ones


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def content_security_policy(*, form_targets=(), upgrade_insecure_requests=False) -> dict:
    """The public policy; `form_targets`: addresses forms may lead to (their origins are allowed)."""
    directives = {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],  # the nonce: the gateway simulator's page (payments/simulator)
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF, *sorted({o for o in map(_origin, form_targets) if o})],
        "upgrade-insecure-requests": upgrade_insecure_requests,
    }
    if _REPORT_URI:
        directives["report-uri"] = [_REPORT_URI]
    return {"DIRECTIVES": directives}


# The admin (Wagtail): its own pages use inline styles and scripts, and previews are framed by the
# admin itself; everything still comes from the portal only.
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}
