"""Admin: sign-in lockouts (django-axes), seen and lifted by administrators (docs/security.md).

django-axes keeps one row per (account, address) pair and adds them up per account and per address;
this screen shows those sums, so what it says "locked" is what the sign-in pages refuse."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.ratelimit import clear_attempts, is_limited


def may_unlock(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("axes.delete_accessattempt"))


def _sums(attempts, field: str) -> list[dict]:
    rows = (
        attempts.exclude(**{f"{field}__isnull": True}).exclude(**({"username": ""} if field == "username" else {}))
        .values(field).annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-failures", "-last")[:200]
    )  # fmt: skip
    return [{"value": row[field], "failures": row["failures"], "last": row["last"]} for row in rows]


@require_http_methods(["GET", "POST"])
def lockouts(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username, address = request.POST.get("username", ""), request.POST.get("ip", "")
        if username:
            reset(username=username)
        if address:
            reset(ip=address)
            clear_attempts("signin_failed_ip", address, settings.ACCOUNTS_SIGNIN_ADDRESS_LIMITS)
        if username or address:
            messages.success(request, _("Đã mở khóa đăng nhập cho %(who)s.") % {"who": username or address})
        return redirect("accounts_lockouts")
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    addresses = _sums(recent, "ip_address")
    for row in addresses:  # an address has its own, larger budget (accounts.security)
        row["locked"] = is_limited("signin_failed_ip", row["value"], settings.ACCOUNTS_SIGNIN_ADDRESS_LIMITS)
    accounts = _sums(recent, "username")
    for row in accounts:
        row["locked"] = row["failures"] >= settings.AXES_FAILURE_LIMIT
    context = {
        "accounts": accounts,
        "addresses": addresses,
        "limit": settings.AXES_FAILURE_LIMIT,
        "address_limit": settings.ACCOUNTS_SIGNIN_ADDRESS_LIMITS[0][0],
    }
    return render(request, "accounts/admin/lockouts.html", context)
