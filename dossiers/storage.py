"""Private storage for dossier files: PRIVATE_MEDIA_ROOT, outside the web root, no public URL."""

import os
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

__all__ = ["PrivateStorage", "private_storage", "store_checked"]


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT on every use (tests point it at a temporary folder)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def file_permissions_mode(self):
        return 0o600

    @property
    def directory_permissions_mode(self):
        return 0o700

    def url(self, name):
        raise NotImplementedError("private files have no URL; use dossiers:file")


private_storage = PrivateStorage()


def store_checked(clean, now) -> str:
    """Write an inspected upload (dossiers.uploads.inspect_upload) under a random name in private
    storage, in a folder per month; returns the stored name."""
    return private_storage.save(
        f"dossiers/{now:%Y/%m}/{uuid.uuid4().hex}.{clean.kind}", ContentFile(clean.data)
    )
