"""Sending feedback and looking it up by tracking code."""

import hmac
import re
import secrets
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import queue_email

from ..constants import CONTACT_RULES, ContactRule, FeedbackKind, FeedbackStatus
from ..emails import CONFIRMATION
from ..models import Feedback, FeedbackEvent
from ..sms import sms_enabled
from ..tasks import SMS_CONFIRMATION, send_feedback_sms

__all__ = [
    "contact_errors",
    "find_feedback",
    "new_tracking_code",
    "normalize_code",
    "normalize_email",
    "normalize_phone",
    "submit_feedback",
]

# Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_RE = re.compile(r"^GY-\d{6}-[0-9A-HJKMNP-TV-Z]{8}$")
_PHONE_RE = re.compile(r"^0\d{9,10}$")


def new_tracking_code() -> str:
    """GY-<YYMMDD>-<8 random base32 characters>: 40 random bits, unguessable with rate limits."""
    day = timezone.localdate().strftime("%y%m%d")
    while True:
        code = f"GY-{day}-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))
        if not Feedback.objects.filter(tracking_code=code).exists():
            return code


def normalize_code(raw: str) -> str:
    """Upper case, no spaces; the letters people confuse with digits read as the digits."""
    code = re.sub(r"\s+", "", raw or "").upper()
    return code.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def normalize_email(raw: str) -> str:
    return (raw or "").strip().lower()


def normalize_phone(raw: str) -> str:
    """Digits only, +84/84 prefix written as 0: "+84 912.345.678" -> "0912345678"; "" if not a VN number."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if _PHONE_RE.match(digits) else ""


def contact_errors(*, kind: str, name: str, email: str, phone: str) -> dict[str, str]:
    """Field errors for the contact rule of `kind` (constants.CONTACT_RULES); empty when fine."""
    errors: dict[str, str] = {}
    if phone and not normalize_phone(phone):
        errors["phone"] = _("Số điện thoại không hợp lệ (ví dụ: 0912 345 678).")
    rule = CONTACT_RULES.get(kind, ContactRule.CONTACT)
    if rule in (ContactRule.CONTACT, ContactRule.NAME_AND_CONTACT) and not (email or phone):
        errors["email"] = _("Cần thư điện tử hoặc số điện thoại để cơ quan trả lời bạn.")
    if rule == ContactRule.NAME_AND_CONTACT and not name.strip():
        errors["name"] = _(
            "Phản ánh, kiến nghị về quy định hành chính cần ghi rõ họ tên (Nghị định 20/2008)."
        )
    return errors


def submit_feedback(
    *,
    kind: str,
    message: str,
    name: str = "",
    email: str = "",
    phone: str = "",
    consent_to_publish: bool = False,
    procedure=None,
    language: str = "vi",
) -> Feedback:
    """Store a citizen's feedback as given and queue the confirmation e-mail after commit.

    The responsible agency starts as the procedure's implementing agency (none for portal-wide
    feedback: the Department of Justice assigns it).
    """
    if kind not in FeedbackKind.values:
        raise ValueError(f"unknown feedback kind {kind!r}")
    errors = contact_errors(kind=kind, name=name, email=email, phone=phone)
    if errors:
        raise ValueError("; ".join(errors.values()))
    with transaction.atomic():
        feedback = Feedback.objects.create(
            tracking_code=new_tracking_code(),
            kind=kind,
            message=message,
            name=name.strip(),
            email=normalize_email(email),
            phone=normalize_phone(phone) if phone else "",
            consent_to_publish=consent_to_publish,
            procedure=procedure,
            agency=getattr(procedure, "implementing_agency", None),
            language=(language or "vi")[:8],
        )
        FeedbackEvent.objects.create(feedback=feedback, from_status="", to_status=FeedbackStatus.NEW)
        if feedback.email:
            queue_email(CONFIRMATION, feedback.pk, feedback.email)
        elif feedback.phone and sms_enabled():
            transaction.on_commit(
                partial(send_feedback_sms.enqueue, feedback.pk, SMS_CONFIRMATION), robust=True
            )
    return feedback


def find_feedback(*, code: str, contact: str) -> Feedback | None:
    """The feedback with this code whose sender gave this e-mail or phone; None otherwise.

    One answer for "no such code" and "wrong contact", so the lookup does not reveal whether a
    code exists. Feedback sent without any contact is found with an empty contact (its code alone
    carries 40 random bits, and lookups are rate limited per address).
    """
    code = normalize_code(code)
    if not _CODE_RE.match(code):
        return None
    feedback = Feedback.objects.select_related("procedure", "agency").filter(tracking_code=code).first()
    if feedback is None:
        return None
    contact = (contact or "").strip()
    if not feedback.has_contact:
        return feedback if not contact else None
    candidates = []
    if feedback.email:
        candidates.append((feedback.email, normalize_email(contact)))
    if feedback.phone:
        candidates.append((feedback.phone, normalize_phone(contact)))
    for stored, given in candidates:
        if given and hmac.compare_digest(stored.encode(), given.encode()):
            return feedback
    return None
