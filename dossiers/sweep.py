"""Stored files that no database row refers to (docs/security.md, "Crashes").

A file is written to private storage before the transaction that records it commits; a worker killed
in between (or a rolled-back transaction whose clean-up did not run) leaves the file behind with no
row. `sweep_orphan_files` removes such files once they are older than a grace period (a file being
written right now has no row yet), and only under `dossiers/`, where every file has a DossierFile
row."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings

__all__ = ["sweep_orphan_files"]


def sweep_orphan_files(*, older_than_hours: float | None = None, dry_run: bool = False) -> list[str]:
    """The names (relative to PRIVATE_MEDIA_ROOT) of the orphan files removed (or, dry run, found)."""
    from .models import DossierFile

    hours = settings.DOSSIER_ORPHAN_FILE_HOURS if older_than_hours is None else older_than_hours
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    base = root / "dossiers"
    if not base.is_dir():
        return []
    cutoff = time.time() - hours * 3600
    candidates = []
    for directory, _dirs, files in os.walk(base):
        for name in files:
            path = Path(directory) / name
            try:
                if path.stat().st_mtime < cutoff:
                    candidates.append(path.relative_to(root).as_posix())
            except FileNotFoundError:
                continue
    removed = []
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        known = set(DossierFile.objects.filter(file__in=chunk).values_list("file", flat=True))
        for name in chunk:
            if name in known:
                continue
            if not dry_run:
                try:
                    (root / name).unlink()
                except FileNotFoundError:
                    continue
            removed.append(name)
    return removed
