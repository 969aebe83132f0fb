"""The dossier lifecycle: the one place where a dossier changes status (docs/backoffice.md).

- The table and the role matrix are `dossiers.transitions` (pure data); who sees what is
  `dossiers.access`.
- `allowed_actions(dossier, user)` lists what may be done now (status, once-only rules, the
  user's roles and units); `perform(...)` does it or raises `TransitionRefused` with a Vietnamese
  message. Illegal transitions and unauthorised actors are refused here, not only hidden in a UI.
- Every change appends a `StatusChange` (who or which system, when, from, to, action, reason,
  data) and enqueues the citizen's e-mail after commit.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.names import full_name as person_name
from notifications.services import queue_email
from workdays.services import Calendar

from .access import officer_roles
from .appointments import appointment_for
from .clock import working_days_between
from .constants import CITIZEN_ACTIONS, Action, DossierStatus, FilePurpose
from .emails import STATUS_CHANGED
from .models import Dossier, DossierFile, DossierTransfer, StatusChange
from .storage import private_storage, store_checked
from .transitions import (
    REASON_REQUIRED,
    ROLE_ACTIONS,
    ROLE_STATUS_LIMITS,
    SUPPLY_BEFORE_ACCEPTANCE,
    TRANSITIONS,
    TransitionRefused,
    next_status,
)
from .uploads import inspect_upload

__all__ = [
    "TransitionRefused",
    "actor_label",
    "allowed_actions",
    "has_apologized",
    "perform",
    "target_status",
]

S = DossierStatus
A = Action
_DATA_KEYS = {
    A.ACCEPT: {"due_date"},
    A.REQUEST_PAYMENT: {"amount"},
    A.SUPPLY: {"files"},
    A.FINISH: {"result_files"},
    A.TRANSFER: {"to_agency"},
    A.APOLOGIZE: {"new_due_date"},
}
_RESULT_TYPES = ["pdf", "jpg", "png"]
_MAX_FILE_BYTES = 20 * 1024 * 1024


# --- Who acts ---------------------------------------------------------------------------------
def _is_owner(user, dossier) -> bool:
    return getattr(user, "is_authenticated", False) and dossier.user_id == user.pk


def _user_may(user, dossier, action: str, status: str) -> bool:
    if action in CITIZEN_ACTIONS:
        return _is_owner(user, dossier)
    for role in officer_roles(user, dossier):
        if action in ROLE_ACTIONS[role]:
            limit = ROLE_STATUS_LIMITS.get((role, action))
            if limit is None or status in limit:
                return True
    return False


def has_apologized(dossier) -> bool:
    return StatusChange.objects.filter(dossier_id=dossier.pk, action=A.APOLOGIZE).exists()


def _apology_possible(dossier, today: date) -> bool:
    return (
        dossier.appointment_date is not None
        and today <= dossier.appointment_date
        and not has_apologized(dossier)
    )


def allowed_actions(dossier, user=None, *, today: date | None = None) -> list[Action]:
    """Actions possible now, in the table's order; with `user`, only those this user may do."""
    today = today or timezone.localdate()
    actions = [Action(a) for (status, a) in TRANSITIONS if status == dossier.status]
    if A.APOLOGIZE in actions and not _apology_possible(dossier, today):
        actions.remove(A.APOLOGIZE)
    if user is not None:
        actions = [a for a in actions if _user_may(user, dossier, a, dossier.status)]
    return actions


def _last_supplement_request(dossier) -> StatusChange | None:
    return (
        StatusChange.objects.filter(dossier_id=dossier.pk, action=A.REQUEST_SUPPLEMENT)
        .order_by("-at", "-pk")
        .first()
    )


def target_status(dossier, action) -> str:
    """Where `action` takes the dossier now (TRANSITIONS, plus SUPPLY_BEFORE_ACCEPTANCE)."""
    asked_in = None
    if action == A.SUPPLY and (dossier.status, action) in TRANSITIONS:
        request = _last_supplement_request(dossier)
        asked_in = request.from_status if request is not None else None
    return next_status(dossier.status, action, supplement_asked_in=asked_in)


