"""Who may open a dossier file, and the log of every opening (FileAccess, append-only).

- a file still attached to a draft: its uploader only;
- a file of a submitted dossier: the dossier's owner (the citizen), or an officer whose units
  reach the dossier (dossiers.access.can_view). Nobody else, whatever Django permissions.
"""

from __future__ import annotations

from .access import can_view
from .models import DossierFile, FileAccess

__all__ = ["file_access_role", "log_file_access"]


def file_access_role(user, upload: DossierFile) -> str | None:
    """ "owner", "officer" or None (no access)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if upload.dossier_id is None:
        return "owner" if upload.owner_id == user.pk else None
    dossier = upload.dossier
    if dossier.user_id == user.pk:
        return "owner"
    if can_view(user, dossier):
        return "officer"
    return None


def log_file_access(*, upload: DossierFile, user, ip: str | None, as_officer: bool) -> FileAccess:
    return FileAccess.objects.create(
        file=upload, dossier_id=upload.dossier_id, user=user, as_officer=as_officer, ip=ip or None
    )
