"""Public API of the dossiers app: drafts, uploads, submission, counter and postal registration,
lookup, cleanup."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from .appointments import appointment_for
from .codes import format_code, next_sequence
from .constants import OFFICER_CHANNELS, Action, Channel, DossierStatus, DraftStatus, OfficerRole, ScanStatus
from .models import Dossier, DossierAnswer, DossierFile, Draft, OfficerAssignment, StatusChange
from .storage import private_storage, store_checked
from .uploads import ALLOWED_TYPES, inspect_upload

__all__ = [
    "AnswerData",
    "DraftClosed",
    "RegistrationRefused",
    "UploadRule",
    "cleanup_abandoned_drafts",
    "counter_procedures",
    "counter_units",
    "counter_upload_rules",
    "delete_draft",
    "find_for_lookup",
    "hit_rate_limit",
    "may_register_counter",
    "open_draft",
    "register_counter_dossier",
    "remove_upload",
    "save_upload",
    "submit_draft",
]


class DraftClosed(Exception):
    """The draft was already submitted (and no dossier carries its token) or deleted."""


@dataclass(frozen=True)
class AnswerData:
    step_key: str
    step_title: str
    key: str
    label: str
    kind: str
    value: object
    display: str


# --- Drafts ------------------------------------------------------------------------------------
def open_draft(*, user, form) -> Draft:
    """The user's open draft for this online form (whatever version it started on), or a new one
    on the form's current version (frozen now if the definition changed). A draft started on an
    older version keeps that version."""
    retention = timedelta(days=settings.DOSSIER_DRAFT_RETENTION_DAYS)
    draft = (
        Draft.objects.filter(
            user=user,
            form_version__form=form,
            status=DraftStatus.OPEN,
            updated_at__gte=timezone.now() - retention,
        )
        .select_related("form_version")
        .order_by("-updated_at")
        .first()
    )
    if draft is None:
        from forms.services import current_version

        draft = Draft.objects.create(user=user, form_version=current_version(form))
    return draft


def delete_draft(*, draft: Draft) -> None:
    """Delete a draft and the files uploaded to it that no dossier uses."""
    files = list(DossierFile.objects.filter(draft=draft, dossier__isnull=True))
    names = [f.file.name for f in files]
    with transaction.atomic():
        DossierFile.objects.filter(pk__in=[f.pk for f in files]).delete()
        draft.delete()
    for name in names:
        private_storage.delete(name)


def cleanup_abandoned_drafts(*, now: datetime | None = None) -> int:
    """Delete drafts untouched for DOSSIER_DRAFT_RETENTION_DAYS (open or submitted) with their
    unsubmitted files; also removes files orphaned by an interrupted upload. Returns drafts deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.DOSSIER_DRAFT_RETENTION_DAYS)
    count = 0
    for draft in Draft.objects.filter(updated_at__lt=cutoff).iterator():
        delete_draft(draft=draft)
        count += 1
    for orphan in DossierFile.objects.filter(
        draft__isnull=True, dossier__isnull=True, uploaded_at__lt=cutoff
    ):
        name = orphan.file.name
        orphan.delete()
        private_storage.delete(name)
    return count


# --- Uploads -----------------------------------------------------------------------------------
def save_upload(*, draft: Draft, slot: dict, uploaded) -> DossierFile:
    """Inspect an uploaded file (raises ValidationError) and store it, under a random name in
    private storage, attached to the draft."""
    clean = inspect_upload(uploaded, accept=slot["accept"], max_bytes=int(slot["max_size_mb"]) * 1024 * 1024)
    now = timezone.now()
    name = store_checked(clean, now)
    try:
        return DossierFile.objects.create(
            owner=draft.user,
            draft=draft,
            slot_key=slot["key"],
            slot_label=slot["label"][:500],
            original_name=clean.name[:160],
            file=name,
            content_type=clean.content_type,
            size=len(clean.data),
            sha256=clean.sha256,
            scan_status=ScanStatus.CLEAN if clean.scanned else ScanStatus.NOT_SCANNED,
        )
    except Exception:
        private_storage.delete(name)
        raise


def remove_upload(*, draft: Draft, file_id) -> bool:
    upload = DossierFile.objects.filter(pk=file_id, draft=draft, dossier__isnull=True).first()
    if upload is None:
        return False
    name = upload.file.name
    upload.delete()
    private_storage.delete(name)
    return True


