"""No overbooking under parallel requests (PostgreSQL: real row locks between real connections)."""

import datetime
import threading

import pytest
from django.db import connections

from appointments.models import Appointment, AppointmentSchedule, SlotLoad
from appointments.services import AppointmentRefused, book, open_slots
from procedures.tests.factories import make_agency

from .test_appointments import make_dossier


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_never_exceed_the_capacity():
    unit = make_agency(name="UBND xã Bến Lức", code="000.00.44.H56")
    AppointmentSchedule.objects.create(agency=unit, slot_minutes=30, capacity=3, days_ahead=5)
    dossiers = [make_dossier(unit) for _ in range(10)]
    start = open_slots(unit)[0].start
    barrier = threading.Barrier(len(dossiers))
    booked, refused, errors = [], [], []

    def attempt(dossier):
        try:
            barrier.wait(timeout=30)
            booked.append(book(dossier=dossier, start=start))
        except AppointmentRefused as exc:
            refused.append(exc)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(d,)) for d in dossiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert (len(booked), len(refused)) == (3, 7)
    assert Appointment.objects.filter(start=start, status="booked").count() == 3
    assert SlotLoad.objects.get(agency=unit, start=start).booked == 3
    assert start > datetime.datetime.now(datetime.UTC)
