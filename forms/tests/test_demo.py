import pytest

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
