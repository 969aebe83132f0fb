"""The one way a Dossier row is made, for online submission, counter and postal registration, the
demo and the tests: the code (`<agency code>-<YYMMDD>-<NNNN>` from the agency's daily sequence), the
procedure's and the agency's names as they were, the receiving unit and competent agency, the dates,
the applicant's fields cut to their columns, and the first history row (status 1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from procedures.online import is_generic_agency, receiving_units

from ..codes import format_code, next_sequence
from ..constants import Channel, DossierStatus
from ..lifecycle import actor_label
from ..models import Dossier, StatusChange

__all__ = ["FIRST_STATUS_NOTES", "NoReceivingUnit", "agency_of", "build_dossier", "units_of"]

# The note of a dossier's first history row, by channel.
FIRST_STATUS_NOTES = {
    Channel.ONLINE: "Nộp trực tuyến",
    Channel.COUNTER: "Tiếp nhận trực tiếp tại bộ phận một cửa",
    Channel.POSTAL: "Tiếp nhận qua dịch vụ bưu chính",
}


class NoReceivingUnit(Exception):
    """The procedure has no unit with a code to receive the dossier (procedures/online.py)."""


def agency_of(procedure, receiving_unit=None):
    """(agency, agency code) of a new dossier: the receiving unit and its identifier, which opens
    the dossier code (Circular 01/2018/TT-VPCP Art. 19). `receiving_unit` defaults to the
    procedure's only receiving unit; NoReceivingUnit when there is none, or a choice to make, or the
    unit has no code (no placeholder code is ever used)."""
    if receiving_unit is None:
        units = receiving_units(procedure)
        if len(units) != 1:
            raise NoReceivingUnit(procedure.code)
        receiving_unit = units[0]
    if not receiving_unit.code:
        raise NoReceivingUnit(procedure.code)
    return receiving_unit, receiving_unit.code


def units_of(procedure, receiving_unit):
    """(receiving unit, competent agency) of a new dossier (docs/backoffice.md): the procedure's
    implementing agency (else its competent agency) processes, and receives unless
    DOSSIER_RECEIVING_UNIT names a public administration centre (Decree 118/2025). Where that agency
    stands for every commune ("UBND cấp xã"), the commune chosen as receiving unit processes."""
    competent = procedure.implementing_agency or procedure.competent_agency or receiving_unit
    if competent is not None and is_generic_agency(competent) and receiving_unit.parent_id == competent.pk:
        competent = receiving_unit
    return receiving_unit, competent


def build_dossier(
    *,
    procedure,
    applicant: dict,
    submitted_at: datetime,
    by=None,
    user=None,
    channel: str = Channel.ONLINE,
    submission_token: uuid.UUID | None = None,
    form_version=None,
    receiving_unit=None,
    competent_agency=None,
    appointment_date: date | None = None,
    time_limit_rule: str = "",
    received_documents=(),
) -> Dossier:
    """Create a dossier in status 1 with its first history row, in one transaction (a savepoint
    inside the caller's). `applicant`: name, phone, email, citizen_id, address (missing ones
    empty). `by`: who submitted (the citizen online) or registered it (the reception officer); the
    history names the applicant for an online dossier, the officer otherwise. `receiving_unit`
    defaults to the procedure's only one (NoReceivingUnit otherwise); the competent agency to
    `units_of()`. The due date and its rule are the caller's (`appointment_for`)."""
    submission_token = submission_token or uuid.uuid4()
    with transaction.atomic():
        agency, agency_code = agency_of(procedure, receiving_unit)
        day = timezone.localdate(submitted_at)
        number = next_sequence(agency_code=agency_code, day=day)
        receiving_unit, default_competent = units_of(procedure, agency)
        competent_agency = competent_agency or default_competent
        dossier = Dossier.objects.create(
            code=format_code(agency_code=agency_code, day=day, number=number),
            submission_token=submission_token,
            user=user,
            procedure=procedure,
            procedure_code=procedure.code,
            procedure_name=procedure.display_name,
            form_version=form_version,
            agency=agency,
            agency_code=agency_code,
            agency_name=agency.name if agency else "",
            receiving_unit=receiving_unit,
            competent_agency=competent_agency,
            channel=channel,
            received_documents=list(received_documents),
            status=DossierStatus.NEW,
            submitted_at=submitted_at,
            status_changed_at=submitted_at,
            appointment_date=appointment_date,
            time_limit_rule=time_limit_rule[:255],
            applicant_name=(applicant.get("name") or "")[:150],
            applicant_phone=(applicant.get("phone") or "")[:15],
            applicant_email=(applicant.get("email") or "")[:254],
            applicant_citizen_id=(applicant.get("citizen_id") or "")[:12],
            applicant_address=(applicant.get("address") or "")[:500],
        )
        _first_status(dossier, by=by)
    return dossier


def _first_status(dossier: Dossier, *, by) -> StatusChange:
    online = dossier.channel == Channel.ONLINE
    return StatusChange.objects.create(
        dossier=dossier,
        status=DossierStatus.NEW,
        at=dossier.submitted_at,
        by=by,
        actor_name=dossier.applicant_name if online else actor_label(by),
        note=FIRST_STATUS_NOTES[dossier.channel],
        data={} if online else {"channel": dossier.channel},
    )
