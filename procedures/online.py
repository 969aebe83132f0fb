"""What makes a procedure an online service (docs/submission.md, "Online means online").

A procedure is advertised online (Decree 42/2022 toàn trình / một phần, or Decree 43/2011 level 3/4)
only when the portal accepts its dossiers: it is in force and a unit with a real identifier can
receive them. `acceptance_problems()` says why not, in words an editor understands; the page editor,
the importer and the submission wizard all ask it, so the set the portal advertises as online and
the set that takes a dossier are one set.

Each dossier component of the national record becomes an upload slot of the online submission;
`classify_component()` reads the record's text for how it is asked (conditional documents are
optional, documents only shown in person are not asked online); an editor overrides it per
component (`DossierComponent.online_mode`).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from core.text import fold

from .constants import ComponentMode, LegacyLevel, OnlineLevel, ProcedureStatus

__all__ = [
    "ONLINE_LEGACY_LEVELS",
    "acceptance_problems",
    "advertised_levels",
    "full_service_problems",
    "has_fee",
    "classify_component",
    "is_generic_agency",
    "marks_online",
    "online_q",
    "receiving_units",
]

ONLINE_LEGACY_LEVELS = (LegacyLevel.LEVEL_3.value, LegacyLevel.LEVEL_4.value)

# Read on the folded text (no diacritics, lower case): core.text.fold.
_NOT_HANDED = re.compile(r"\bkhong (phai|can) nop\b(?! neu)")
_IN_PERSON = re.compile(r"\bxuat trinh\b")
_ONLY_AT_COUNTER = re.compile(r"\bkhi nop truc tiep\b|\bnop truc tuyen thi\b")
# "…; trường hợp không có thì …": an alternative document, still required.
_ALTERNATIVE = re.compile(r"\b(truong hop|neu) khong co\b[^.;]*\bthi\b")
_CONDITIONAL = re.compile(r"\bneu\b|\btruong hop\b|\bchi khi\b|\bkhong bat buoc\b|\bkhi co\b")


def classify_component(name: str, quantity_text: str = "", originals=None, copies=None) -> str:
    """How the national record's text asks for a component online (a ComponentMode value).

    - the quantity reads "Không phải nộp" → NOT_ASKED;
    - "xuất trình" (shown, not handed over) → IN_PERSON: brought to the unit, not uploaded; unless
      the text says it is shown only when submitting at the counter ("chỉ xuất trình khi nộp trực
      tiếp; nộp trực tuyến thì …") → NOT_ASKED;
    - "không phải nộp" / "không cần nộp" with no condition → NOT_ASKED;
    - "nếu …", "trường hợp …", "chỉ khi …", "khi có", "không cần nộp nếu …" → OPTIONAL, except
      an alternative ("trường hợp không có thì …", "nếu không có thì …"), which stays REQUIRED;
    - no original and no copy asked for → NOT_ASKED; otherwise REQUIRED."""
    quantity = fold(quantity_text)
    text = fold(f"{name} {quantity_text}")
    if _NOT_HANDED.search(quantity):
        return ComponentMode.NOT_ASKED
    if _IN_PERSON.search(text):
        return ComponentMode.NOT_ASKED if _ONLY_AT_COUNTER.search(text) else ComponentMode.IN_PERSON
    if _NOT_HANDED.search(text):
        return ComponentMode.NOT_ASKED
    if _CONDITIONAL.search(_ALTERNATIVE.sub(" ", text)):
        return ComponentMode.OPTIONAL
    if originals == 0 and copies == 0:
        return ComponentMode.NOT_ASKED
    return ComponentMode.REQUIRED


def online_q() -> Q:
    """The procedures whose levels advertise them online (the ORM form of marks_online)."""
    return Q(online_level__in=(OnlineLevel.FULL, OnlineLevel.PARTIAL)) | Q(
        legacy_level__in=ONLINE_LEGACY_LEVELS
    )


def marks_online(online_level: str, legacy_level: str) -> bool:
    """Whether these levels advertise the procedure as an online service."""
    return online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL) or legacy_level in ONLINE_LEGACY_LEVELS


def is_generic_agency(agency) -> bool:
    """An agency standing for every unit of a kind ("Ủy ban nhân dân xã, phường"): it has no code
    of its own and its sub-units with codes receive the dossiers; the citizen chooses one."""
    return agency is not None and not agency.code


def _coded_children(agency) -> list:
    cached = getattr(agency, "_coded_children", None)  # an importer run asks once per agency
    if cached is None:
        cached = [child for child in agency.children.active_on().order_by("name") if child.code]
        agency._coded_children = cached
    return cached


def receiving_units(procedure) -> list:
    """The units that may receive this procedure's online dossiers, each with its code: the public
    administration centre named by DOSSIER_RECEIVING_UNIT (Decree 118/2025) if it has a code; else
    the implementing agency (else the competent one) if it has a code; else, for an agency that
    stands for every commune ("UBND cấp xã"), its sub-units in force that have a code (the citizen
    chooses). Empty: the procedure cannot take an online dossier."""
    from agencies.models import Agency

    if settings.DOSSIER_RECEIVING_UNIT:
        centre = (
            Agency.objects.active_on().filter(slug=settings.DOSSIER_RECEIVING_UNIT).exclude(code="").first()
        )
        if centre is not None:
            return [centre]
    agency = procedure.implementing_agency or procedure.competent_agency
    if agency is None or not agency.is_active:
        return []
    if agency.code:
        return [agency]
    if agency.pk is None:
        return []
    return _coded_children(agency)


def acceptance_problems(procedure, *, check_form: bool = True) -> list[str]:
    """Why the portal cannot take this procedure's dossiers online (empty: it can). `check_form`:
    also whether an editor paused its online form (the importer leaves that editorial state out)."""
    problems = []
    if procedure.status == ProcedureStatus.ABOLISHED:
        problems.append(_("Thủ tục đã bị bãi bỏ."))
    agency = procedure.implementing_agency or procedure.competent_agency
    if agency is None and not settings.DOSSIER_RECEIVING_UNIT:
        problems.append(_("Chưa chọn cơ quan thực hiện: không có đơn vị nào tiếp nhận hồ sơ."))
    elif not receiving_units(procedure):
        if agency is not None and not agency.is_active:
            problems.append(
                _("Cơ quan “%(agency)s” đã hết hiệu lực; hãy chọn cơ quan kế thừa.") % {"agency": agency.name}
            )
        else:
            problems.append(
                _(
                    "Cơ quan “%(agency)s” chưa có mã định danh điện tử (dạng 000.00.12.H56) nên chưa "
                    "thể nhận hồ sơ trực tuyến; quản trị viên nhập mã tại Cơ quan, đơn vị."
                )
                % {"agency": agency.name if agency else settings.DOSSIER_RECEIVING_UNIT}
            )
    if check_form and procedure.pk is not None:
        form = _online_form(procedure)
        if form is not None and not form.is_active:
            problems.append(_("Biểu mẫu trực tuyến của thủ tục đang tạm ngừng nhận hồ sơ."))
    return problems


_NO_FEE = re.compile(r"\b(khong|mien)\b")


def has_fee(procedure) -> bool:
    """Whether the record publishes a fee (phí, lệ phí) for some channel: an amount, or a text with
    a figure that does not say "không" / "miễn"."""
    if procedure.pk is None:
        return False
    for amount, text in procedure.channels.values_list("fee_amount", "fee_text"):
        if amount:
            return True
        folded = fold(text or "")
        if folded and re.search(r"[1-9]", folded) and not _NO_FEE.search(folded):
            return True
    return False


def full_service_problems(procedure) -> list[str]:
    """Why the portal cannot offer this procedure as a full online service (toàn trình, level 4),
    beyond taking its dossiers (acceptance_problems): its fee cannot be paid online (no payment
    provider), or its result cannot be issued signed (neither its competent agency nor each
    receiving unit has a usable signing key: signing.SigningKey). Empty: it can."""
    from signing.services import agencies_with_keys

    problems = []
    if has_fee(procedure) and not settings.PAYMENT_PROVIDER:
        problems.append(_("Thủ tục có phí, lệ phí nhưng Cổng chưa kết nối cổng thanh toán trực tuyến."))
    units = receiving_units(procedure)
    competent = procedure.competent_agency or procedure.implementing_agency
    keyed = agencies_with_keys()
    if (
        units
        and not (competent is not None and competent.pk in keyed)
        and not all(u.pk in keyed for u in units)
    ):
        problems.append(
            _(
                "Cơ quan “%(agency)s” chưa có khóa ký số nên chưa trả được kết quả điện tử; quản trị viên "
                "thêm khóa ký số của cơ quan (docs/signing.md)."
            )
            % {"agency": competent.name if competent is not None else units[0].name}
        )
    return problems


def advertised_levels(
    procedure, online_level: str, legacy_level: str, *, check_form: bool = True
) -> tuple[str, str, list[str]]:
    """The levels the portal may advertise for `procedure` when its record says (online_level,
    legacy_level), and the problems that lowered them: not online when it cannot take dossiers;
    một phần / level 3 instead of toàn trình / level 4 when it cannot be paid and answered online."""
    if not marks_online(online_level, legacy_level):
        return online_level, legacy_level, []
    problems = acceptance_problems(procedure, check_form=check_form)
    if problems:
        legacy = LegacyLevel.LEVEL_2 if legacy_level in ONLINE_LEGACY_LEVELS else legacy_level
        return OnlineLevel.NONE, legacy, problems
    if online_level == OnlineLevel.FULL or legacy_level == LegacyLevel.LEVEL_4:
        problems = full_service_problems(procedure)
        if problems:
            level = OnlineLevel.PARTIAL if online_level == OnlineLevel.FULL else online_level
            legacy = LegacyLevel.LEVEL_3 if legacy_level == LegacyLevel.LEVEL_4 else legacy_level
            return level, legacy, problems
    return online_level, legacy_level, []


def _online_form(procedure):
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return procedure.online_form
    except ObjectDoesNotExist:
        return None
