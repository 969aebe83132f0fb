"""The dossier's transition table and the officers' role matrix: pure data, no database
(docs/backoffice.md). `dossiers.lifecycle` applies them; `perform()` there is the one way a status
changes.

- `TRANSITIONS` is the explicit table {(from status, action): to status}. One documented
  exception: a supplement requested at reception (from status 1) returns the dossier to 1 when
  the citizen supplies it (`SUPPLY_BEFORE_ACCEPTANCE`), since it was never accepted.
- Who may act: the roles of `dossiers.models.OfficerAssignment` reaching the dossier
  (`ROLE_ACTIONS`, `ROLE_STATUS_LIMITS`); the dossier's owner for `CITIZEN_ACTIONS`; a connected
  system for any action, the API having checked its scopes and units.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .constants import CITIZEN_ACTIONS, Action, DossierStatus, OfficerRole

__all__ = [
    "REASON_REQUIRED",
    "ROLE_ACTIONS",
    "ROLE_STATUS_LIMITS",
    "SUPPLY_BEFORE_ACCEPTANCE",
    "TRANSITIONS",
    "TransitionRefused",
    "next_status",
]

S = DossierStatus
A = Action


class TransitionRefused(Exception):
    """The action cannot be performed; `message` says why, in words a user understands."""

    def __init__(self, message: str, *, code: str = "refused"):
        super().__init__(message)
        self.message = message
        self.code = code


TRANSITIONS: dict[tuple[str, str], str] = {
    (S.NEW, A.ACCEPT): S.ACCEPTED,
    (S.NEW, A.REFUSE): S.REFUSED,
    (S.NEW, A.REQUEST_SUPPLEMENT): S.SUPPLEMENT_REQUESTED,
    (S.NEW, A.REQUEST_WITHDRAWAL): S.WITHDRAWAL_REQUESTED,
    (S.ACCEPTED, A.START): S.PROCESSING,
    (S.ACCEPTED, A.REQUEST_SUPPLEMENT): S.SUPPLEMENT_REQUESTED,
    (S.ACCEPTED, A.REQUEST_PAYMENT): S.PAYMENT_REQUESTED,
    (S.ACCEPTED, A.REQUEST_WITHDRAWAL): S.WITHDRAWAL_REQUESTED,
    (S.ACCEPTED, A.STOP): S.STOPPED,
    (S.ACCEPTED, A.TRANSFER): S.ACCEPTED,
    (S.ACCEPTED, A.APOLOGIZE): S.ACCEPTED,
    (S.PROCESSING, A.REQUEST_SUPPLEMENT): S.SUPPLEMENT_REQUESTED,
    (S.PROCESSING, A.REQUEST_PAYMENT): S.PAYMENT_REQUESTED,
    (S.PROCESSING, A.REQUEST_WITHDRAWAL): S.WITHDRAWAL_REQUESTED,
    (S.PROCESSING, A.STOP): S.STOPPED,
    (S.PROCESSING, A.FINISH): S.DONE,
    (S.PROCESSING, A.TRANSFER): S.PROCESSING,
    (S.PROCESSING, A.APOLOGIZE): S.PROCESSING,
    (S.SUPPLEMENT_REQUESTED, A.SUPPLY): S.PROCESSING,
    (S.SUPPLEMENT_REQUESTED, A.REQUEST_WITHDRAWAL): S.WITHDRAWAL_REQUESTED,
    (S.SUPPLEMENT_REQUESTED, A.STOP): S.STOPPED,
    (S.PAYMENT_REQUESTED, A.CONFIRM_PAYMENT): S.PROCESSING,
    (S.PAYMENT_REQUESTED, A.REQUEST_WITHDRAWAL): S.WITHDRAWAL_REQUESTED,
    (S.PAYMENT_REQUESTED, A.STOP): S.STOPPED,
    (S.PAYMENT_REQUESTED, A.APOLOGIZE): S.PAYMENT_REQUESTED,
    (S.WITHDRAWAL_REQUESTED, A.STOP): S.STOPPED,
    (S.DONE, A.RETURN): S.RETURNED,
}
# The one exception to the table: supplements asked for at reception bring the dossier back to
# reception (status 1, acceptance clock restarted) instead of into processing.
SUPPLY_BEFORE_ACCEPTANCE = S.NEW

_OFFICER_COMMON = {A.REQUEST_SUPPLEMENT, A.CONFIRM_PAYMENT, A.STOP, A.RETURN}
ROLE_ACTIONS: dict[str, frozenset] = {
    OfficerRole.RECEPTION: frozenset({A.ACCEPT, A.REFUSE} | _OFFICER_COMMON),
    OfficerRole.PROCESSING: frozenset(
        {A.START, A.REQUEST_PAYMENT, A.TRANSFER, A.APOLOGIZE} | _OFFICER_COMMON
    ),
    OfficerRole.LEADER: frozenset(
        {A.START, A.REQUEST_PAYMENT, A.TRANSFER, A.APOLOGIZE, A.FINISH} | _OFFICER_COMMON
    ),
    OfficerRole.ADMIN: frozenset(set(A) - CITIZEN_ACTIONS),
}
# Some role/action pairs only apply in some statuses: reception asks for supplements before
# acceptance only, and stops a dossier only when the citizen has asked to withdraw it; a
# processing officer stops only on withdrawal too (otherwise a leader decides).
ROLE_STATUS_LIMITS: dict[tuple[str, str], frozenset] = {
    (OfficerRole.RECEPTION, A.REQUEST_SUPPLEMENT): frozenset({S.NEW}),
    (OfficerRole.RECEPTION, A.STOP): frozenset({S.WITHDRAWAL_REQUESTED}),
    (OfficerRole.PROCESSING, A.STOP): frozenset({S.WITHDRAWAL_REQUESTED}),
    (OfficerRole.PROCESSING, A.REQUEST_SUPPLEMENT): frozenset({S.ACCEPTED, S.PROCESSING}),
    (OfficerRole.LEADER, A.REQUEST_SUPPLEMENT): frozenset({S.ACCEPTED, S.PROCESSING}),
}
REASON_REQUIRED = frozenset({A.REFUSE, A.STOP, A.REQUEST_SUPPLEMENT, A.TRANSFER, A.APOLOGIZE})


def next_status(status: str, action, *, supplement_asked_in: str | None = None) -> str:
    """Where `action` takes a dossier in `status` (TRANSITIONS; SUPPLY_BEFORE_ACCEPTANCE when the
    supplement being supplied was asked for in status `supplement_asked_in` = 1). Refuses what the
    table does not allow (TransitionRefused, code "transition"). No database: the pure table."""
    if (status, action) not in TRANSITIONS:
        raise TransitionRefused(
            _("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(status)s”.")
            % {"action": Action(action).label, "status": DossierStatus(status).label},
            code="transition",
        )
    if action == A.SUPPLY and supplement_asked_in == S.NEW:
        return SUPPLY_BEFORE_ACCEPTANCE
    return TRANSITIONS[(status, action)]