# --- Performing an action ------------------------------------------------------------------------
def _as_date(value, label: str) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise TransitionRefused(
            _("%(label)s không hợp lệ (định dạng ngày/tháng/năm).") % {"label": label}
        ) from None


def _inspect_files(files, *, label: str, required: bool):
    files = list(files or [])
    if required and not files:
        raise TransitionRefused(_("Cần đính kèm ít nhất một tệp %(label)s.") % {"label": label})
    cleaned = []
    for uploaded in files:
        try:
            cleaned.append(inspect_upload(uploaded, accept=_RESULT_TYPES, max_bytes=_MAX_FILE_BYTES))
        except ValidationError as error:
            raise TransitionRefused(" ".join(error.messages), code="file") from error
    return cleaned


def _store_files(cleaned, *, dossier, owner, purpose, label: str, now, names: list) -> list[DossierFile]:
    """Write the files to private storage (names appended to `names`, for clean-up on failure)."""
    if cleaned and owner is None:
        raise TransitionRefused(_("Không xác định được người gửi tệp."))
    stored = []
    for clean in cleaned:
        name = store_checked(clean, now)
        names.append(name)
        stored.append(
            DossierFile.from_checked(
                clean,
                file=name,
                owner=owner,
                dossier=dossier,
                purpose=purpose,
                slot_key=purpose,
                slot_label=label[:500],
            )
        )
    return stored


def _sign_results(dossier, cleaned: list, now) -> list:
    """The result files signed with the key of the competent agency (else the receiving unit):
    PDFs and JPG/PNG scans (made a PDF) come back signed with the verification stamp
    (signing.services.sign_document, registered in this transaction); unchanged when neither
    agency has a usable key. A file that cannot be signed refuses the action."""
    from signing.services import KeyUnavailable, SigningRefused, sign_document

    signed_files = []
    for clean in cleaned:
        try:
            signed = sign_document(
                clean.data, kind=clean.kind, dossier_code=dossier.code,
                agencies=[dossier.competent_agency, dossier.receiving_unit], now=now,
            )  # fmt: skip
        except (SigningRefused, KeyUnavailable) as error:
            raise TransitionRefused(
                _("Không ký số được tệp “%(name)s”: %(why)s") % {"name": clean.name, "why": error.message},
                code="signing",
            ) from None
        if signed is None:
            signed_files.append(clean)
            continue
        stem = clean.name.rsplit(".", 1)[0] if "." in clean.name else clean.name
        signed_files.append(
            dataclasses.replace(
                clean, data=signed.data, kind="pdf", content_type="application/pdf", name=f"{stem}.pdf",
                sha256=hashlib.sha256(signed.data).hexdigest(),
            )
        )  # fmt: skip
    return signed_files


def _agency(value):
    from agencies.models import Agency

    if isinstance(value, Agency):
        return value
    try:
        return Agency.objects.get(pk=int(value))
    except (Agency.DoesNotExist, TypeError, ValueError):
        raise TransitionRefused(_("Không tìm thấy cơ quan nhận liên thông.")) from None


