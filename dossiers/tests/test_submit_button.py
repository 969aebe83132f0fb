"""The "Nộp hồ sơ trực tuyến" button of a procedure page (dossiers/_submit_button.html)."""

import pytest
from django.template.loader import render_to_string

from dossiers.tests.flow import submit_url

pytestmark = pytest.mark.django_db


def test_submit_button_on_the_procedure_page(procedure):
    html = render_to_string("dossiers/_submit_button.html", {"procedure": procedure})
    assert "Nộp hồ sơ trực tuyến" in html and submit_url(procedure) in html
    form = procedure.online_form
    form.is_active = False
    form.save()
    procedure.refresh_from_db()
    assert "Nộp hồ sơ trực tuyến" not in render_to_string(
        "dossiers/_submit_button.html", {"procedure": procedure}
    )


def test_submit_button_without_a_hand_built_form_and_absent_when_not_online(procedure):
    procedure.online_form.delete()
    procedure.refresh_from_db()
    html = render_to_string("dossiers/_submit_button.html", {"procedure": procedure})
    assert "Nộp hồ sơ trực tuyến" in html and submit_url(procedure) in html  # built from the record
    procedure.online_level = "none"
    procedure.save_revision().publish()
    procedure.refresh_from_db()
    html = render_to_string("dossiers/_submit_button.html", {"procedure": procedure})
    assert "Nộp hồ sơ" not in html and submit_url(procedure) not in html
