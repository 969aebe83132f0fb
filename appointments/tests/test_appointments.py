"""Appointments at the receiving unit (issue 15, item 4): slots from the work calendar and the
unit's schedule, booking, moving, cancelling, the receipt and e-mail, the officers' day list."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from appointments.constants import AppointmentStatus
from appointments.models import Appointment, AppointmentSchedule, SlotLoad
from appointments.services import AppointmentRefused, book, cancel, day_list, needs_appointment, open_slots
from dossiers.models import Dossier, OfficerAssignment
from dossiers.services.builder import build_dossier
from dossiers.tests.factories import make_citizen
from forms.models import FormVersion, OnlineForm
from procedures.tests.factories import make_agency, make_procedure
from workdays.constants import DayKind
from workdays.models import Holiday

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 7 December 2026, 08:00: slots from 09:00 (an hour's lead).
NOW = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=VN)


def at(day, hh, mm=0):
    return datetime.datetime(2026, 12, day, hh, mm, tzinfo=VN)


@pytest.fixture
def unit():
    agency = make_agency(name="UBND phường Tân An", code="000.00.42.H56", address="Số 1 Võ Văn Tần")
    AppointmentSchedule.objects.create(
        agency=agency, slot_minutes=60, capacity=2, days_ahead=3, place="Quầy 2"
    )
    return agency


def make_dossier(unit, *, user=None, in_person=True, email="cong.dan@example.vn"):
    page = make_procedure(implementing_agency=unit, online_level="full")
    form = OnlineForm.objects.create(procedure=page)
    schema = {"in_person": [{"label": "Sổ hộ khẩu", "help_text": ""}] if in_person else []}
    version = FormVersion.objects.create(form=form, number=1, schema=schema, schema_hash=str(page.pk))
    return build_dossier(
        procedure=page,
        applicant={"name": "Trần Văn Bình", "phone": "0912345678", "email": email},
        submitted_at=NOW,
        user=user,
        form_version=version,
    )


def test_slots_follow_the_work_calendar_and_the_schedule(unit):
    Holiday.objects.create(date=datetime.date(2026, 12, 8), kind=DayKind.HOLIDAY, name="Ngày nghỉ thử")
    slots = open_slots(unit, now=NOW)
    days = sorted({timezone.localtime(s.start).date() for s in slots})
    # today, then 3 working days: Tue 8 is a holiday, Sat 12 / Sun 13 are weekend days
    assert days == [datetime.date(2026, 12, d) for d in (7, 9, 10, 11)]
    today = [timezone.localtime(s.start).time() for s in slots if timezone.localtime(s.start).date().day == 7]
    # 07:30-11:30 and 13:00-17:00 in 60-minute slots, from 09:00 on (lead time); none in the lunch break
    assert [t.strftime("%H:%M") for t in today] == ["09:30", "10:30", "13:00", "14:00", "15:00", "16:00"]
    assert all(s.capacity == 2 and s.free == 2 for s in slots)


def test_a_unit_without_a_schedule_uses_the_defaults_and_a_paused_one_offers_nothing(unit):
    other = make_agency(code="000.00.43.H56")
    assert open_slots(other, now=NOW)  # defaults: 30 minutes, 4 places
    AppointmentSchedule.objects.filter(agency=unit).update(is_active=False)
    assert open_slots(unit, now=NOW) == []


def test_book_move_cancel_and_capacity(unit):
    first, second, third = (make_dossier(unit) for _ in range(3))
    slot = at(9, 9, 30)
    a = book(dossier=first, start=slot, now=NOW)
    assert a.status == AppointmentStatus.BOOKED and a.end == at(9, 10, 30) and a.place == "Quầy 2"
    book(dossier=second, start=slot, now=NOW)
    with pytest.raises(AppointmentRefused) as full:
        book(dossier=third, start=slot, now=NOW)
    assert "hết chỗ" in full.value.message
    assert SlotLoad.objects.get(start=slot).booked == 2
    assert not third.appointments.exists()
    # moving frees the old place
    moved = book(dossier=first, start=at(9, 13), now=NOW)
    assert first.appointments.filter(status="booked").get() == moved
    assert SlotLoad.objects.get(start=slot).booked == 1
    book(dossier=third, start=slot, now=NOW)  # the freed place
    assert cancel(moved) and not cancel(moved)
    assert SlotLoad.objects.get(start=at(9, 13)).booked == 0


def test_only_offered_slots_can_be_booked(unit):
    dossier = make_dossier(unit)
    # within the hour's lead, the lunch break, a Saturday, off the slot grid, beyond 3 working days
    for start in (at(7, 8, 30), at(7, 12), at(12, 9, 30), at(9, 9, 45), at(14, 9, 30)):
        with pytest.raises(AppointmentRefused):
            book(dossier=dossier, start=start, now=NOW)
    assert not Appointment.objects.exists()


def test_booking_sends_an_email_with_the_slot_and_what_to_bring(unit, django_capture_on_commit_callbacks):
    dossier = make_dossier(unit)
    with django_capture_on_commit_callbacks(execute=True):
        book(dossier=dossier, start=at(9, 9, 30), now=NOW)
    message = mail.outbox[-1]
    assert dossier.code in message.subject
    assert "09:30–10:30" in message.body and "09/12/2026" in message.body
    assert "UBND phường Tân An" in message.body and "Quầy 2" in message.body and "Sổ hộ khẩu" in message.body
    assert f"/lich-hen/{dossier.code}/" in message.body


def test_needs_appointment_reads_the_in_person_documents_and_a_result_to_collect(unit):
    assert needs_appointment(make_dossier(unit))
    plain = make_dossier(unit, in_person=False)
    assert not needs_appointment(plain)
    Dossier.objects.filter(pk=plain.pk).update(status="9")  # processed: the result waits at the unit
    plain.refresh_from_db()
    assert needs_appointment(plain)
    from appointments.services import purpose_of

    assert (
        purpose_of(plain) == "result" and book(dossier=plain, start=at(9, 9, 30), now=NOW).purpose == "result"
    )


def test_a_signed_electronic_result_makes_coming_for_the_paper_copy_optional(
    client, unit, settings, tmp_path
):
    from signing.models import SignedDocument
    from signing.services import ensure_demo_key

    settings.SIGNING_DIR = tmp_path / "signing"
    citizen = make_citizen()
    dossier = make_dossier(unit, user=citizen, in_person=False)
    Dossier.objects.filter(pk=dossier.pk).update(status="9")
    dossier.refresh_from_db()
    key = ensure_demo_key(unit)
    SignedDocument.objects.create(dossier_code=dossier.code, agency=unit, key=key, signed_at=timezone.now(),
                                  file_sha256="0" * 64, signature_sha256="1" * 64, size=1)  # fmt: skip
    assert not needs_appointment(dossier)
    client.force_login(citizen)
    body = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert (
        "Nhận bản giấy (không bắt buộc)" in body and "Hãy đặt lịch hẹn đến nhận để không phải chờ" not in body
    )
    assert reverse("appointments:book", args=[dossier.code]) in body


@pytest.mark.engine
def test_citizen_books_moves_and_cancels_on_the_page(client, unit, settings):
    citizen = make_citizen()
    dossier = make_dossier(unit, user=citizen)
    client.force_login(citizen)
    url = reverse("appointments:book", args=[dossier.code])
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200 and 'name="khung_gio"' in body and "Sổ hộ khẩu" in body
    slots = open_slots(unit)
    choice = slots[0]
    response = client.post(url, {"khung_gio": choice.key}, follow=True)
    assert "Đã đặt lịch hẹn" in response.content.decode()
    assert dossier.appointments.get().start == choice.start
    # bad input: nothing chosen, a made-up time; the booking stays
    for value in ("", "2026-13-40T99:99", "2020-01-01T09:00"):
        bad = client.post(url, {"khung_gio": value})
        assert bad.status_code == 400 and 'role="alert"' in bad.content.decode()
    assert dossier.appointments.get(status="booked").start == choice.start
    client.post(url, {"khung_gio": slots[1].key})
    assert dossier.appointments.get(status="booked").start == slots[1].start
    receipt = client.get(reverse("dossiers:receipt", args=[dossier.code])).content.decode()
    assert (
        "Lịch hẹn tại cơ quan" in receipt and timezone.localtime(slots[1].start).strftime("%H:%M") in receipt
    )
    client.post(reverse("appointments:cancel", args=[dossier.code]))
    assert not dossier.appointments.filter(status="booked").exists()
    assert "Đặt lịch hẹn" in client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    # someone else's dossier is not found
    client.force_login(make_citizen())
    assert client.get(url).status_code == 404


@pytest.mark.engine
def test_officers_see_the_days_list_of_their_units(client, unit, django_user_model):
    mine, theirs = make_dossier(unit), make_dossier(make_agency(code="000.00.44.H56"))
    book(dossier=mine, start=at(9, 9, 30), now=NOW)
    book(dossier=theirs, start=at(9, 10, 30), now=NOW)
    officer = django_user_model.objects.create_user("canbo.thu", password="x")
    OfficerAssignment.objects.create(user=officer, agency=unit, role="reception")
    from dossiers.access import visible_dossiers

    assert [a.dossier for a in day_list(visible_dossiers(officer), datetime.date(2026, 12, 9))] == [mine]
    client.force_login(officer)
    page = client.get(reverse("appointments_day") + "?ngay=2026-12-09").content.decode()
    assert mine.code in page and theirs.code not in page and "09:30" in page
    assert (
        "Không có lịch hẹn" in client.get(reverse("appointments_day") + "?ngay=2026-12-10").content.decode()
    )
    assert client.get(reverse("appointments_day") + "?ngay=khong-phai-ngay").status_code == 200
    client.force_login(make_citizen())
    assert client.get(reverse("appointments_day")).status_code in (302, 403)
