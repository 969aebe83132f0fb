"""The portal's 400 page: says what was wrong when it can be said (too many files or too much data
in one submission), instead of a bare "bad request" that leaves the citizen guessing; and the
language switch."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

__all__ = ["bad_request", "set_language"]

# The language switch in every page's header is a POST form without a CSRF token: a token would put
# a csrftoken cookie on every page, and a page that sets a cookie cannot be kept by a shared front
# cache (docs/deployment.md). Forging it could only switch someone's language (the `next` address is
# still checked by Django's view).
set_language = csrf_exempt(django_set_language)


def _reason(exception) -> str:
    if isinstance(exception, TooManyFilesSent):
        return _(
            "Bạn đã gửi quá nhiều tệp trong một lần (tối đa %(n)s tệp). Các tệp của lần gửi này chưa được "
            "lưu; những gì đã lưu trước đó vẫn còn. Hãy quay lại và gửi ít tệp hơn, mỗi lần vài tệp."
        ) % {"n": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
    if isinstance(exception, RequestDataTooBig):
        return _(
            "Dữ liệu gửi lên quá lớn. Những gì đã lưu trước đó vẫn còn. Hãy quay lại và gửi lại với ít "
            "nội dung hơn."
        )
    if isinstance(exception, TooManyFieldsSent):
        return _("Biểu mẫu gửi lên có quá nhiều trường. Hãy quay lại trang trước và thử lại.")
    return ""


def bad_request(request, exception=None):
    """handler400 (portal/urls.py)."""
    reason = _reason(exception)
    back = request.path if reason and request.method == "POST" else ""
    return render(request, "400.html", {"reason": reason, "back_url": back}, status=400)
