"""Hostile input refused before any view sees it (docs/security.md)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

__all__ = ["RejectNulBytesMiddleware", "bad_request_page"]


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
            return bad_request_page(
                request, _("Địa chỉ hoặc dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL). Hãy nhập lại.")
            )
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
            if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
                return _has_nul(v for values in request.POST.lists() for v in values[1])
        return False
