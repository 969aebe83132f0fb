"""The API version 1 machinery on django-ninja: the NinjaAPI, token authentication, the error format,
the call log, and `endpoint`, which registers a view with all of these.

Every endpoint: the client's token with the scope it needs (`ClientToken`, which calls
interop.services.authenticate), typed input and output (interop.schemas), errors as
{"error": {"status", "message", "fields"?}} in Vietnamese (the exception handlers), and one row in the
call log whatever the outcome (`logged`). Another method on an endpoint's address is a 405 after the
same token check.
"""

from __future__ import annotations

import functools
import json
import time
from datetime import date, datetime

from django import forms
from django.core import validators
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import HttpBearer

from core.clients import client_ip_or_none
from dossiers.lifecycle import TransitionRefused

from .. import services
from ..constants import Scope
from ..models import ApiClient
from ..schemas import Error

__all__ = ["ApiError", "api", "endpoint"]

INVALID_QUERY = gettext_lazy("Tham số không hợp lệ.")
INVALID_DATA = gettext_lazy("Dữ liệu không hợp lệ.")


class ApiError(Exception):
    """An answer in the API's error format: status, Vietnamese message, errors per field."""

    def __init__(self, status: int, message, fields: dict | None = None):
        super().__init__(str(message))
        self.status, self.message, self.fields = status, str(message), fields


class InvalidInput(ValidationError):
    """Ninja's validation error, with the Vietnamese messages per field (`field_errors`)."""

    def __init__(self, message, fields: dict[str, list[str]]):
        super().__init__([])
        self.message, self.fields = str(message), fields


class MethodNotAllowed(Exception):
    def __init__(self, allowed: str):
        super().__init__(allowed)
        self.allowed = allowed


class ClientToken(HttpBearer):
    """`Authorization: Bearer <token>`, checked by interop.services.authenticate (hashed tokens,
    revocation, the scope); the client becomes `request.auth`."""

    openapi_description = "Khóa riêng của từng hệ thống. Quyền (scope): " + "; ".join(
        f"{scope.value} — {scope.label}" for scope in Scope
    )

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def __call__(self, request) -> ApiClient:
        # The whole header goes to the service: it tells a missing token from a wrong one.
        return services.authenticate(header=request.headers.get(self.header, ""), scope=self.scope)

    def authenticate(self, request, token: str) -> ApiClient:
        return services.authenticate(header=f"Bearer {token}", scope=self.scope)


# Ninja names a security scheme after its class; clients know this one as "bearerToken".
ClientToken.__name__ = "bearerToken"


class _Encoder(NinjaJSONEncoder):
    """Dates and times in full ISO 8601, as isoformat() writes them (Django's encoder would cut the
    microseconds and write Z for UTC)."""

    def default(self, o):
        if isinstance(o, date | datetime):
            return o.isoformat()
        return super().default(o)


class _Renderer(JSONRenderer):
    encoder_class = _Encoder
    json_dumps_params = {"ensure_ascii": False}


class _JsonBody(Parser):
    """A JSON object, or a 400 that says what is wrong with the body."""

    def parse_body(self, request) -> dict:
        if request.content_type != "application/json":
            raise ApiError(400, _("Gửi nội dung JSON với tiêu đề “Content-Type: application/json”."))
        try:
            body = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, _("Nội dung gửi lên không phải JSON hợp lệ.")) from None
        if not isinstance(body, dict):
            raise ApiError(400, _("Nội dung JSON phải là một đối tượng."))
        return body


# Pydantic's error types, in the words of Django's Vietnamese messages.
MESSAGES = {
    "missing": forms.Field.default_error_messages["required"],
    "int_parsing": forms.IntegerField.default_error_messages["invalid"],
    "int_type": forms.IntegerField.default_error_messages["invalid"],
    "int_from_float": forms.IntegerField.default_error_messages["invalid"],
    "greater_than_equal": validators.MinValueValidator.message,
    "less_than_equal": validators.MaxValueValidator.message,
    "enum": forms.ChoiceField.default_error_messages["invalid_choice"],
}
# Messages for one field: a missing result file.
FIELD_MESSAGES = {
    ("file", "missing"): gettext_lazy("Gửi tệp kết quả trong trường “file” (multipart/form-data).")
}


