"""Public API of the interop app: clients and their tokens, authentication, the call log, the
dossiers a client may see, and the two writes (status change, result file).

Called by the API views, the Wagtail admin and the `interop_client` management command alike.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from agencies.models import Agency
from dossiers.constants import Action, DossierStatus
from dossiers.models import Dossier, DossierFile

from .constants import TOKEN_PREFIX
from .models import ApiCallLog, ApiClient

__all__ = [
    "AuthError",
    "attach_result",
    "authenticate",
    "create_client",
    "issue_token",
    "log_call",
    "push_status",
    "revoke_client",
    "visible_dossiers",
]


class AuthError(Exception):
    """The request is not authenticated (401) or not allowed (403); `message` is Vietnamese."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# --- Clients and tokens ------------------------------------------------------------------------
def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(*, client: ApiClient, save: bool = True) -> str:
    """Give the client a new token (the previous one stops working). Returns the token in clear:
    the only time it is available; only its SHA-256 digest is stored."""
    token_id = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
    client.token_id = token_id
    client.token_hash = _digest(token)
    client.token_issued_at = timezone.now()
    client.revoked_at = None
    if save:
        client.save(update_fields=["token_id", "token_hash", "token_issued_at", "revoked_at"])
    return token


def create_client(
    *,
    name: str,
    scopes: Iterable[str],
    units: Iterable[Agency] = (),
    all_units: bool = False,
    description: str = "",
) -> tuple[ApiClient, str]:
    """A new connected system and its token (shown once)."""
    scopes = list(dict.fromkeys(scopes))
    client = ApiClient(name=name, description=description, scopes=scopes, all_units=all_units)
    token = issue_token(client=client, save=False)
    client.full_clean()
    with transaction.atomic():
        client.save()
        client.units.set(list(units))
    return client, token


def revoke_client(*, client: ApiClient) -> None:
    """The client's token stops working at once; its history and log stay."""
    client.revoked_at = timezone.now()
    client.active = False
    client.save(update_fields=["revoked_at", "active"])


def authenticate(*, header: str, scope: str) -> ApiClient:
    """The client named by an `Authorization: Bearer <token>` header, if it holds `scope`.

    Raises AuthError(401) for a missing, malformed, unknown or revoked token, AuthError(403) for a
    missing scope."""
    scheme, _sep, token = (header or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AuthError(401, _("Thiếu khóa truy cập: gửi tiêu đề “Authorization: Bearer <khóa>”."))
    invalid = AuthError(401, _("Khóa truy cập không hợp lệ hoặc đã bị thu hồi."))
    if not token.startswith(TOKEN_PREFIX) or token.count("_") < 2:
        raise invalid
    token_id = token[len(TOKEN_PREFIX) :].split("_", 1)[0]
    client = ApiClient.objects.filter(token_id=token_id).first()
    if client is None or not constant_time_compare(client.token_hash, _digest(token)):
        raise invalid
    if not client.is_usable:
        raise invalid
    if not client.has_scope(scope):
        raise AuthError(
            403, _("Hệ thống “%(name)s” không có quyền “%(scope)s”.") % {"name": client.name, "scope": scope}
        )
    return client


def log_call(
    *,
    client: ApiClient | None,
    method: str,
    path: str,
    query: str,
    status_code: int,
    duration_ms: float,
    remote_addr: str | None,
    at: datetime | None = None,
) -> ApiCallLog:
    at = at or timezone.now()
    entry = ApiCallLog.objects.create(
        client=client,
        client_name=client.name if client else "",
        method=method[:10],
        path=path[:500],
        query=query[:500],
        status_code=status_code,
        duration_ms=round(duration_ms, 3),
        at=at,
        remote_addr=remote_addr or None,
    )
    if client is not None:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=at)
    return entry


# --- What a client sees ------------------------------------------------------------------------
def allowed_unit_ids(client: ApiClient) -> set[int] | None:
    """The agencies whose dossiers the client may see; None means every agency."""
    if client.all_units:
        return None
    return set(client.units.values_list("pk", flat=True))


def unit_filter(unit_ids: Iterable[int]) -> Q:
    """Dossiers a unit receives (receiving unit) or decides (competent agency)."""
    unit_ids = list(unit_ids)
    return Q(receiving_unit_id__in=unit_ids) | Q(competent_agency_id__in=unit_ids)


def visible_dossiers(*, client: ApiClient) -> QuerySet[Dossier]:
    dossiers = Dossier.objects.all()
    unit_ids = allowed_unit_ids(client)
    if unit_ids is not None:
        dossiers = dossiers.filter(unit_filter(unit_ids))
    return dossiers


# --- Writes ------------------------------------------------------------------------------------
def push_status(
    *, client: ApiClient, dossier: Dossier, action: str, reason: str = "", data: dict | None = None
):
    """Move the dossier through the back office's lifecycle on behalf of the client (recorded as
    `system=<client name>`). Raises dossiers.lifecycle.TransitionRefused."""
    from dossiers.lifecycle import perform

    return perform(dossier, action, system=client.name, reason=reason, **(data or {}))


def attach_result(*, client: ApiClient, dossier: Dossier, files: list, reason: str = "") -> list[DossierFile]:
    """Finish a dossier being processed (4 → 9) with result documents (kết quả giải quyết) from a
    connected system, through the lifecycle: the files are checked like every upload, recorded with
    the `finish` step, and on any refusal nothing is stored. Any other status: TransitionRefused."""
    from dossiers.lifecycle import TransitionRefused

    if dossier.status != DossierStatus.PROCESSING:
        raise TransitionRefused(
            _("Chỉ gửi kết quả khi hồ sơ đang xử lý; hồ sơ đang ở trạng thái “%(status)s”.")
            % {"status": dossier.get_status_display()},
            code="transition",
        )
    change = push_status(
        client=client, dossier=dossier, action=Action.FINISH, reason=reason, data={"result_files": files}
    )
    return list(change.files.all())
