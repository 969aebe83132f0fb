"""Public API of the dossiers app: drafts, uploads, submission, lookup, cleanup."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .appointments import appointment_for
from .codes import format_code, next_sequence
from .constants import DossierStatus, DraftStatus, ScanStatus
from .models import Dossier, DossierAnswer, DossierFile, Draft, StatusChange
from .storage import private_storage
from .uploads import inspect_upload

__all__ = [
    "AnswerData",
    "DraftClosed",
    "cleanup_abandoned_drafts",
    "delete_draft",
    "find_for_lookup",
    "hit_rate_limit",
    "open_draft",
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
    name = private_storage.save(
        f"dossiers/{now:%Y/%m}/{uuid.uuid4().hex}.{clean.kind}", ContentFile(clean.data)
    )
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
