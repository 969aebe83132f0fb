"""Builders for back-office tests: dossiers in any status, officers with roles, lifecycle data.

Dossiers are made by the services' builder (dossiers.services.builder.build_dossier: code, dates,
first history row, as submit_draft makes them; the wizard is tested elsewhere), then put in the status
asked for. Used by dossiers, backoffice and interop tests."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agencies.models import Agency
from dossiers.constants import Action, DossierStatus
from dossiers.models import Dossier, OfficerAssignment, StatusChange
from dossiers.services.builder import build_dossier
from forms.services import current_version

from .factories import PASSWORD, make_citizen, make_online_procedure, pdf_bytes

__all__ = [
    "action_data",
    "make_agency",
    "make_dossier",
    "make_officer",
    "result_file",
]

_seq = itertools.count(1)


def make_agency(name: str | None = None, *, code: str = "000.00.20.H53") -> Agency:
    n = next(_seq)
    return Agency.objects.create(
        name=name or f"Trung tâm phục vụ hành chính công {n}", slug=f"don-vi-{n}", code=code
    )


def make_officer(*roles, username: str | None = None, is_superuser: bool = False):
    """A user with (role, agency) assignments, e.g. make_officer(("reception", unit_x))."""
    n = next(_seq)
    user = get_user_model().objects.create_user(
        username=username or f"canbo{n}",
        password=PASSWORD,
        first_name="Cán bộ",
        last_name=f"Số {n}",
        is_superuser=is_superuser,
    )
    for role, agency in roles:
        OfficerAssignment.objects.create(user=user, role=role, agency=agency)
    return user


def make_dossier(
    *,
    procedure=None,
    status: str = DossierStatus.NEW,
    user=None,
    receiving: Agency | None = None,
    competent: Agency | None = None,
    due: date | None = None,
    submitted_at=None,
    email: str = "tam@example.vn",
    applicant_name: str = "Trần Văn Tâm",
) -> Dossier:
    """A dossier in `status`, received by `receiving` and handled by `competent` (default: the
    procedure's agency). In status 5 its history holds the supplement request (made in 4)."""
    procedure = procedure or make_online_procedure()
    user = user or make_citizen()
    agency = procedure.implementing_agency
    submitted_at = submitted_at or timezone.now()
    dossier = build_dossier(
        procedure=procedure,
        applicant={
            "name": applicant_name,
            "phone": "0912345678",
            "email": email,
            "citizen_id": "080190001234",
        },
        submitted_at=submitted_at,
        by=user,
        user=user,
        form_version=current_version(procedure.online_form),
        receiving_unit=receiving or agency,
        competent_agency=competent or agency,
        appointment_date=due if due is not None else timezone.localdate() + timedelta(days=30),
    )
    if status == DossierStatus.SUPPLEMENT_REQUESTED:
        StatusChange.objects.create(
            dossier=dossier,
            from_status=DossierStatus.PROCESSING,
            status=status,
            action=Action.REQUEST_SUPPLEMENT,
            at=submitted_at,
            note="Bản sao hợp đồng thuê nhà",
        )
    elif status != DossierStatus.NEW:
        StatusChange.objects.create(dossier=dossier, status=status, at=submitted_at)
    if status != DossierStatus.NEW:
        Dossier.objects.filter(pk=dossier.pk).update(status=status)
        dossier.status = status
    return dossier


def result_file(name: str = "ket-qua.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes("Ket qua"), "application/pdf")


def action_data(action: str, *, dossier=None, other_agency=None) -> dict:
    """Valid keyword arguments for lifecycle.perform(action) (besides actor/system)."""
    data: dict = {}
    if action in (Action.REFUSE, Action.STOP, Action.REQUEST_SUPPLEMENT, Action.TRANSFER, Action.APOLOGIZE):
        data["reason"] = f"Lý do: {Action(action).label}"
    if action == Action.REQUEST_PAYMENT:
        data["amount"] = 150000
    elif action == Action.SUPPLY:
        data["files"] = [SimpleUploadedFile("bo-sung.pdf", pdf_bytes("Bo sung"), "application/pdf")]
    elif action == Action.FINISH:
        data["result_files"] = [result_file()]
    elif action == Action.TRANSFER:
        data["to_agency"] = other_agency or make_agency("Sở Xây dựng (liên thông)")
    elif action == Action.APOLOGIZE:
        current = dossier.appointment_date if dossier is not None else timezone.localdate()
        data["new_due_date"] = current + timedelta(days=7)
    return data