def _prepare(dossier, action, data: dict, *, today: date) -> dict:
    """Validate the action's data before anything is written; returns normalised values."""
    unknown = set(data) - _DATA_KEYS.get(action, set())
    if unknown:
        raise TransitionRefused(
            _("Thao tác “%(action)s” không nhận dữ liệu: %(keys)s.")
            % {"action": Action(action).label, "keys": ", ".join(sorted(unknown))},
            code="data",
        )
    prepared: dict = {}
    if action == A.ACCEPT:
        if data.get("due_date"):
            due = _as_date(data["due_date"], _("Ngày hẹn trả kết quả"))
            if due < today:
                raise TransitionRefused(_("Ngày hẹn trả kết quả không được trước hôm nay."))
            prepared["due_date"] = due
        elif dossier.appointment_date is None:
            raise TransitionRefused(
                _("Thủ tục không có thời hạn giải quyết tính được: nhập ngày hẹn trả kết quả khi tiếp nhận.")
            )
    elif action == A.REQUEST_PAYMENT:
        try:
            amount = int(str(data.get("amount", "")).replace(".", "").replace(",", "").strip())
        except ValueError:
            amount = 0
        if amount <= 0:
            raise TransitionRefused(_("Nhập số tiền phải nộp (đồng), lớn hơn 0."))
        prepared["amount"] = amount
    elif action == A.SUPPLY:
        prepared["files"] = _inspect_files(data.get("files"), label=_("bổ sung"), required=True)
    elif action == A.FINISH:
        prepared["result_files"] = _inspect_files(data.get("result_files"), label=_("kết quả"), required=True)
    elif action == A.TRANSFER:
        if not data.get("to_agency"):
            raise TransitionRefused(_("Chọn cơ quan nhận liên thông."))
        agency = _agency(data["to_agency"])
        if agency.pk == dossier.competent_agency_id:
            raise TransitionRefused(_("Hồ sơ đang thuộc cơ quan này; chọn một cơ quan khác."))
        prepared["to_agency"] = agency
    elif action == A.APOLOGIZE:
        if has_apologized(dossier):
            raise TransitionRefused(_("Hồ sơ đã có phiếu xin lỗi; mỗi hồ sơ chỉ được hẹn lại một lần."))
        if dossier.appointment_date is None or today > dossier.appointment_date:
            raise TransitionRefused(_("Phiếu xin lỗi phải gửi trước khi hết hạn giải quyết."))
        if not data.get("new_due_date"):
            raise TransitionRefused(_("Nhập ngày hẹn trả kết quả mới."))
        new_due = _as_date(data["new_due_date"], _("Ngày hẹn mới"))
        if new_due <= dossier.appointment_date:
            raise TransitionRefused(_("Ngày hẹn mới phải sau ngày hẹn hiện tại."))
        prepared["new_due_date"] = new_due
    return prepared


def actor_label(actor) -> str:
    """The name kept in the history (the user may be renamed or removed later)."""
    if actor is None:
        return ""
    name = person_name(actor)
    if not name:
        profile = getattr(actor, "citizen_profile", None)
        name = profile.full_name if profile is not None else ""
    return (name or actor.get_username())[:255]