def field_errors(errors: list[dict], names: dict[tuple, tuple] | None = None) -> dict[str, list[str]]:
    """Pydantic's errors as {field: [Vietnamese messages]}. `names` maps pydantic locations to the
    parameter's location (ninja's flattened query models)."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        loc = (names or {}).get(error["loc"], error["loc"])
        field = next((part for part in reversed(loc) if isinstance(part, str)), "__all__")
        fields.setdefault(field, []).append(_message(field, error))
    return fields


def _message(field: str, error: dict) -> str:
    kind, ctx, given = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "portal":
        return error["msg"]
    if (field, kind) in FIELD_MESSAGES:
        return str(FIELD_MESSAGES[field, kind])
    if kind == "string_too_long":
        return validators.MaxLengthValidator.message % {
            "limit_value": ctx["max_length"],
            "show_value": len(given) if isinstance(given, str) else 0,
        }
    if kind in MESSAGES:
        limit = ctx.get("ge", ctx.get("le"))
        return str(MESSAGES[kind]) % {"limit_value": limit, "value": given}
    return str(_("Giá trị không hợp lệ."))


class _Api(NinjaAPI):
    def get_content_type(self) -> str:
        return self.renderer.media_type  # "application/json", UTF-8 being JSON's only encoding

    def validation_error_from_error_contexts(self, error_contexts) -> InvalidInput:
        fields: dict[str, list[str]] = {}
        for context in error_contexts:
            names = getattr(context.model, "__ninja_flatten_map_reverse__", {})
            errors = field_errors(context.pydantic_validation_error.errors(include_url=False), names)
            for name, messages in errors.items():
                fields.setdefault(name, []).extend(messages)
        only_query = all(c.model.__ninja_param_source__ == "query" for c in error_contexts)
        return InvalidInput(INVALID_QUERY if only_query else INVALID_DATA, fields)


api = _Api(
    title="Cổng Dịch vụ công — API liên thông",
    version="1",
    description=(
        "API cho các hệ thống một cửa điện tử khác của tỉnh: đọc hồ sơ theo đơn vị và trạng thái, "
        "cập nhật trạng thái, đính kèm kết quả. Xác thực bằng khóa riêng của từng hệ thống "
        "(Authorization: Bearer <khóa>); mọi lượt gọi được ghi nhật ký. Xem docs/api.md."
    ),
    urls_namespace="interop",
    openapi_url=None,  # served by the `openapi` operation below, at the same address as before
    docs_url=None,
    renderer=_Renderer(),
    parser=_JsonBody(),
    openapi_extra={"tags": [{"name": "dossiers", "description": "Hồ sơ"}]},
)


# --- Errors --------------------------------------------------------------------------------------
def _error(request, status: int, message, fields: dict | None = None):
    body = {"status": status, "message": str(message)}
    if fields:
        body["fields"] = fields
    return api.create_response(request, {"error": body}, status=status)


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.message, exc.fields)


@api.exception_handler(services.AuthError)
def _refused_token(request, exc: services.AuthError):
    response = _error(request, exc.status, exc.message)
    if exc.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    if isinstance(exc, InvalidInput):
        return _error(request, 400, exc.message, exc.fields)
    return _error(request, 400, INVALID_DATA)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, ApiError):  # ninja wraps what the body parser raises
        return _api_error(request, exc.__cause__)
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def _not_found(request, exc: Http404):
    return _error(request, 404, _("Không tìm thấy."))


# Refusals of the lifecycle that are about the input (400, with the field), not the dossier's state (409).
INPUT_REFUSALS = {"reason": "reason", "data": "__all__", "file": "file", "action": "action"}


@api.exception_handler(TransitionRefused)
def _refused_transition(request, exc: TransitionRefused):
    field = INPUT_REFUSALS.get(exc.code)
    if field is None:
        return _error(request, 409, exc.message)
    return _error(request, 400, INVALID_DATA, {field: [exc.message]})


@api.exception_handler(MethodNotAllowed)
def _not_allowed(request, exc: MethodNotAllowed):
    response = _error(
        request, 405, _("Phương thức %(m)s không được hỗ trợ ở địa chỉ này.") % {"m": request.method}
    )
    response["Allow"] = exc.allowed
    return response


# --- Endpoints -----------------------------------------------------------------------------------
def logged(run):
    """One row in the call log for every call, refused ones included; answers are never cached."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        started = time.perf_counter()
        response = None
        try:
            response = run(request, *args, **kwargs)
        finally:
            client = getattr(request, "auth", None)
            services.log_call(
                client=client if isinstance(client, ApiClient) else None,
                method=request.method,
                path=request.path,
                query=request.META.get("QUERY_STRING", ""),
                status_code=response.status_code if response is not None else 500,
                duration_ms=(time.perf_counter() - started) * 1000,
                remote_addr=client_ip_or_none(request),
            )
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
OTHER_METHODS = "other-methods"  # URL name of the 405 operations (interop/urls.py leaves them out)
COMMON_ERRORS = {
    401: gettext_lazy("Thiếu khóa, khóa sai hoặc đã thu hồi."),
    403: gettext_lazy("Khóa không có quyền (scope) cần thiết, hoặc đơn vị không được phép."),
}
NOT_VISIBLE = gettext_lazy("Không có hồ sơ này trong các đơn vị hệ thống được xem.")


def endpoint(method: str, path: str, *, scope: Scope, url_name: str, responses: dict, **details):
    """Register a view for `method` on `path`: the token must hold `scope`, every call is logged,
    `responses` maps each status to (schema, description). Other methods on `path`: 405."""
    responses = {**responses, **{status: (Error, text) for status, text in COMMON_ERRORS.items()}}
    auth = ClientToken(scope)
    openapi_extra = {
        "x-scopes": [scope.value],
        "responses": {status: {"description": str(text)} for status, (_schema, text) in responses.items()},
    }

    def register(view):
        api.api_operation(
            [method],
            path,
            auth=auth,
            response={status: schema for status, (schema, _text) in responses.items()},
            url_name=url_name,
            tags=["dossiers"],
            openapi_extra=openapi_extra,
            **details,
        )(decorate_view(logged)(view))
        api.api_operation(
            [m for m in METHODS if m != method],
            path,
            auth=auth,
            include_in_schema=False,
            url_name=OTHER_METHODS,
        )(decorate_view(logged)(_refuse_other_methods(method, path)))
        return view

    return register


def _refuse_other_methods(allowed: str, path: str):
    if "{code}" in path:

        def other_methods(request, code: str):
            raise MethodNotAllowed(allowed)

    else:

        def other_methods(request):
            raise MethodNotAllowed(allowed)

    return other_methods