# --- Submission --------------------------------------------------------------------------------
def _agency_of(procedure):
    for agency in (procedure.implementing_agency, procedure.competent_agency):
        if agency is not None and agency.code:
            return agency, agency.code
    agency = procedure.implementing_agency or procedure.competent_agency
    return agency, settings.DOSSIER_DEFAULT_AGENCY_CODE


def _record_first_status(dossier: Dossier, *, at: datetime, user) -> StatusChange:
    return StatusChange.objects.create(
        dossier=dossier,
        status=DossierStatus.NEW,
        at=at,
        by=user,
        actor_name=dossier.applicant_name,
        note="Nộp trực tuyến",
    )


def _units_of(procedure, agency):
    """(receiving unit, competent agency) of a new dossier (docs/backoffice.md): the agency that
    processes is the procedure's implementing agency (else its competent agency); it also receives,
    unless DOSSIER_RECEIVING_UNIT names a public administration centre (Decree 118/2025)."""
    from agencies.models import Agency

    competent = procedure.implementing_agency or procedure.competent_agency or agency
    receiving = None
    if settings.DOSSIER_RECEIVING_UNIT:
        receiving = Agency.objects.filter(slug=settings.DOSSIER_RECEIVING_UNIT).first()
    return receiving or competent, competent


def submit_draft(*, draft: Draft, answers: list[AnswerData], applicant: dict, now: datetime | None = None):
    """Create, in one transaction, the dossier with its answers, files and first status.

    Idempotent: the draft's token is the dossier's unique submission token, so a double click or
    a replayed POST returns the dossier already created. Returns (dossier, created)."""
    existing = Dossier.objects.filter(submission_token=draft.token).first()
    if existing is not None:
        return existing, False
    now = now or timezone.now()
    try:
        with transaction.atomic():
            locked = (
                Draft.objects.select_for_update(of=("self",))
                .select_related("form_version__form__procedure")
                .get(pk=draft.pk)
            )
            existing = Dossier.objects.filter(submission_token=locked.token).first()
            if existing is not None:
                return existing, False
            if locked.status != DraftStatus.OPEN:
                raise DraftClosed
            procedure = locked.form_version.form.procedure
            agency, agency_code = _agency_of(procedure)
            day = timezone.localdate(now)
            number = next_sequence(agency_code=agency_code, day=day)
            appointment = appointment_for(procedure, now)
            receiving_unit, competent_agency = _units_of(procedure, agency)
            dossier = Dossier.objects.create(
                code=format_code(agency_code=agency_code, day=day, number=number),
                submission_token=locked.token,
                user=locked.user,
                procedure=procedure,
                procedure_code=procedure.code,
                procedure_name=procedure.display_name,
                form_version=locked.form_version,
                agency=agency,
                agency_code=agency_code,
                agency_name=agency.name if agency else "",
                receiving_unit=receiving_unit,
                competent_agency=competent_agency,
                status=DossierStatus.NEW,
                submitted_at=now,
                status_changed_at=now,
                appointment_date=appointment.date,
                time_limit_rule=appointment.rule[:255],
                applicant_name=applicant.get("full_name", "")[:150],
                applicant_phone=applicant.get("phone", "")[:15],
                applicant_email=applicant.get("email", "")[:254],
                applicant_citizen_id=applicant.get("citizen_id", "")[:12],
                applicant_address=applicant.get("address", "")[:500],
            )
            DossierAnswer.objects.bulk_create(
                [
                    DossierAnswer(
                        dossier=dossier,
                        position=position,
                        step_key=a.step_key,
                        step_title=a.step_title[:255],
                        key=a.key,
                        label=a.label[:500],
                        kind=a.kind,
                        value=a.value,
                        display=a.display,
                    )
                    for position, a in enumerate(answers)
                ]
            )
            DossierFile.objects.filter(draft=locked, dossier__isnull=True).update(dossier=dossier)
            _record_first_status(dossier, at=now, user=locked.user)
            locked.status = DraftStatus.SUBMITTED
            locked.save(update_fields=["status", "updated_at"])
            from .tasks import send_submission_email

            transaction.on_commit(lambda: send_submission_email.enqueue(dossier_id=dossier.pk))
    except IntegrityError:
        existing = Dossier.objects.filter(submission_token=draft.token).first()
        if existing is None:
            raise
        return existing, False
    return dossier, True


