"""Dossiers for the usage and Decision 766 tests, with hand-computed figures (see test_usage.py).

Working days: Monday–Friday (no holiday rows unless a test adds one). Times at 09:00 Vietnam time.
  d1 (Alpha, 1.000001): submitted Mon 3/3/2025, accepted 3/3, done 5/3, due 7/3   → on time, 2 days
  d2 (Alpha, 1.000001): submitted 3/3, accepted 4/3, done 17/3, due 10/3          → late, 9 days
  d3 (Alpha, 1.000001): submitted 10/3, accepted 10/3, open, due 14/3              → open past due
  d4 (Alpha, 1.000001): submitted 10/3, refused 11/3                               → refused
  d5 (Beta, 1.000003):  submitted Tue 1/4, accepted 1/4, returned 4/4, due 8/4    → on time, 3 days
  d6 (Beta, 1.000003):  submitted 2/4, not yet accepted, due 30/4                  → open (past due at year end)
Online forms of 1.000001 in 2025: three wizards started, two submitted, one left at step "Người nộp".
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from dossiers.constants import DossierStatus, DraftStatus
from dossiers.models import Dossier, Draft, StatusChange
from forms.models import FormVersion, OnlineForm

VN = ZoneInfo("Asia/Ho_Chi_Minh")
S = DossierStatus


def at(day: str) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(9), tzinfo=VN)


def form_version(procedure) -> FormVersion:
    form = OnlineForm.objects.create(procedure=procedure)
    schema = {"steps": [{"key": "nguoi-nop", "title": "Người nộp"}, {"key": "noi-dung", "title": "Nội dung"}]}
    return FormVersion.objects.create(form=form, number=1, schema=schema, schema_hash=uuid.uuid4().hex)


def make_dossier(
    version, procedure, agency, *, submitted: str, due: str, history=(), status=S.NEW
) -> Dossier:
    dossier = Dossier.objects.create(
        code=f"TEST-{uuid.uuid4().hex[:10]}",
        submission_token=uuid.uuid4(),
        procedure=procedure,
        procedure_code=procedure.code,
        procedure_name=procedure.title,
        form_version=version,
        agency=agency,
        agency_code=agency.code or agency.slug,
        status=status,
        submitted_at=at(submitted),
        appointment_date=datetime.date.fromisoformat(due),
        applicant_name="Nguyễn Văn A",
    )
    StatusChange.objects.create(dossier=dossier, status=S.NEW, at=at(submitted))
    for code, day in history:
        StatusChange.objects.create(dossier=dossier, status=code, at=at(day))
    return dossier


def build_usage(world) -> dict:
    p1, p3 = world.procedures["p1"], world.procedures["p3"]
    a, b = world.agencies["a"], world.agencies["b"]
    v1, v3 = form_version(p1), form_version(p3)
    dossiers = {
        "d1": make_dossier(v1, p1, a, submitted="2025-03-03", due="2025-03-07", status=S.DONE,
                           history=[(S.ACCEPTED, "2025-03-03"), (S.DONE, "2025-03-05")]),
        "d2": make_dossier(v1, p1, a, submitted="2025-03-03", due="2025-03-10", status=S.DONE,
                           history=[(S.ACCEPTED, "2025-03-04"), (S.PROCESSING, "2025-03-05"), (S.DONE, "2025-03-17")]),
        "d3": make_dossier(v1, p1, a, submitted="2025-03-10", due="2025-03-14", status=S.PROCESSING,
                           history=[(S.ACCEPTED, "2025-03-10"), (S.PROCESSING, "2025-03-11")]),
        "d4": make_dossier(v1, p1, a, submitted="2025-03-10", due="2025-03-14", status=S.REFUSED,
                           history=[(S.REFUSED, "2025-03-11")]),
        "d5": make_dossier(v3, p3, b, submitted="2025-04-01", due="2025-04-08", status=S.RETURNED,
                           history=[(S.ACCEPTED, "2025-04-01"), (S.DONE, "2025-04-04"), (S.RETURNED, "2025-04-04")]),
        "d6": make_dossier(v3, p3, b, submitted="2025-04-02", due="2025-04-30"),
    }  # fmt: skip
    user = get_user_model().objects.create_user("congdan", password="x")
    for status, step in (
        (DraftStatus.SUBMITTED, "review"),
        (DraftStatus.SUBMITTED, "review"),
        (DraftStatus.OPEN, "nguoi-nop"),
    ):
        draft = Draft.objects.create(user=user, form_version=v1, status=status, data={"step": step})
        Draft.objects.filter(pk=draft.pk).update(created_at=at("2025-03-05"), updated_at=at("2025-03-06"))
    return dossiers