def perform(
    dossier, action, *, actor=None, system=None, reason: str = "", now: datetime | None = None, **data
):
    """Perform `action` on `dossier` for `actor` (a user) or `system` (a connected system's label).

    One transaction with the dossier row locked; refuses (TransitionRefused) an action the table
    does not allow from the current status, an actor without the right role in the dossier's
    units, a missing reason or invalid data. Appends the StatusChange it returns and enqueues the
    citizen's e-mail on commit. `dossier` is updated in place (status, due date, units).

    Data by action: ACCEPT due_date (required when the dossier has none); REQUEST_PAYMENT amount;
    SUPPLY files; FINISH result_files (uploaded files, checked like the citizen's uploads);
    TRANSFER to_agency (Agency or pk); APOLOGIZE new_due_date."""
    try:
        action = Action(action)
    except ValueError:
        raise TransitionRefused(_("Thao tác không hợp lệ."), code="action") from None
    system = (system or "").strip()[:100]
    if actor is None and not system:
        raise TransitionRefused(_("Không xác định được người hoặc hệ thống thực hiện."), code="actor")
    reason = (reason or "").strip()
    now = now or timezone.now()
    today = timezone.localdate(now)
    stored_names: list[str] = []
    try:
        with transaction.atomic():
            locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
            from_status = locked.status
            next_status(from_status, action)  # refuses what the table does not allow
            if not system and not _user_may(actor, locked, action, from_status):
                raise TransitionRefused(
                    _("Bạn không có quyền “%(action)s” đối với hồ sơ %(code)s.")
                    % {"action": action.label, "code": locked.code},
                    code="permission",
                )
            if action in REASON_REQUIRED and not reason:
                raise TransitionRefused(
                    _("Nhập lý do / nội dung cho thao tác “%(action)s”.") % {"action": action.label},
                    code="reason",
                )
            prepared = _prepare(locked, action, data, today=today)
            if action == A.FINISH:
                prepared["result_files"] = _sign_results(locked, prepared["result_files"], now)
            to_status = target_status(locked, action)
            extra: dict = {}
            update_fields = ["status", "status_changed_at"]
            if action == A.ACCEPT and "due_date" in prepared:
                extra["due_date_before"] = (
                    locked.appointment_date.isoformat() if locked.appointment_date else None
                )
                locked.appointment_date = prepared["due_date"]
                update_fields.append("appointment_date")
            elif action == A.REQUEST_PAYMENT:
                extra["amount"] = prepared["amount"]
            elif action == A.SUPPLY:
                request = _last_supplement_request(locked)
                before = locked.appointment_date
                if to_status == SUPPLY_BEFORE_ACCEPTANCE and locked.procedure is not None:
                    locked.appointment_date = appointment_for(locked.procedure, now).date or before
                    extra["clock"] = "restarted"
                elif before is not None and request is not None:
                    start = timezone.localdate(request.at)
                    paused = working_days_between(start, today, Calendar(start, today))
                    locked.appointment_date = Calendar(before).add_working_days(before, paused)
                    extra["paused_working_days"] = paused
                extra["due_date_before"] = before.isoformat() if before else None
                update_fields.append("appointment_date")
            elif action == A.TRANSFER:
                target = prepared["to_agency"]
                extra.update(
                    from_agency=locked.competent_agency_id,
                    from_agency_name=locked.competent_agency.name if locked.competent_agency_id else "",
                    to_agency=target.pk,
                    to_agency_name=target.name,
                )
                locked.competent_agency = target
                update_fields.append("competent_agency")
            elif action == A.APOLOGIZE:
                extra["due_date_before"] = locked.appointment_date.isoformat()
                locked.appointment_date = prepared["new_due_date"]
                update_fields.append("appointment_date")
            if locked.appointment_date is not None and "appointment_date" in update_fields:
                extra["due_date"] = locked.appointment_date.isoformat()
            change = StatusChange.objects.create(
                dossier=locked,
                from_status=from_status,
                status=to_status,
                action=action,
                at=now,
                note=reason,
                by=actor,
                system=system,
                actor_name=actor_label(actor),
                data=extra,
            )
            files = []
            if action == A.SUPPLY:
                files = _store_files(
                    prepared["files"], dossier=locked, owner=locked.user or actor,
                    purpose=FilePurpose.SUPPLEMENT, label=_("Giấy tờ bổ sung"), now=now, names=stored_names,
                )  # fmt: skip
            elif action == A.FINISH:
                files = _store_files(
                    prepared["result_files"], dossier=locked, owner=actor or locked.user,
                    purpose=FilePurpose.RESULT, label=_("Kết quả giải quyết"), now=now, names=stored_names,
                )  # fmt: skip
            if action == A.TRANSFER:
                DossierTransfer.objects.create(
                    dossier=locked, change=change, from_agency_id=extra["from_agency"],
                    to_agency=prepared["to_agency"], at=now,
                )  # fmt: skip
            for stored in files:
                stored.status_change = change
                stored.save()
            locked.status = to_status
            locked.status_changed_at = now
            locked.save(update_fields=update_fields)
            queue_email(STATUS_CHANGED, change.pk, locked.applicant_email)
    except Exception:
        for name in stored_names:
            private_storage.delete(name)
        raise
    for field in ("status", "status_changed_at", "appointment_date", "competent_agency_id"):
        setattr(dossier, field, getattr(locked, field))
    if "competent_agency" in dossier._state.fields_cache:
        del dossier._state.fields_cache["competent_agency"]
    return change
