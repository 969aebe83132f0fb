"""The wizard's drafts (one open draft per user and online form, kept DOSSIER_DRAFT_RETENTION_DAYS)
and the files uploaded to them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..constants import DraftStatus
from ..models import DossierFile, Draft
from ..storage import private_storage, store_checked
from ..uploads import inspect_upload

__all__ = ["cleanup_abandoned_drafts", "delete_draft", "open_draft", "remove_upload", "save_upload"]


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


def save_upload(*, draft: Draft, slot: dict, uploaded) -> DossierFile:
    """Inspect an uploaded file (raises ValidationError) and store it, under a random name in
    private storage, attached to the draft."""
    clean = inspect_upload(uploaded, accept=slot["accept"], max_bytes=int(slot["max_size_mb"]) * 1024 * 1024)
    now = timezone.now()
    name = store_checked(clean, now)
    try:
        upload = DossierFile.from_checked(
            clean,
            file=name,
            owner=draft.user,
            draft=draft,
            slot_key=slot["key"],
            slot_label=slot["label"][:500],
        )
        upload.save()
        return upload
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
