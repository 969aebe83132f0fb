"""The fee a dossier owes by its procedure's record (docs/payments.md): editors keep the amounts
in the catalog (the channels' phí, lệ phí) and say whether it is paid when filing."""

from __future__ import annotations

from ..constants import Channel, DossierStatus

__all__ = ["fee_due_at_submission", "record_fee"]


def record_fee(dossier) -> int | None:
    """The fee the procedure's record publishes for the dossier's channel (the online channel for an
    online dossier), else for its first channel with an amount; editors keep it in the catalog."""
    procedure = dossier.procedure
    if procedure is None:
        return None
    channels = list(procedure.channels.exclude(fee_amount=None).order_by("sort_order", "pk"))
    kind = "online" if dossier.channel == Channel.ONLINE else "direct"
    chosen = next((c for c in channels if c.kind == kind), channels[0] if channels else None)
    return chosen.fee_amount if chosen is not None and chosen.fee_amount else None


def fee_due_at_submission(dossier) -> int | None:
    """The record's fee while an online dossier whose procedure collects it at filing
    (ProcedurePage.fee_at_submission) is new or received and not yet processed; None otherwise
    (whether it was paid already is the payments app's business)."""
    if dossier.channel != Channel.ONLINE or dossier.status not in (DossierStatus.NEW, DossierStatus.ACCEPTED):
        return None
    procedure = dossier.procedure
    if procedure is None or not procedure.fee_at_submission:
        return None
    return record_fee(dossier)
