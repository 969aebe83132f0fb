"""Dossier codes use the receiving unit's real identifier (issue 15, item 3): no placeholder."""

import pytest
from django.utils import timezone

from dossiers.services.builder import NoReceivingUnit, build_dossier
from procedures.tests.factories import make_agency, make_procedure

pytestmark = pytest.mark.django_db

APPLICANT = {"name": "Nguyễn Văn A", "phone": "0912345678", "email": "", "citizen_id": "", "address": ""}


def test_the_code_opens_with_the_receiving_units_identifier(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    page = make_procedure(implementing_agency=make_agency(code="000.00.13.H56"), online_level="full")
    dossier = build_dossier(procedure=page, applicant=APPLICANT, submitted_at=timezone.now())
    assert dossier.code.startswith("000.00.13.H56-") and dossier.agency_code == "000.00.13.H56"
    assert dossier.receiving_unit == dossier.competent_agency == page.implementing_agency


def test_a_public_administration_centre_receives_with_its_own_code(settings):
    centre = make_agency(slug="ttpvhcc", code="000.00.01.H56")
    settings.DOSSIER_RECEIVING_UNIT = "ttpvhcc"
    page = make_procedure(implementing_agency=make_agency(code="000.00.13.H56"), online_level="full")
    dossier = build_dossier(procedure=page, applicant=APPLICANT, submitted_at=timezone.now())
    assert dossier.code.startswith("000.00.01.H56-")
    assert dossier.receiving_unit == centre and dossier.competent_agency == page.implementing_agency


def test_no_unit_with_a_code_no_dossier_and_no_placeholder(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    page = make_procedure(implementing_agency=make_agency(name="Sở chưa có mã"))
    with pytest.raises(NoReceivingUnit):
        build_dossier(procedure=page, applicant=APPLICANT, submitted_at=timezone.now())
    from dossiers.models import Dossier

    assert not Dossier.objects.exists()


def test_a_commune_chosen_for_a_generic_agency_receives_and_processes(settings):
    settings.DOSSIER_RECEIVING_UNIT = ""
    communes = make_agency(name="Ủy ban nhân dân xã, phường")
    tan_an = make_agency(name="UBND phường Tân An", parent=communes, code="000.00.42.H56")
    make_agency(name="UBND xã Bến Lức", parent=communes, code="000.00.44.H56")
    page = make_procedure(implementing_agency=communes, online_level="full")
    with pytest.raises(NoReceivingUnit):  # two communes: someone has to choose
        build_dossier(procedure=page, applicant=APPLICANT, submitted_at=timezone.now())
    dossier = build_dossier(
        procedure=page, applicant=APPLICANT, submitted_at=timezone.now(), receiving_unit=tan_an
    )
    assert dossier.code.startswith("000.00.42.H56-")
    assert dossier.receiving_unit == dossier.competent_agency == tan_an