# --- Counter and postal dossiers (registered by a reception officer) ------------------------------
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
_COUNTER_NOTES = {
    Channel.COUNTER: "Tiếp nhận trực tiếp tại bộ phận một cửa",
    Channel.POSTAL: "Tiếp nhận qua dịch vụ bưu chính",
}


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
    implementing agency, else the competent agency, as for an online dossier (`_units_of`) —
    and every published procedure when it is the DOSSIER_RECEIVING_UNIT (a public administration
    centre receives every dossier of the province, Decree 118/2025)."""
    from procedures.constants import ProcedureStatus
    from procedures.models import ProcedurePage

    published = ProcedurePage.objects.live().exclude(status=ProcedureStatus.ABOLISHED)
    if unit is None:
        return published.none()
    if settings.DOSSIER_RECEIVING_UNIT and unit.slug == settings.DOSSIER_RECEIVING_UNIT:
        return published.order_by("code")
    return published.filter(
        Q(implementing_agency=unit) | Q(implementing_agency__isnull=True, competent_agency=unit)
    ).order_by("code")


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
    from .lifecycle import TransitionRefused, actor_label, perform

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
            agency, agency_code = _agency_of(procedure)
            number = next_sequence(agency_code=agency_code, day=today)
            appointment = appointment_for(procedure, now, kind)
            competent = procedure.implementing_agency or procedure.competent_agency or unit
            dossier = Dossier.objects.create(
                code=format_code(agency_code=agency_code, day=today, number=number),
                submission_token=token,
                user=None,
                procedure=procedure,
                procedure_code=procedure.code,
                procedure_name=procedure.display_name,
                form_version=None,
                agency=agency,
                agency_code=agency_code,
                agency_name=agency.name if agency else "",
                receiving_unit=unit,
                competent_agency=competent,
                channel=channel,
                received_documents=received,
                status=DossierStatus.NEW,
                submitted_at=now,
                status_changed_at=now,
                appointment_date=appointment.date or due_date,
                time_limit_rule=appointment.rule[:255],
                applicant_name=values["name"][:150],
                applicant_phone=values["phone"][:15],
                applicant_email=values["email"][:254],
                applicant_citizen_id=values["citizen_id"][:12],
                applicant_address=values["address"][:500],
            )
            files = []
            for component_pk, uploads in cleaned_scans.items():
                for clean in uploads:
                    name = store_checked(clean, now)
                    stored_names.append(name)
                    files.append(
                        DossierFile(
                            owner=officer,
                            dossier=dossier,
                            slot_key=f"component-{component_pk}",
                            slot_label=components[component_pk].name[:500],
                            original_name=clean.name[:160],
                            file=name,
                            content_type=clean.content_type,
                            size=len(clean.data),
                            sha256=clean.sha256,
                            scan_status=ScanStatus.CLEAN if clean.scanned else ScanStatus.NOT_SCANNED,
                        )
                    )
            DossierFile.objects.bulk_create(files)
            StatusChange.objects.create(
                dossier=dossier,
                status=DossierStatus.NEW,
                at=now,
                by=officer,
                actor_name=actor_label(officer),
                note=_COUNTER_NOTES[channel],
                data={"channel": channel},
            )
            if dossier.applicant_email:  # the receipt e-mail first, then the acceptance's
                from .tasks import send_submission_email

                transaction.on_commit(lambda: send_submission_email.enqueue(dossier_id=dossier.pk))
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


# --- Lookup ------------------------------------------------------------------------------------
def hit_rate_limit(*, key: str, limit: int, window: int) -> bool:
    """Count one attempt for `key` in the cache; True when the limit for the window is exceeded."""
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return 1 > limit
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window)
        count = 1
    return count > limit


def find_for_lookup(*, code: str, factor: str) -> Dossier | None:
    """The dossier with this code whose applicant's phone or ID number ends with `factor` (4
    digits); None in every other case, so an answer never reveals whether a code exists."""
    code = (code or "").strip()
    factor = "".join(ch for ch in (factor or "") if ch.isdigit())
    dossier = Dossier.objects.filter(code__iexact=code).first() if code else None
    phone_tail = dossier.applicant_phone[-4:] if dossier else "xxxx"
    id_tail = dossier.applicant_citizen_id[-4:] if dossier else "yyyy"
    matches_phone = constant_time_compare(factor, phone_tail)
    matches_id = constant_time_compare(factor, id_tail)
    if dossier is None or len(factor) != 4 or not (matches_phone or matches_id):
        return None
    return dossier
