"""Hostile input refused before any view sees it (docs/security.md)."""

from __future__ import annotations

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

__all__ = [
    "ContentSecurityPolicyMiddleware",
    "FrontCacheMiddleware",
    "PermissionsPolicyMiddleware",
    "RejectNulBytesMiddleware",
    "bad_request_page",
]


def bad_request_page(request, reason: str):
    """The portal's 400 page with a reason a citizen understands."""
    return render(request, "400.html", {"reason": reason}, status=400)


def _has_nul(values) -> bool:
    return any("\x00" in value for value in values if isinstance(value, str))


class RejectNulBytesMiddleware:
    """A NUL character has no place in an address, a query or a form field, and PostgreSQL refuses to
    store one: such a request gets a 400 with a message instead of reaching the database. Uploaded
    files are not looked at (binary files are full of NUL bytes); JSON bodies are (`\\u0000`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._hostile(request):
            reason = _("Địa chỉ hoặc dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL). Hãy nhập lại.")
            if request.path_info.startswith(tuple(settings.JSON_ERROR_PATH_PREFIXES)):
                # An API answers in its own error format ({"error": {"status", "message"}}), never HTML.
                return JsonResponse(
                    {"error": {"status": 400, "message": str(reason)}},
                    status=400,
                    json_dumps_params={"ensure_ascii": False},
                )
            return bad_request_page(request, reason)
        return self.get_response(request)

    @staticmethod
    def _hostile(request) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if _has_nul(v for values in request.GET.lists() for v in values[1]):
            return True
        if request.method in ("POST", "PUT", "PATCH"):
            content_type = request.META.get("CONTENT_TYPE", "")
            if content_type.startswith("application/json"):
                body = request.body
                return b"\x00" in body or b"\\u0000" in body
            if content_type.startswith("application/x-www-form-urlencoded"):
                request.body  # noqa: B018  (read and kept, so that a view may still read the body)
                return _has_nul(v for values in request.POST.lists() for v in values[1])
            if content_type.startswith("multipart/form-data"):
                # A small body is read and kept first (an API view may still want it); a large one
                # (uploads) is parsed from the stream, as the views that take files read it.
                try:
                    length = int(request.META.get("CONTENT_LENGTH") or 0)
                except ValueError:
                    length = 0
                if length <= (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0):
                    request.body  # noqa: B018
                return _has_nul(v for values in request.POST.lists() for v in values[1])
        return False


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY on every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (settings.CONTENT_SECURITY_POLICY, with a nonce per request for inline
    scripts: `{{ request.csp_nonce }}`), and under settings.ADMIN_CSP_PREFIX the admin's own policy
    (settings.ADMIN_CSP_DIRECTIVES): Wagtail's screens use inline styles and scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_CSP_PREFIX)
        ):
            parts.config = settings.ADMIN_CSP_DIRECTIVES
        return parts


class FrontCacheMiddleware:
    """Says which answers a shared front cache (Varnish, nginx) may keep, and for how long.

    An anonymous GET or HEAD answered 200 that sets no cookie and says nothing of caching itself gets
    `Cache-Control: public, max-age=<FRONT_CACHE_BROWSER_SECONDS>, s-maxage=<its rule's seconds>`
    (settings.FRONT_CACHE_RULES, by path prefix). A signed-in user's answer, or one that sets a
    cookie (a form's CSRF token), is `private`: never shared. Listed first in MIDDLEWARE, it sees the
    answer after every other middleware has added its cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if response.cookies or (user is not None and user.is_authenticated):
            patch_cache_control(response, private=True)
            return response
        if response.status_code != 200:
            return response
        seconds = next(
            (s for prefix, s in settings.FRONT_CACHE_RULES if request.path_info.startswith(prefix)), None
        )
        if seconds:
            patch_cache_control(
                response,
                public=True,
                max_age=min(settings.FRONT_CACHE_BROWSER_SECONDS, seconds),
                s_maxage=seconds,
            )
        return response
