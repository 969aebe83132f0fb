"""Counter and postal dossiers, registered by a reception officer: the units and procedures an
officer may register, how scans are checked, and `register_counter_dossier`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import queue_email

from ..appointments import appointment_for
from ..constants import OFFICER_CHANNELS, Action, Channel, OfficerRole
from ..emails import SUBMITTED
from ..models import Dossier, DossierFile, OfficerAssignment
from ..storage import private_storage, store_checked
from ..uploads import ALLOWED_TYPES, inspect_upload
from .builder import build_dossier

__all__ = [
    "COUNTER_MAX_FILES",
    "RegistrationRefused",
    "UploadRule",
    "component_label",
    "counter_procedures",
    "counter_units",
    "counter_upload_rules",
    "may_register_counter",
    "register_counter_dossier",
]


class RegistrationRefused(Exception):
    """A counter/postal dossier cannot be registered; `message` says why (Vietnamese), `field`
    names the input at fault ("" for the whole request, "scan:<component pk>" for a scan)."""

    def __init__(self, message: str, *, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class UploadRule:
    """How the scans of one dossier component are checked: the online form's upload slot for that
    component when the procedure has one (the very limits of an online upload), else any of PDF,
    JPEG, PNG up to DOSSIER_UPLOAD_MAX_BYTES, at most COUNTER_MAX_FILES files."""

    accept: tuple[str, ...]
    max_bytes: int
    max_files: int


COUNTER_MAX_FILES = 10


def counter_units(user):
    """The units where `user` may register counter and postal dossiers: the agencies of their
    active reception or admin assignments; every agency in force for a superuser or an admin
    without an agency (province-wide)."""
    from agencies.models import Agency

    if not getattr(user, "is_authenticated", False):
        return Agency.objects.none()
    assignments = OfficerAssignment.objects.for_user(user).filter(
        role__in=[OfficerRole.RECEPTION, OfficerRole.ADMIN]
    )
    if user.is_superuser or assignments.filter(role=OfficerRole.ADMIN, agency__isnull=True).exists():
        return Agency.objects.active_on().order_by("name")
    return Agency.objects.filter(pk__in=assignments.values("agency_id")).order_by("name")


def may_register_counter(user, unit) -> bool:
    return unit is not None and counter_units(user).filter(pk=unit.pk).exists()


def counter_procedures(unit):
    """The procedures `unit` receives at its counter. There is no explicit procedure-to-unit table:
    a unit receives the published procedures (live, not abolished) whose agency it is — the
    implementing agency, else the competent agency, as for an online dossier (`builder.units_of`);
    a commune also those of the agency standing for every commune, its parent without a code —
    and every published procedure when it is the DOSSIER_RECEIVING_UNIT (a public administration
    centre receives every dossier of the province, Decree 118/2025)."""
    from procedures.constants import ProcedureStatus
    from procedures.models import ProcedurePage

    published = ProcedurePage.objects.live().exclude(status=ProcedureStatus.ABOLISHED)
    if unit is None:
        return published.none()
    if settings.DOSSIER_RECEIVING_UNIT and unit.slug == settings.DOSSIER_RECEIVING_UNIT:
        return published.order_by("code")
    own = Q(implementing_agency=unit) | Q(implementing_agency__isnull=True, competent_agency=unit)
    if unit.parent_id and unit.parent is not None and not unit.parent.code:
        # A commune receives the procedures of "UBND cấp xã", the agency standing for every commune.
        own |= Q(implementing_agency=unit.parent_id)
    return published.filter(own).order_by("code")


def counter_upload_rules(procedure) -> dict[int, UploadRule]:
    """{component pk: UploadRule} for every dossier component of the procedure."""
    from forms.models import UploadSlot

    slots = {
        slot.component_id: slot
        for slot in UploadSlot.objects.filter(form__procedure=procedure, component__isnull=False)
    }
    default = UploadRule(tuple(ALLOWED_TYPES), settings.DOSSIER_UPLOAD_MAX_BYTES, COUNTER_MAX_FILES)
    rules = {}
    for component in procedure.components.order_by("sort_order", "pk"):
        slot = slots.get(component.pk)
        if slot is None:
            rules[component.pk] = default
            continue
        accept = tuple(
            k
            for k, on in (("pdf", slot.accept_pdf), ("jpg", slot.accept_jpg), ("png", slot.accept_png))
            if on
        )
        rules[component.pk] = UploadRule(
            accept or default.accept, slot.max_size_mb * 1024 * 1024, slot.max_files
        )
    return rules


def component_label(component) -> str:
    """A dossier component as the receipt names it: its name, with originals and copies."""
    counts = []
    if component.originals:
        counts.append(_("%(n)s bản chính") % {"n": component.originals})
    if component.copies:
        counts.append(_("%(n)s bản sao") % {"n": component.copies})
    if not counts and component.quantity_text:
        counts.append(component.quantity_text)
    return f"{component.name} ({', '.join(counts)})" if counts else component.name


def _inspect_scans(procedure, scans: dict) -> dict:
    """Every scanned file through the online uploads' gate (`inspect_upload`), before anything is
    written; RegistrationRefused names the component at fault."""
    rules = counter_upload_rules(procedure)
    cleaned: dict = {}
    for component_pk, files in (scans or {}).items():
        files = [f for f in files or [] if f]
        if not files:
            continue
        rule = rules.get(int(component_pk))
        field = f"scan:{component_pk}"
        if rule is None:
            raise RegistrationRefused(_("Giấy tờ này không thuộc thủ tục đã chọn."), field=field)
        if len(files) > rule.max_files:
            raise RegistrationRefused(
                _("Giấy tờ này nhận tối đa %(n)s tệp.") % {"n": rule.max_files}, field=field
            )
        try:
            cleaned[int(component_pk)] = [
                inspect_upload(f, accept=list(rule.accept), max_bytes=rule.max_bytes) for f in files
            ]
        except ValidationError as error:
            raise RegistrationRefused(" ".join(error.messages), field=field) from error
    return cleaned


def _clean_applicant(applicant: dict) -> dict:
    from core.validators import normalize_phone, validate_citizen_id, validate_phone

    values = {
        key: str(applicant.get(key) or "").strip()
        for key in ("name", "phone", "email", "citizen_id", "address")
    }
    required = {
        "name": _("Nhập họ và tên người nộp."),
        "phone": _("Nhập số điện thoại của người nộp."),
        "citizen_id": _("Nhập số định danh cá nhân của người nộp."),
        "address": _("Nhập địa chỉ của người nộp."),
    }
    for key, message in required.items():
        if not values[key]:
            raise RegistrationRefused(message, field=key)
    try:
        validate_phone(values["phone"])
    except ValidationError as error:
        raise RegistrationRefused(" ".join(error.messages), field="phone") from error
    values["phone"] = normalize_phone(values["phone"])
    try:
        validate_citizen_id(values["citizen_id"])
    except ValidationError as error:
        raise RegistrationRefused(" ".join(error.messages), field="citizen_id") from error
    if values["email"]:
        from django.core.validators import validate_email

        try:
            validate_email(values["email"])
        except ValidationError:
            raise RegistrationRefused(_("Thư điện tử không hợp lệ."), field="email") from None
    if len(values["name"]) > 150 or len(values["address"]) > 500 or len(values["email"]) > 254:
        raise RegistrationRefused(_("Thông tin người nộp quá dài."), field="name")
    return values


def register_counter_dossier(
    *,
    token,
    officer,
    unit,
    procedure,
    channel: str,
    applicant: dict,
    documents=(),
    other_documents=(),
    scans: dict | None = None,
    accept: bool = False,
    due_date=None,
    now: datetime | None = None,
):
    """Register, in one transaction, a dossier a reception officer received at the counter or by
    post: the same code and daily sequence as an online dossier, the due date counted in working
    days from the procedure's time limit for that channel, the first history row (status 1) by the
    officer, then — when `accept` — the acceptance through `lifecycle.perform` (status 2, its own
    history row and e-mail). Scans go through the online uploads' checks.

    `applicant`: name, phone, email (optional), citizen_id, address. `documents`: the pks of the
    procedure's dossier components received on paper; `other_documents`: further papers (text);
    `scans`: {component pk: [uploaded files]}; `due_date`: only for a procedure without a time
    limit the portal can count (then required to accept).

    Idempotent: `token` (the form's, one per form shown) becomes the dossier's unique
    submission token, so a double submit returns the dossier already made. Returns
    (dossier, created). Raises RegistrationRefused (nothing written) on bad input or a refused
    acceptance."""
    from ..lifecycle import TransitionRefused, perform

    try:
        token = uuid.UUID(str(token))
    except (TypeError, ValueError):
        raise RegistrationRefused(_("Biểu mẫu đã hết hạn; vui lòng mở lại trang và nhập lại.")) from None
    existing = Dossier.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    if not may_register_counter(officer, unit):
        raise RegistrationRefused(_("Bạn không có quyền tiếp nhận hồ sơ cho đơn vị này."), field="unit")
    if channel not in OFFICER_CHANNELS:
        raise RegistrationRefused(_("Chọn hình thức nộp: trực tiếp hoặc qua bưu chính."), field="channel")
    if procedure is None or not counter_procedures(unit).filter(pk=procedure.pk).exists():
        raise RegistrationRefused(_("Đơn vị không tiếp nhận thủ tục này."), field="procedure")
    if not unit.code:
        raise RegistrationRefused(
            _(
                "Đơn vị %(unit)s chưa có mã định danh điện tử nên chưa cấp được mã hồ sơ; quản trị viên "
                "nhập mã tại Cơ quan, đơn vị."
            )
            % {"unit": unit.name},
            field="unit",
        )
    values = _clean_applicant(applicant)
    components = {c.pk: c for c in procedure.components.order_by("sort_order", "pk")}
    try:
        chosen = {int(pk) for pk in documents or ()}
    except (TypeError, ValueError):
        chosen = {-1}
    if chosen - set(components):
        raise RegistrationRefused(_("Giấy tờ đã chọn không thuộc thủ tục này."), field="documents")
    # In the procedure's order (the receipt lists them as the national record does).
    received = [
        {"component": pk, "name": component_label(component)}
        for pk, component in components.items()
        if pk in chosen
    ]
    received += [
        {"component": None, "name": line.strip()[:500]} for line in other_documents or () if line.strip()
    ]
    if not received:
        raise RegistrationRefused(_("Đánh dấu ít nhất một giấy tờ đã nhận."), field="documents")
    cleaned_scans = _inspect_scans(procedure, scans)
    now = now or timezone.now()
    today = timezone.localdate(now)
    if due_date is not None and due_date < today:
        raise RegistrationRefused(_("Ngày hẹn trả kết quả không được trước hôm nay."), field="due_date")
    from procedures.constants import ChannelKind

    kind = ChannelKind.POSTAL if channel == Channel.POSTAL else ChannelKind.DIRECT
    stored_names: list[str] = []
    try:
        with transaction.atomic():
            if Dossier.objects.filter(submission_token=token).exists():
                raise IntegrityError("submission token already used")
            appointment = appointment_for(procedure, now, kind)
            dossier = build_dossier(
                procedure=procedure,
                applicant=values,
                submitted_at=now,
                by=officer,
                channel=channel,
                submission_token=token,
                receiving_unit=unit,
                appointment_date=appointment.date or due_date,
                time_limit_rule=appointment.rule,
                received_documents=received,
            )
            files = []
            for component_pk, uploads in cleaned_scans.items():
                for clean in uploads:
                    name = store_checked(clean, now)
                    stored_names.append(name)
                    files.append(
                        DossierFile.from_checked(
                            clean,
                            file=name,
                            owner=officer,
                            dossier=dossier,
                            slot_key=f"component-{component_pk}",
                            slot_label=components[component_pk].name[:500],
                        )
                    )
            DossierFile.objects.bulk_create(files)
            # The receipt e-mail first, then the acceptance's.
            queue_email(SUBMITTED, dossier.pk, dossier.applicant_email)
            if accept:
                perform(dossier, Action.ACCEPT, actor=officer, now=now)
    except TransitionRefused as refused:
        _delete_files(stored_names)
        raise RegistrationRefused(refused.message, field="due_date" if accept else "") from refused
    except IntegrityError:
        _delete_files(stored_names)
        existing = Dossier.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing, False
    except Exception:
        _delete_files(stored_names)
        raise
    return dossier, True


def _delete_files(names: list[str]) -> None:
    for name in names:
        private_storage.delete(name)
