"""Names in Vietnamese order: family name first."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from core.names import full_name
from dossiers.lifecycle import actor_label


def test_family_name_comes_first():
    assert full_name(SimpleNamespace(last_name="Nguyễn Văn", first_name="An")) == "Nguyễn Văn An"
    assert full_name(SimpleNamespace(last_name=" ", first_name="An")) == "An"
    assert full_name(SimpleNamespace(last_name="", first_name="")) == ""


@pytest.mark.django_db
def test_history_and_slips_name_the_officer_in_vietnamese_order():
    officer = get_user_model().objects.create_user("canbo", first_name="cửa", last_name="Cán bộ một")
    assert actor_label(officer) == "Cán bộ một cửa"  # was "cửa Cán bộ một" on the demo's apology slip


@pytest.mark.django_db
def test_the_admin_shows_names_in_vietnamese_order(client):
    """Wagtail names people with Django's get_full_name (history, "edited by", the users list, the
    workflow e-mails): the accounts app makes it family name first."""
    from django.contrib.auth import get_user_model
    from wagtail.admin.utils import get_user_display_name

    admin = get_user_model().objects.create_superuser(
        "quantri", "quantri@example.vn", "x", first_name="Hoa", last_name="Nguyễn Thị"
    )
    assert admin.get_full_name() == get_user_display_name(admin) == "Nguyễn Thị Hoa"
    client.force_login(admin)
    page = client.get("/admin/users/").content.decode()
    assert "Nguyễn Thị Hoa" in page and "Hoa Nguyễn Thị" not in page
