"""Public API of the feedback app: submission, lookup, moderation and the public Q&A.

Views, admin screens, commands and tests call these functions; nothing else changes a
Feedback's status. Surveys live in feedback.surveys, satisfaction figures in feedback.satisfaction.
"""

from .moderation import (
    ModerationDenied,
    ModerationError,
    PublicationRefused,
    TransitionNotAllowed,
    allowed_actions,
    assign_feedback,
    can_moderate,
    can_transition,
    is_central_moderator,
    moderation_queryset,
    moderator_agency_ids,
    publish_feedback,
    reject_feedback,
    reopen_feedback,
    reply_to_feedback,
    unpublish_feedback,
)
from .qa import fold, published_questions, search_published
from .submission import (
    contact_errors,
    find_feedback,
    new_tracking_code,
    normalize_code,
    normalize_email,
    normalize_phone,
    submit_feedback,
)

__all__ = [
    "ModerationDenied",
    "ModerationError",
    "PublicationRefused",
    "TransitionNotAllowed",
    "allowed_actions",
    "assign_feedback",
    "can_moderate",
    "can_transition",
    "contact_errors",
    "find_feedback",
    "fold",
    "is_central_moderator",
    "moderation_queryset",
    "moderator_agency_ids",
    "new_tracking_code",
    "normalize_code",
    "normalize_email",
    "normalize_phone",
    "publish_feedback",
    "published_questions",
    "reject_feedback",
    "reopen_feedback",
    "reply_to_feedback",
    "search_published",
    "submit_feedback",
    "unpublish_feedback",
]
