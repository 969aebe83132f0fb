"""API version 1 (/api/v1/) for the province's other one-stop systems: plain Django views, JSON.

Every call goes through `api_view`: token authentication and scope (interop.services.authenticate),
JSON errors in Vietnamese, and one row in the call log whatever the outcome. Views stay thin; the
work is in interop.services and dossiers.lifecycle.
"""

from __future__ import annotations

import functools
import json
import time
from datetime import datetime
from datetime import time as dt_time

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from agencies.models import Agency
from dossiers.models import Dossier

from . import services
from .constants import Scope
from .inputs import DossierListQuery, StatusChangeInput, field_errors
from .openapi import openapi_document
from .serializers import dossier_detail, dossier_summary, file_data, status_change_data

__all__ = ["attach_result", "dossier", "dossiers", "openapi", "status_change"]


def error(status: int, message: str, errors: dict | None = None) -> JsonResponse:
    body = {"error": {"status": status, "message": message}}
    if errors:
        body["error"]["fields"] = errors
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def ok(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


class NotVisible(Exception):
    pass


def api_view(*, scope: str, methods: tuple[str, ...]):
    """Authenticate, check the scope and method, log the call, turn known errors into JSON."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            started = time.perf_counter()
            client = response = None
            try:
                client = services.authenticate(header=request.headers.get("Authorization", ""), scope=scope)
                if request.method not in methods:
                    response = error(
                        405, _("Phương thức %(m)s không được hỗ trợ ở địa chỉ này.") % {"m": request.method}
                    )
                    response["Allow"] = ", ".join(methods)
                else:
                    response = view(request, client, *args, **kwargs)
            except services.AuthError as refused:
                response = error(refused.status, refused.message)
                if refused.status == 401:
                    response["WWW-Authenticate"] = 'Bearer realm="api"'
            except NotVisible:
                response = error(404, _("Không tìm thấy hồ sơ trong các đơn vị hệ thống được xem."))
            finally:
                elapsed = (time.perf_counter() - started) * 1000
                services.log_call(
                    client=client,
                    method=request.method,
                    path=request.path,
                    query=request.META.get("QUERY_STRING", ""),
                    status_code=response.status_code if response is not None else 500,
                    duration_ms=elapsed,
                    remote_addr=request.META.get("REMOTE_ADDR"),
                )
            response["Cache-Control"] = "no-store"
            return response

        return wrapper

    return decorate


def _visible(client, code: str) -> Dossier:
    found = (
        services.visible_dossiers(client=client)
        .filter(code=code)
        .select_related("receiving_unit", "competent_agency")
        .first()
    )
    if found is None:
        raise NotVisible
    return found


@api_view(scope=Scope.DOSSIERS_READ, methods=("GET",))
def dossiers(request, client):
    query = DossierListQuery(request.GET)
    if not query.is_valid():
        return error(400, _("Tham số không hợp lệ."), field_errors(query))
    params = query.cleaned_data
    found = services.visible_dossiers(client=client)
    if params["unit"]:
        unit = Agency.objects.filter(code=params["unit"]).first()
        if unit is None:
            return error(400, _("Tham số không hợp lệ."), {"unit": [_("Không có đơn vị mang mã này.")]})
        allowed = services.allowed_unit_ids(client)
        if allowed is not None and unit.pk not in allowed:
            return error(
                403,
                _("Hệ thống “%(name)s” không được xem hồ sơ của đơn vị %(unit)s.")
                % {"name": client.name, "unit": unit.code},
            )
        found = found.filter(services.unit_filter([unit.pk]))
    if params["status"]:
        found = found.filter(status__in=params["status"])
    if params["procedure"]:
        found = found.filter(procedure_code=params["procedure"])
    tz = timezone.get_current_timezone()
    if params["submitted_from"]:
        found = found.filter(submitted_at__gte=datetime.combine(params["submitted_from"], dt_time.min, tz))
    if params["submitted_to"]:
        found = found.filter(submitted_at__lte=datetime.combine(params["submitted_to"], dt_time.max, tz))
    if params["updated_since"]:
        since = params["updated_since"]
        found = found.filter(Q(status_changed_at__gte=since) | Q(submitted_at__gte=since))
    server_time = timezone.now()
    paginator = Paginator(
        found.select_related("receiving_unit", "competent_agency").order_by("pk"), params["page_size"]
    )
    number = params["page"]
    if number > max(paginator.num_pages, 1):
        return error(
            400,
            _("Tham số không hợp lệ."),
            {"page": [_("Trang này không có; số trang: %(n)s.") % {"n": paginator.num_pages}]},
        )
    page = paginator.page(number)

    def link(n):
        q = request.GET.copy()
        q["page"] = n
        return f"{request.path}?{q.urlencode()}"

    return ok(
        {
            "count": paginator.count,
            "page": number,
            "page_size": params["page_size"],
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "server_time": server_time.isoformat(),
            "results": [dossier_summary(d) for d in page.object_list],
        }
    )


@api_view(scope=Scope.DOSSIERS_READ, methods=("GET",))
def dossier(request, client, code: str):
    return ok(dossier_detail(_visible(client, code)))


def _json_body(request):
    if request.content_type != "application/json":
        raise ValueError(_("Gửi nội dung JSON với tiêu đề “Content-Type: application/json”."))
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ValueError(_("Nội dung gửi lên không phải JSON hợp lệ."))
    if not isinstance(body, dict):
        raise ValueError(_("Nội dung JSON phải là một đối tượng."))
    return body


# Refusals of the lifecycle that are about the input (400, with the field), not the dossier's state (409).
INPUT_REFUSALS = {"reason": "reason", "data": "__all__", "file": "file", "action": "action"}


def _refused(refused) -> JsonResponse:
    field = INPUT_REFUSALS.get(refused.code)
    if field is None:
        return error(409, refused.message)
    return error(400, _("Dữ liệu không hợp lệ."), {field: [refused.message]})


@api_view(scope=Scope.DOSSIERS_WRITE, methods=("POST",))
def status_change(request, client, code: str):
    from dossiers.lifecycle import REASON_REQUIRED, TransitionRefused

    found = _visible(client, code)
    try:
        body = _json_body(request)
    except ValueError as problem:
        return error(400, str(problem))
    form = StatusChangeInput(body, reason_required=REASON_REQUIRED)
    if not form.is_valid():
        return error(400, _("Dữ liệu không hợp lệ."), field_errors(form))
    data = form.perform_data()
    if "to_agency" in data:
        target = Agency.objects.filter(code=data["to_agency"]).first()
        if target is None:
            return error(400, _("Dữ liệu không hợp lệ."), {"to_unit": [_("Không có đơn vị mang mã này.")]})
        data["to_agency"] = target
    try:
        change = services.push_status(
            client=client,
            dossier=found,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            data=data,
        )
    except TransitionRefused as refused:
        return _refused(refused)
    return ok({"dossier": dossier_summary(found), "status_change": status_change_data(change)})


@api_view(scope=Scope.RESULTS_WRITE, methods=("POST",))
def attach_result(request, client, code: str):
    from dossiers.lifecycle import TransitionRefused

    found = _visible(client, code)
    files = request.FILES.getlist("file")
    if not files:
        return error(
            400,
            _("Dữ liệu không hợp lệ."),
            {"file": [_("Gửi tệp kết quả trong trường “file” (multipart/form-data).")]},
        )
    reason = (request.POST.get("reason") or "").strip()[:2000]
    try:
        stored = services.attach_result(client=client, dossier=found, files=files, reason=reason)
    except TransitionRefused as refused:
        return _refused(refused)
    found.refresh_from_db()
    return ok({"dossier": dossier_summary(found), "files": [file_data(f) for f in stored]}, status=201)


def openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
