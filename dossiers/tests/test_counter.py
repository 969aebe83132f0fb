"""Counter and postal dossiers registered by a reception officer (dossiers.services.counter.
register_counter_dossier): code and daily sequence shared with online dossiers, appointment from
the channel's time limit in working days, history (status 1 by the officer, then acceptance
through the lifecycle), channel, e-mails, scans checked like online uploads, idempotency, and
nothing written when the input or the acceptance is refused."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from dossiers.codes import next_sequence
from dossiers.constants import Action, Channel, DossierStatus, FilePurpose, OfficerRole
from dossiers.models import DailySequence, Dossier, DossierFile, StatusChange
from dossiers.services.counter import (
    RegistrationRefused,
    counter_procedures,
    counter_units,
    register_counter_dossier,
)
from dossiers.services.lookup import find_for_lookup
from procedures.models import ProcedureChannel
from workdays.services import Calendar

from .factories import make_citizen, pdf_bytes, png_bytes
from .officers import make_agency, make_officer

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=VN)  # no holiday in the following week
APPLICANT = {
    "name": "Nguyễn Văn Quầy",
    "phone": "0912 345 678",
    "email": "quay@example.vn",
    "citizen_id": "080190001234",
    "address": "Số 1 đường Hùng Vương, Tây Ninh",
}


@pytest.fixture
def setup(procedure):
    unit = procedure.implementing_agency
    officer = make_officer((OfficerRole.RECEPTION, unit))
    return procedure, unit, officer


def _register(procedure, unit, officer, **overrides):
    kwargs = {
        "token": uuid.uuid4(),
        "officer": officer,
        "unit": unit,
        "procedure": procedure,
        "channel": Channel.COUNTER,
        "applicant": dict(APPLICANT),
        "documents": [c.pk for c in procedure.components.all()],
        "accept": True,
        "now": MONDAY,
    }
    kwargs.update(overrides)
    return register_counter_dossier(**kwargs)


def _nothing_written(private_media):
    assert not Dossier.objects.exists()
    assert not StatusChange.objects.exists()
    assert not DossierFile.objects.exists()
    assert not DailySequence.objects.filter(last__gt=0).exists()
    assert not any(p.is_file() for p in private_media.rglob("*")) if private_media.exists() else True


def test_counter_dossier_code_appointment_history_channel_and_emails(
    setup, django_capture_on_commit_callbacks
):
    procedure, unit, officer = setup
    code_agency = unit.code
    with transaction.atomic():  # an online dossier of the same agency took number 1 that day
        assert next_sequence(agency_code=code_agency, day=MONDAY.date()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        dossier, created = _register(procedure, unit, officer, other_documents=["Giấy ủy quyền", " "])
    assert created
    assert dossier.code == f"{code_agency}-260302-0002"  # same scheme and daily sequence as online
    assert (dossier.channel, dossier.status, dossier.user) == (Channel.COUNTER, DossierStatus.ACCEPTED, None)
    assert (dossier.receiving_unit, dossier.competent_agency) == (unit, unit)
    assert dossier.form_version is None
    # Counter: the direct channel's "05 ngày làm việc" (the online channel has 3), from Monday.
    assert dossier.appointment_date == Calendar(MONDAY.date()).add_working_days(MONDAY.date(), 5)
    assert dossier.appointment_date == datetime.date(2026, 3, 9)
    assert dossier.time_limit_rule == "Trực tiếp: 05 ngày làm việc"
    assert dossier.applicant_phone == "0912345678"
    assert [d["name"] for d in dossier.received_documents] == [
        "Giấy đề nghị đăng ký hộ kinh doanh (1 bản chính)",
        "Bản sao hợp đồng thuê địa điểm (1 bản sao)",
        "Giấy ủy quyền",
    ]
    history = list(dossier.history.order_by("at", "pk"))
    assert [(h.from_status, h.status, h.action, h.by) for h in history] == [
        ("", DossierStatus.NEW, "", officer),
        (DossierStatus.NEW, DossierStatus.ACCEPTED, Action.ACCEPT, officer),
    ]
    assert history[0].note == "Tiếp nhận trực tiếp tại bộ phận một cửa" and history[0].actor_name
    # The receipt e-mail (as for an online dossier), then the acceptance's.
    assert [m.to for m in mail.outbox] == [["quay@example.vn"], ["quay@example.vn"]]
    assert dossier.code in mail.outbox[0].subject
    assert "nộp trực tiếp tại bộ phận một cửa" in mail.outbox[0].body
    assert "/ho-so/tra-cuu/?ma=" in mail.outbox[0].body and "Biên nhận:" not in mail.outbox[0].body
    assert "/ho-so/tra-cuu/?ma=" in mail.outbox[1].body  # no owner account: the lookup, not /ho-so/<code>/
    # The citizen's lookup by code and the last 4 digits works without an account.
    assert find_for_lookup(code=dossier.code.lower(), factor="5678") == dossier
    assert find_for_lookup(code=dossier.code, factor="1234") == dossier


def test_postal_dossier_not_accepted_stays_new_without_email(setup, django_capture_on_commit_callbacks):
    procedure, unit, officer = setup
    with django_capture_on_commit_callbacks(execute=True):
        dossier, _ = _register(
            procedure,
            unit,
            officer,
            channel=Channel.POSTAL,
            accept=False,
            applicant={**APPLICANT, "email": ""},
        )
    assert (dossier.channel, dossier.status) == (Channel.POSTAL, DossierStatus.NEW)
    # No postal channel on the procedure: the online rule (3 working days).
    assert dossier.appointment_date == datetime.date(2026, 3, 5)
    assert list(dossier.history.values_list("status", "note")) == [("1", "Tiếp nhận qua dịch vụ bưu chính")]
    assert mail.outbox == []


def test_scans_are_checked_like_online_uploads_and_kept_with_the_dossier(setup):
    procedure, unit, officer = setup
    first, second = procedure.components.order_by("sort_order", "pk")
    scans = {
        first.pk: [SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")],
        second.pk: [SimpleUploadedFile("hop-dong.png", png_bytes(), "image/png")],
    }
    dossier, _ = _register(procedure, unit, officer, scans=scans)
    files = list(dossier.files.order_by("slot_key"))
    assert {(f.slot_label, f.purpose, f.owner_id) for f in files} == {
        (first.name, FilePurpose.SUBMITTED, officer.pk),
        (second.name, FilePurpose.SUBMITTED, officer.pk),
    }
    assert all(f.file.storage.exists(f.file.name) for f in files)


def test_double_submit_returns_the_same_dossier(setup):
    procedure, unit, officer = setup
    token = uuid.uuid4()
    first, created = _register(procedure, unit, officer, token=token)
    again, created_again = _register(procedure, unit, officer, token=token)
    assert created and not created_again and again.pk == first.pk
    assert Dossier.objects.count() == 1 and StatusChange.objects.count() == 2


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"applicant": {**APPLICANT, "phone": "12345"}}, "phone"),
        ({"applicant": {**APPLICANT, "citizen_id": "999190001234"}}, "citizen_id"),
        ({"applicant": {**APPLICANT, "name": "  "}}, "name"),
        ({"applicant": {**APPLICANT, "email": "khong-phai-thu"}}, "email"),
        ({"channel": Channel.ONLINE}, "channel"),
        ({"documents": []}, "documents"),
        ({"documents": [999999]}, "documents"),
        ({"token": "khong-phai-uuid"}, ""),
        ({"due_date": datetime.date(2026, 3, 1)}, "due_date"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(setup, private_media, overrides, field):
    procedure, unit, officer = setup
    first = procedure.components.order_by("sort_order", "pk").first()
    scans = {first.pk: [SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")]}
    with pytest.raises(RegistrationRefused) as refused:
        _register(procedure, unit, officer, scans=scans, **overrides)
    assert refused.value.field == field and refused.value.message
    _nothing_written(private_media)


def test_a_bad_scan_is_refused_with_the_upload_message(setup, private_media):
    procedure, unit, officer = setup
    first, second = procedure.components.order_by("sort_order", "pk")
    scans = {
        first.pk: [SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")],
        second.pk: [SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")],
    }
    with pytest.raises(RegistrationRefused) as refused:
        _register(procedure, unit, officer, scans=scans)
    assert refused.value.field == f"scan:{second.pk}"
    assert "“virus”" in refused.value.message and "thực thi" in refused.value.message
    _nothing_written(private_media)


def test_refused_acceptance_rolls_everything_back(procedure, private_media):
    """A procedure without a time limit: accepting at once needs a due date (lifecycle's rule)."""
    ProcedureChannel.objects.filter(page=procedure).update(
        time_limit_value=None, time_limit_unit="", time_limit_text="Theo quy định"
    )
    unit = procedure.implementing_agency
    officer = make_officer((OfficerRole.RECEPTION, unit))
    first = procedure.components.order_by("sort_order", "pk").first()
    scans = {first.pk: [SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")]}
    with pytest.raises(RegistrationRefused) as refused:
        _register(procedure, unit, officer, scans=scans)
    assert "ngày hẹn" in refused.value.message and refused.value.field == "due_date"
    _nothing_written(private_media)
    dossier, _ = _register(procedure, unit, officer, due_date=datetime.date(2026, 3, 20))
    assert (dossier.status, dossier.appointment_date) == (DossierStatus.ACCEPTED, datetime.date(2026, 3, 20))


def test_only_reception_and_admins_of_the_unit_register_its_procedures(setup, other_procedure):
    procedure, unit, officer = setup
    other_unit = make_agency("Trung tâm khác")
    for user in (
        make_officer((OfficerRole.RECEPTION, other_unit)),
        make_officer((OfficerRole.PROCESSING, unit), (OfficerRole.LEADER, unit)),
        make_citizen(),
    ):
        with pytest.raises(RegistrationRefused) as refused:
            _register(procedure, unit, user)
        assert refused.value.field == "unit"
    with pytest.raises(RegistrationRefused) as refused:
        _register(other_procedure, unit, officer)  # not a procedure this unit receives
    assert refused.value.field == "procedure"
    assert not Dossier.objects.exists()
    admin = make_officer((OfficerRole.ADMIN, unit))
    assert _register(procedure, unit, admin)[1]
    province_admin = make_officer((OfficerRole.ADMIN, None))
    assert set(counter_units(province_admin)) >= {unit, other_unit}
    assert list(counter_units(officer)) == [unit]


def test_procedures_a_unit_receives(setup, settings, other_procedure):
    procedure, unit, _officer = setup
    other = other_procedure
    assert list(counter_procedures(unit)) == [procedure]
    centre = make_agency("Trung tâm phục vụ hành chính công tỉnh")
    assert list(counter_procedures(centre)) == []
    settings.DOSSIER_RECEIVING_UNIT = centre.slug  # the centre receives every procedure
    assert set(counter_procedures(centre)) == {procedure, other}
    procedure.unpublish()
    assert set(counter_procedures(centre)) == {other}
