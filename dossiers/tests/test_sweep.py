"""Stored files with no row (a worker killed mid-upload) are swept after a grace period."""

import os
import time

import pytest
from django.core.management import call_command

from dossiers.models import DossierFile
from dossiers.storage import private_storage
from dossiers.sweep import sweep_orphan_files

from .officers import make_dossier

pytestmark = pytest.mark.django_db


def _age(name: str, hours: float) -> None:
    path = private_storage.path(name)
    past = time.time() - hours * 3600
    os.utime(path, (past, past))


def test_only_old_files_without_a_row_are_removed(settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.DOSSIER_ORPHAN_FILE_HOURS = 6
    dossier = make_dossier()
    kept = private_storage.save("dossiers/2026/12/co-hang.pdf", ContentFile(b"%PDF-1.4 x"))
    DossierFile.objects.create(owner=dossier.user, dossier=dossier, slot_key="a", slot_label="a", original_name="a.pdf",
                               file=kept, content_type="application/pdf", size=10, sha256="", scan_status="clean")  # fmt: skip
    orphan = private_storage.save("dossiers/2026/12/mo-coi.pdf", ContentFile(b"%PDF-1.4 y"))
    fresh = private_storage.save("dossiers/2026/12/dang-ghi.pdf", ContentFile(b"%PDF-1.4 z"))
    signing = private_storage.save("signing/demo-ca.pem", ContentFile(b"-----"))
    for name in (kept, orphan, signing):
        _age(name, 24)
    assert sweep_orphan_files(dry_run=True) == [orphan]
    assert private_storage.exists(orphan)
    call_command("sweep_orphan_files")
    assert not private_storage.exists(orphan)
    assert private_storage.exists(kept) and private_storage.exists(fresh) and private_storage.exists(signing)
    assert sweep_orphan_files() == []
