"""Kinds, statuses and the transition table of citizen feedback; kinds of survey questions; ratings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackKind(models.TextChoices):
    QUESTION = "question", _("Hỏi về thủ tục hành chính")
    SUGGESTION = "suggestion", _("Góp ý cải tiến thủ tục hoặc Cổng")
    REGULATION = "regulation", _("Phản ánh, kiến nghị về quy định hành chính (Nghị định 20/2008/NĐ-CP)")


class ContactRule(models.TextChoices):
    """What a kind asks of the sender, so that a reply is possible where one is owed."""

    OPTIONAL = "optional", _("Không bắt buộc")
    CONTACT = "contact", _("Bắt buộc thư điện tử hoặc số điện thoại")
    NAME_AND_CONTACT = "name_contact", _("Bắt buộc họ tên và thư điện tử hoặc số điện thoại")


# A question needs somewhere to send the answer. A suggestion may be anonymous. Decree 20/2008
# (Art. 7, as we read it) asks a feedback on a regulation to state the sender's name and contact.
CONTACT_RULES = {
    FeedbackKind.QUESTION: ContactRule.CONTACT,
    FeedbackKind.SUGGESTION: ContactRule.OPTIONAL,
    FeedbackKind.REGULATION: ContactRule.NAME_AND_CONTACT,
}


class FeedbackStatus(models.TextChoices):
    NEW = "new", _("Mới")
    ASSIGNED = "assigned", _("Đã chuyển cơ quan")
    ANSWERED = "answered", _("Đã trả lời")
    PUBLISHED = "published", _("Đã công khai")
    REJECTED_SPAM = "spam", _("Từ chối: thư rác")
    REJECTED_ABUSIVE = "abusive", _("Từ chối: nội dung xúc phạm")


S = FeedbackStatus

# The only moves the service layer accepts (from -> allowed targets). A self-loop is a real action:
# ASSIGNED -> ASSIGNED reassigns to another agency, ANSWERED -> ANSWERED amends the official reply.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.ASSIGNED, S.ANSWERED, S.REJECTED_SPAM, S.REJECTED_ABUSIVE}),
    S.ASSIGNED: frozenset({S.ASSIGNED, S.ANSWERED, S.REJECTED_SPAM, S.REJECTED_ABUSIVE}),
    S.ANSWERED: frozenset({S.ANSWERED, S.PUBLISHED}),
    S.PUBLISHED: frozenset({S.ANSWERED}),
    S.REJECTED_SPAM: frozenset({S.NEW}),
    S.REJECTED_ABUSIVE: frozenset({S.NEW}),
}

# Statuses an agency moderator may still act on; the rest (reopening rejected items) is the
# Department of Justice's call.
REJECTED = frozenset({S.REJECTED_SPAM, S.REJECTED_ABUSIVE})
OPEN = frozenset({S.NEW, S.ASSIGNED})


class ModerationAction(models.TextChoices):
    """The buttons of the moderation screen; each maps to one service function."""

    ASSIGN = "assign", _("Chuyển cơ quan xử lý")
    REPLY = "reply", _("Trả lời chính thức")
    PUBLISH = "publish", _("Công khai hỏi đáp")
    UNPUBLISH = "unpublish", _("Thôi công khai")
    REJECT_SPAM = "spam", _("Từ chối: thư rác")
    REJECT_ABUSIVE = "abusive", _("Từ chối: nội dung xúc phạm")
    REOPEN = "reopen", _("Mở lại")


class Satisfaction(models.TextChoices):
    """The three answers of the per-dossier rating (Decision 766/QĐ-TTg's satisfaction group)."""

    VERY_SATISFIED = "very", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    NOT_SATISFIED = "not", _("Không hài lòng")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Chọn một")
    MULTIPLE = "multiple", _("Chọn nhiều")
    RATING = "rating", _("Thang điểm 1–5")
    TEXT = "text", _("Trả lời tự do")


CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})
RATING_SCALE = (1, 2, 3, 4, 5)

# Length limits (characters). Text is stored as given, within these limits.
MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 4000
NAME_MAX_LENGTH = 120
PHONE_MAX_LENGTH = 20
REPLY_MAX_LENGTH = 10000
REASON_MAX_LENGTH = 1000
SURVEY_TEXT_MAX_LENGTH = 2000
