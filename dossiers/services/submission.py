"""Online submission: the wizard's draft becomes a dossier, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.services import queue_email
from procedures.online import receiving_units

from ..appointments import appointment_for
from ..constants import DraftStatus
from ..emails import SUBMITTED
from ..models import Dossier, DossierAnswer, DossierFile, Draft
from .builder import NoReceivingUnit, build_dossier

__all__ = ["AnswerData", "DraftClosed", "NoReceivingUnit", "submit_draft"]


class DraftClosed(Exception):
    """The draft was already submitted (and no dossier carries its token) or deleted."""


@dataclass(frozen=True)
class AnswerData:
    step_key: str
    step_title: str
    key: str
    label: str
    kind: str
    value: object
    display: str


def submit_draft(
    *,
    draft: Draft,
    answers: list[AnswerData],
    applicant: dict,
    receiving_unit_slug: str = "",
    now: datetime | None = None,
):
    """Create, in one transaction, the dossier with its answers, files and first status.

    `receiving_unit_slug`: the unit the citizen chose among the procedure's receiving units (needed
    only when there are several). NoReceivingUnit (nothing written) when it is not one of them now.

    Idempotent: the draft's token is the dossier's unique submission token, so a double click or
    a replayed POST returns the dossier already created. Returns (dossier, created)."""
    existing = Dossier.objects.filter(submission_token=draft.token).first()
    if existing is not None:
        return existing, False
    now = now or timezone.now()
    try:
        with transaction.atomic():
            locked = (
                Draft.objects.select_for_update(of=("self",))
                .select_related("form_version__form__procedure")
                .get(pk=draft.pk)
            )
            existing = Dossier.objects.filter(submission_token=locked.token).first()
            if existing is not None:
                return existing, False
            if locked.status != DraftStatus.OPEN:
                raise DraftClosed
            procedure = locked.form_version.form.procedure
            units = receiving_units(procedure)
            unit = next((u for u in units if u.slug == receiving_unit_slug), None)
            if unit is None and len(units) == 1 and not receiving_unit_slug:
                unit = units[0]
            if unit is None:
                raise NoReceivingUnit(procedure.code)
            appointment = appointment_for(procedure, now)
            dossier = build_dossier(
                procedure=procedure,
                applicant={**applicant, "name": applicant.get("full_name", "")},
                submitted_at=now,
                by=locked.user,
                user=locked.user,
                submission_token=locked.token,
                form_version=locked.form_version,
                receiving_unit=unit,
                appointment_date=appointment.date,
                time_limit_rule=appointment.rule,
            )
            DossierAnswer.objects.bulk_create(
                [
                    DossierAnswer(
                        dossier=dossier,
                        position=position,
                        step_key=a.step_key,
                        step_title=a.step_title[:255],
                        key=a.key,
                        label=a.label[:500],
                        kind=a.kind,
                        value=a.value,
                        display=a.display,
                    )
                    for position, a in enumerate(answers)
                ]
            )
            DossierFile.objects.filter(draft=locked, dossier__isnull=True).update(dossier=dossier)
            locked.status = DraftStatus.SUBMITTED
            locked.save(update_fields=["status", "updated_at"])
            queue_email(SUBMITTED, dossier.pk, dossier.applicant_email)
    except IntegrityError:
        existing = Dossier.objects.filter(submission_token=draft.token).first()
        if existing is None:
            raise
        return existing, False
    return dossier, True
