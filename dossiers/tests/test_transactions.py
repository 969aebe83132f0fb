"""Submission is one transaction and idempotent. The check made outside any transaction and the
parallel submissions (real commits, threads) are in test_transactions_outside.py: they cannot run
inside this module's rolled-back transaction (dossiers/tests/module_data.py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction

from dossiers.codes import format_code, next_sequence
from dossiers.constants import DraftStatus
from dossiers.models import DailySequence, Dossier, DossierAnswer, DossierFile, StatusChange
from dossiers.services import builder
from dossiers.services.drafts import open_draft, save_upload
from dossiers.services.submission import AnswerData, submit_draft

from .factories import make_citizen, pdf_bytes

VN = ZoneInfo("Asia/Ho_Chi_Minh")
APPLICANT = {
    "full_name": "Lê Văn Tám",
    "phone": "0912345678",
    "email": "tam@example.vn",
    "citizen_id": "080190001234",
}
ANSWERS = [AnswerData("buoc-1", "Bước 1", "ten_ho", "Tên hộ", "text", "Tạp hóa Tám", "Tạp hóa Tám")]


def _draft(procedure, user=None):
    user = user or make_citizen()
    draft = open_draft(user=user, form=procedure.online_form)
    slot = draft.form_version.schema["uploads"][0]
    from django.core.files.uploadedfile import SimpleUploadedFile

    save_upload(
        draft=draft, slot=slot, uploaded=SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")
    )
    return draft


@pytest.mark.django_db
def test_code_format():
    assert (
        format_code(agency_code="000.00.12.H38", day=date(2025, 11, 27), number=7)
        == "000.00.12.H38-251127-0007"
    )
    assert format_code(agency_code="X", day=date(2025, 1, 2), number=12345) == "X-250102-12345"


@pytest.mark.django_db
def test_sequence_restarts_each_day_and_per_agency():
    with transaction.atomic():
        assert [next_sequence(agency_code="A", day=date(2025, 1, 2)) for _ in range(3)] == [1, 2, 3]
        assert next_sequence(agency_code="B", day=date(2025, 1, 2)) == 1
        assert next_sequence(agency_code="A", day=date(2025, 1, 3)) == 1


@pytest.mark.django_db
def test_submission_uses_local_date_and_agency_code(procedure):
    assert procedure.implementing_agency.code == "000.00.12.H53"
    late_evening = datetime(2025, 3, 3, 23, 30, tzinfo=VN)  # 16:30 UTC, still 3 March in Vietnam
    dossier, created = submit_draft(
        draft=_draft(procedure), answers=ANSWERS, applicant=APPLICANT, now=late_evening
    )
    assert created and dossier.code == "000.00.12.H53-250303-0001"


@pytest.mark.django_db
def test_second_submit_of_the_same_draft_returns_the_same_dossier(procedure):
    draft = _draft(procedure)
    first, created_first = submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
    second, created_second = submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
    assert created_first and not created_second and first.pk == second.pk
    assert Dossier.objects.count() == 1 and StatusChange.objects.count() == 1


@pytest.mark.django_db
def test_failure_mid_submission_leaves_nothing_half_written(monkeypatch, procedure):
    draft = _draft(procedure)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(builder, "_first_status", broken)
    with pytest.raises(RuntimeError):
        submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
    assert (
        not Dossier.objects.exists()
        and not DossierAnswer.objects.exists()
        and not StatusChange.objects.exists()
    )
    assert not DailySequence.objects.exists()  # the number was not consumed
    draft.refresh_from_db()
    assert draft.status == DraftStatus.OPEN
    assert DossierFile.objects.get().draft == draft and DossierFile.objects.get().dossier is None
    # and the citizen can simply submit again
    monkeypatch.undo()
    dossier, created = submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
    assert created and dossier.code.endswith("-0001")


@pytest.mark.django_db
def test_confirmation_email_is_sent_only_after_commit(django_capture_on_commit_callbacks, procedure):
    draft = _draft(procedure)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        dossier, _ = submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
    assert mail.outbox == []  # nothing sent inside the transaction
    assert callbacks  # the e-mail (and the statistics refresh) wait for the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (
        message.to == ["tam@example.vn"] and dossier.code in message.subject and dossier.code in message.body
    )


@pytest.mark.django_db
def test_no_email_when_the_transaction_rolls_back(django_capture_on_commit_callbacks, procedure):
    draft = _draft(procedure)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                submit_draft(draft=draft, answers=ANSWERS, applicant=APPLICANT)
                raise RuntimeError("outer failure")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == [] and not Dossier.objects.exists()
