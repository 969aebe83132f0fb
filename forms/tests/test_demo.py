import io

import pytest
from django.core.management import call_command

from dossiers.tests.factories import make_citizen, make_online_procedure
from dossiers.tests.flow import submit_url
from forms.demo import DEMO_FORMS, load_demo_forms
from forms.models import OnlineForm
from forms.services import current_version

pytestmark = pytest.mark.django_db


def test_missing_procedures_are_skipped():
    assert load_demo_forms() == 0


def test_demo_forms_are_created_idempotently_and_render(client):
    for code in DEMO_FORMS:
        make_online_procedure(code=code).online_form.delete()
    assert load_demo_forms() == 3
    assert load_demo_forms() == 3
    assert OnlineForm.objects.count() == 3
    client.force_login(make_citizen())
    for form in OnlineForm.objects.select_related("procedure"):
        version = current_version(form)
        assert len(version.schema["steps"]) == 3 and version.schema["uploads"]
        assert client.get(submit_url(form.procedure) + "?buoc=buoc-1").status_code == 200
    # running again does not create a new version when nothing changed
    numbers = {form.pk: current_version(form).number for form in OnlineForm.objects.all()}
    load_demo_forms()
    assert {form.pk: current_version(form).number for form in OnlineForm.objects.all()} == numbers


def test_rerunning_keeps_what_editors_changed():
    for code in DEMO_FORMS:
        make_online_procedure(code=code).online_form.delete()
    load_demo_forms()
    form = OnlineForm.objects.get(procedure__code="1.001193")
    form.intro = "Hướng dẫn do biên tập viên sửa."
    form.upload_slots.update(max_size_mb=2)
    form.save()
    assert load_demo_forms() == 3
    form.refresh_from_db()
    assert form.intro == "Hướng dẫn do biên tập viên sửa."
    assert set(form.upload_slots.values_list("max_size_mb", flat=True)) == {2}


@pytest.mark.engine  # load_demo pays a demo fee through the simulator, served from threads
def test_make_run_demo_data_has_the_three_online_forms(client, settings, tmp_path):
    """`manage.py load_demo` (what `make run` calls) gives the three roadmap procedures a working
    online form: button on the published page, every step of the wizard renders."""
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SIGNING_DIR = tmp_path / "signing"
    call_command("load_demo", stdout=io.StringIO())
    from procedures.services import find_by_code

    forms = [OnlineForm.objects.get(procedure=find_by_code(code)) for code in DEMO_FORMS]
    client.force_login(make_citizen())
    for form in forms:
        procedure = form.procedure
        assert procedure.live and form.is_active
        page = client.get(procedure.url)
        assert page.status_code == 200 and submit_url(procedure) in page.content.decode()
        schema = current_version(form).schema
        components = set(procedure.components.values_list("name", flat=True))
        assert schema["uploads"] and {slot["component"] for slot in schema["uploads"]} <= components
        for step in [s["key"] for s in schema["steps"]] + ["giay-to", "xac-nhan"]:
            response = client.get(submit_url(procedure) + f"?buoc={step}")
            assert response.status_code == 200 and 'aria-current="step"' in response.content.decode()
