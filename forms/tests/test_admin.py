"""Editors attach online forms in the Wagtail admin; administrators edit the holiday calendar."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forms.models import OnlineForm
from forms.schema import build_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(user)
    return client


def test_online_form_listing_and_edit_pages_render(admin_client, procedure):
    assert admin_client.get(reverse("online_forms:index")).status_code == 200
    assert admin_client.get(reverse("online_forms:add")).status_code == 200
    edit = admin_client.get(reverse("online_forms:edit", args=[procedure.online_form.pk]))
    html = edit.content.decode()
    assert edit.status_code == 200
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in html  # the procedure's components are offered


def test_a_form_created_without_slots_asks_for_the_record_components(admin_client, procedure):
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
    assert not form.upload_slots.exists()  # no slots of its own: the record's components are the uploads
    schema = build_schema(form)
    assert [(u["label"], u["required"]) for u in schema["uploads"]] == [
        ("Giấy đề nghị đăng ký hộ kinh doanh", True),
        ("Bản sao hợp đồng thuê địa điểm", True),
    ]


def test_holiday_calendar_is_editable(admin_client):
    assert admin_client.get(reverse("holidays:index")).status_code == 200
    response = admin_client.post(
        reverse("holidays:add"), {"date": "2026-05-02", "name": "Làm bù", "kind": "makeup", "note": "CV 123"}
    )
    assert response.status_code == 302
    from workdays.models import Holiday

    assert Holiday.objects.get(date="2026-05-02").kind == "makeup"


def test_deleting_a_used_form_or_its_procedure_never_breaks_dossiers_or_drafts(
    admin_client, procedure, other_procedure
):
    """The frozen versions outlive the form: the admin deletes it (no error), the dossier keeps its
    version and still renders, and the citizen's page still works with a draft on that form."""
    from django.test import Client

    from dossiers.models import Dossier, Draft
    from dossiers.tests.factories import make_citizen
    from dossiers.tests.flow import applicant_values, complete_wizard, post_step, submit_url
    from forms.models import FormVersion

    client = Client()
    client.force_login(make_citizen())
    complete_wizard(client, procedure)
    dossier = Dossier.objects.get()
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())  # an open draft on the same form
    form_pk = procedure.online_form.pk

    response = admin_client.post(reverse("online_forms:delete", args=[form_pk]))
    assert response.status_code == 302
    assert not OnlineForm.objects.filter(pk=form_pk).exists()
    version = FormVersion.objects.get()
    assert version.form is None and version.schema["steps"][1]["fields"][0]["key"] == "ten_ho"
    dossier.refresh_from_db()
    assert dossier.form_version == version and Draft.objects.filter(form_version=version).count() == 2
    receipt = client.get(reverse("dossiers:receipt", args=[dossier.code]))
    assert receipt.status_code == 200 and "Hộ kinh doanh Tạp hóa Minh Khai" in receipt.content.decode()
    mine = client.get(reverse("accounts:my_dossiers"))
    assert mine.status_code == 200 and dossier.code in mine.content.decode()
    # still advertised online: it takes dossiers with a submission built from its record
    assert client.get(submit_url(procedure)).status_code == 200
    assert OnlineForm.objects.get(procedure=procedure).upload_slots.count() == 0

    other = other_procedure
    complete_wizard(client, other)
    other.delete()  # the procedure page itself (its form goes with it)
    code = Dossier.objects.get(procedure_code=other.code).code
    assert client.get(reverse("dossiers:receipt", args=[code])).status_code == 200
