"""Moderation: who may act on which feedback, and the only functions that change its status.

Every move goes through `_move`, which locks the row, checks the transition table
(constants.TRANSITIONS) against the status in the database and appends a FeedbackEvent.
Permissions are checked here too, not only hidden in the admin screens.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import queue_email

from ..constants import (
    MESSAGE_MAX_LENGTH,
    REJECTED,
    REPLY_MAX_LENGTH,
    TRANSITIONS,
    FeedbackStatus,
    ModerationAction,
)
from ..emails import REPLY
from ..models import Feedback, FeedbackEvent
from ..sms import sms_enabled
from ..tasks import SMS_REPLY, send_feedback_sms
from .qa import search_text_for

__all__ = [
    "ModerationDenied",
    "ModerationError",
    "PublicationRefused",
    "TransitionNotAllowed",
    "allowed_actions",
    "assign_feedback",
    "can_moderate",
    "can_transition",
    "is_central_moderator",
    "moderation_queryset",
    "moderator_agency_ids",
    "publish_feedback",
    "reject_feedback",
    "reopen_feedback",
    "reply_to_feedback",
    "unpublish_feedback",
]


class ModerationError(Exception):
    """A refused moderation step; `str(error)` is a message for the moderator."""


class TransitionNotAllowed(ModerationError):
    pass


class ModerationDenied(ModerationError):
    pass


class PublicationRefused(ModerationError):
    pass


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


# --- who moderates what --------------------------------------------------------------------------


def is_central_moderator(user) -> bool:
    """Department of Justice moderators (and superusers) see and act on every item."""
    return bool(
        user and user.is_active and (user.is_superuser or user.has_perm("feedback.moderate_all_feedback"))
    )


def moderator_agency_ids(user) -> set[int]:
    """Agencies whose feedback the user moderates.

    The agency link is the catalog's own (Agency.editor_group): a member of an agency's editor group
    who also holds "moderate_agency_feedback" (usually given to that group) moderates that agency's
    feedback. Agency editors without the permission do not see feedback.
    """
    if not (user and user.is_active and user.has_perm("feedback.moderate_agency_feedback")):
        return set()
    from agencies.models import Agency

    return set(Agency.objects.filter(editor_group__user=user).values_list("pk", flat=True))


def moderation_queryset(user):
    """The items `user` may see in the moderation screens."""
    items = Feedback.objects.select_related("procedure", "agency")
    if is_central_moderator(user):
        return items
    agency_ids = moderator_agency_ids(user)
    if not agency_ids:
        return items.none()
    return items.filter(Q(agency_id__in=agency_ids) | Q(procedure__implementing_agency_id__in=agency_ids))


def can_moderate(user, feedback: Feedback) -> bool:
    if is_central_moderator(user):
        return True
    agency_ids = moderator_agency_ids(user)
    if not agency_ids:
        return False
    procedure_agency = feedback.procedure.implementing_agency_id if feedback.procedure_id else None
    return feedback.agency_id in agency_ids or procedure_agency in agency_ids


_TARGETS = {
    ModerationAction.ASSIGN: FeedbackStatus.ASSIGNED,
    ModerationAction.REPLY: FeedbackStatus.ANSWERED,
    ModerationAction.PUBLISH: FeedbackStatus.PUBLISHED,
    ModerationAction.UNPUBLISH: FeedbackStatus.ANSWERED,
    ModerationAction.REJECT_SPAM: FeedbackStatus.REJECTED_SPAM,
    ModerationAction.REJECT_ABUSIVE: FeedbackStatus.REJECTED_ABUSIVE,
    ModerationAction.REOPEN: FeedbackStatus.NEW,
}
_CENTRAL_ONLY = {ModerationAction.ASSIGN, ModerationAction.REOPEN}
# Where the table allows a move for more than one reason, the action narrows the source status:
# a reply never unpublishes, and only a published item can be unpublished.
_SOURCES = {
    ModerationAction.REPLY: frozenset({FeedbackStatus.NEW, FeedbackStatus.ASSIGNED, FeedbackStatus.ANSWERED}),
    ModerationAction.UNPUBLISH: frozenset({FeedbackStatus.PUBLISHED}),
}


def _possible(action: str, status: str) -> bool:
    return can_transition(status, _TARGETS[action]) and status in _SOURCES.get(action, TRANSITIONS)


def _check_action(user, feedback: Feedback, action: str) -> None:
    if action in _CENTRAL_ONLY:
        if not is_central_moderator(user):
            raise ModerationDenied(_("Chỉ Sở Tư pháp được chuyển cơ quan hoặc mở lại góp ý."))
    elif not can_moderate(user, feedback):
        raise ModerationDenied(_("Bạn không có quyền xử lý góp ý này."))


def allowed_actions(*, user, feedback: Feedback) -> list[str]:
    """The actions `user` may take on `feedback` now, in display order."""
    actions = []
    for action in ModerationAction:
        try:
            _check_action(user, feedback, action)
        except ModerationDenied:
            continue
        if not _possible(action, feedback.status):
            continue
        if action == ModerationAction.PUBLISH and not (feedback.consent_to_publish and feedback.reply):
            continue
        actions.append(action)
    return actions


# --- the moves -------------------------------------------------------------------------------------


def _move(feedback: Feedback, *, action: str, actor, note: str = "", agency=None, **fields) -> Feedback:
    _check_action(actor, feedback, action)
    to_status = _TARGETS[action]
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if not _possible(action, locked.status):
            raise TransitionNotAllowed(
                _("Không thể chuyển góp ý từ “%(from)s” sang “%(to)s”.")
                % {
                    "from": FeedbackStatus(locked.status).label,
                    "to": FeedbackStatus(to_status).label,
                }
            )
        from_status = locked.status
        locked.status = to_status
        if agency is not None:
            locked.agency = agency
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
        FeedbackEvent.objects.create(
            feedback=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor if getattr(actor, "pk", None) else None,
            agency=agency,
            note=note,
        )
    feedback.refresh_from_db()
    return feedback


def assign_feedback(*, feedback: Feedback, agency, actor, note: str = "") -> Feedback:
    """Department of Justice: hand the item to the agency that must answer it."""
    if agency is None:
        raise ModerationError(_("Chọn cơ quan xử lý."))
    return _move(feedback, action=ModerationAction.ASSIGN, actor=actor, note=note, agency=agency)


def reply_to_feedback(*, feedback: Feedback, reply: str, actor, note: str = "") -> Feedback:
    """Record (or amend) the official reply; the sender gets it by e-mail after commit."""
    reply = (reply or "").strip()
    if not reply:
        raise ModerationError(_("Nội dung trả lời không được để trống."))
    if len(reply) > REPLY_MAX_LENGTH:
        raise ModerationError(_("Trả lời dài quá %(max)d ký tự.") % {"max": REPLY_MAX_LENGTH})
    with transaction.atomic():
        _move(
            feedback,
            action=ModerationAction.REPLY,
            actor=actor,
            note=note,
            reply=reply,
            replied_at=timezone.now(),
            replied_by=actor if getattr(actor, "pk", None) else None,
        )
        if feedback.email:
            queue_email(REPLY, feedback.pk, feedback.email)
        elif feedback.phone and sms_enabled():
            transaction.on_commit(partial(send_feedback_sms.enqueue, feedback.pk, SMS_REPLY), robust=True)
    return feedback


def publish_feedback(*, feedback: Feedback, actor, public_question: str | None = None) -> Feedback:
    """Show the question (as reviewed: no personal data) and the official reply publicly."""
    if not feedback.consent_to_publish:
        raise PublicationRefused(_("Người gửi không đồng ý công khai góp ý này."))
    if not feedback.reply.strip():
        raise PublicationRefused(_("Chưa có trả lời chính thức để công khai."))
    question = (
        public_question if public_question is not None else feedback.public_question or feedback.message
    )
    question = question.strip()
    if not question:
        raise PublicationRefused(_("Câu hỏi công khai không được để trống."))
    if len(question) > MESSAGE_MAX_LENGTH:
        raise PublicationRefused(_("Câu hỏi công khai dài quá %(max)d ký tự.") % {"max": MESSAGE_MAX_LENGTH})
    return _move(
        feedback,
        action=ModerationAction.PUBLISH,
        actor=actor,
        public_question=question,
        published_at=timezone.now(),
        search_text=search_text_for(question=question, reply=feedback.reply),
    )


def unpublish_feedback(*, feedback: Feedback, actor, note: str = "") -> Feedback:
    return _move(
        feedback,
        action=ModerationAction.UNPUBLISH,
        actor=actor,
        note=note,
        published_at=None,
        search_text="",
    )


def reject_feedback(*, feedback: Feedback, actor, status: str, note: str = "") -> Feedback:
    """Reject as spam or as abusive; nothing is deleted and nothing is sent to the sender."""
    if status not in REJECTED:
        raise ModerationError(_("Lý do từ chối không hợp lệ."))
    action = (
        ModerationAction.REJECT_SPAM
        if status == FeedbackStatus.REJECTED_SPAM
        else ModerationAction.REJECT_ABUSIVE
    )
    return _move(feedback, action=action, actor=actor, note=note)


def reopen_feedback(*, feedback: Feedback, actor, note: str = "") -> Feedback:
    """Department of Justice: undo a rejection made by mistake."""
    return _move(feedback, action=ModerationAction.REOPEN, actor=actor, note=note)
