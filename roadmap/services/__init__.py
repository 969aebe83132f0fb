"""Public API of the roadmap app: level history, item ↔ procedure links, access."""

from ..permissions import agencies_for_user, is_monitor
from .history import level_on, levels_on, record_level, state_of_page, sync_level_records
from .links import Suggestion, confirm_link, fold_words, remove_link, suggest_procedures

__all__ = [
    "Suggestion",
    "agencies_for_user",
    "confirm_link",
    "fold_words",
    "is_monitor",
    "level_on",
    "levels_on",
    "record_level",
    "remove_link",
    "state_of_page",
    "suggest_procedures",
    "sync_level_records",
]
