"""API version 1 (/api/v1/) for the province's other one-stop systems, on django-ninja: the machinery
in `api`, the endpoints in `dossiers` (imported here so that they are registered)."""

from . import documents, dossiers  # noqa: F401
from .api import OTHER_METHODS, api

__all__ = ["OTHER_METHODS", "api"]
