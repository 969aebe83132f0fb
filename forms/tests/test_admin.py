"""Editors attach online forms in the Wagtail admin; administrators edit the holiday calendar."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dossiers.tests.factories import make_online_procedure
from forms.models import OnlineForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(user)
    return client


def test_online_form_listing_and_edit_pages_render(admin_client):
    procedure = make_online_procedure()
    assert admin_client.get(reverse("online_forms:index")).status_code == 200
    assert admin_client.get(reverse("online_forms:add")).status_code == 200
    edit = admin_client.get(reverse("online_forms:edit", args=[procedure.online_form.pk]))
    html = edit.content.decode()
    assert edit.status_code == 200
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in html  # the procedure's components are offered


def test_creating_a_form_adds_upload_slots_for_every_component(admin_client):
    procedure = make_online_procedure()
    procedure.online_form.delete()
    data = {
        "procedure": procedure.pk,
        "is_active": "on",
        "intro": "",
        "steps-count": "0",
        "declaration": "Tôi cam đoan.",
        "upload_slots-TOTAL_FORMS": "0",
        "upload_slots-INITIAL_FORMS": "0",
        "upload_slots-MIN_NUM_FORMS": "0",
        "upload_slots-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(reverse("online_forms:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    form = OnlineForm.objects.get(procedure=procedure)
    assert [slot.display_label for slot in form.upload_slots.all()] == [
        "Giấy đề nghị đăng ký hộ kinh doanh",
        "Bản sao hợp đồng thuê địa điểm",
    ]


def test_holiday_calendar_is_editable(admin_client):
    assert admin_client.get(reverse("holidays:index")).status_code == 200
    response = admin_client.post(
        reverse("holidays:add"), {"date": "2026-05-02", "name": "Làm bù", "kind": "makeup", "note": "CV 123"}
    )
    assert response.status_code == 302
    from workdays.models import Holiday

    assert Holiday.objects.get(date="2026-05-02").kind == "makeup"
