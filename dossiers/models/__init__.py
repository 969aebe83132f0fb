"""Models of the dossiers app (a package: dossier, history, officers, notifications)."""

from .dossier import DailySequence, Dossier, DossierAnswer, DossierFile, DossierQuerySet, Draft
from .history import AppendOnlyError, DossierNote, DossierTransfer, FileAccess, StatusChange
from .notifications import NotificationTemplate, render_template_text
from .officers import OFFICERS_GROUP, OfficerAssignment

__all__ = [
    "OFFICERS_GROUP",
    "AppendOnlyError",
    "DailySequence",
    "Dossier",
    "DossierAnswer",
    "DossierFile",
    "DossierNote",
    "DossierQuerySet",
    "DossierTransfer",
    "Draft",
    "FileAccess",
    "NotificationTemplate",
    "OfficerAssignment",
    "StatusChange",
    "render_template_text",
]
