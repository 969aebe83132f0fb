"""Management commands for editorial roles: grant_agency_editor, setup_editorial_roles."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, WorkflowPage

from agencies.tests.factories import make_agency, make_user
from procedures.permissions import editable_agency_ids
from procedures.tests.test_permissions import catalog_index

pytestmark = pytest.mark.django_db


def test_grant_agency_editor_links_user_group_and_agency():
    agency = make_agency("Sở Y tế tỉnh Tây Ninh", slug="so-y-te")
    user = make_user("bientap.syt")
    index = catalog_index()
    out = io.StringIO()
    call_command("grant_agency_editor", "bientap.syt", "so-y-te", stdout=out)
    agency.refresh_from_db()
    assert agency.editor_group is not None
    assert user.groups.filter(pk=agency.editor_group.pk).exists()
    assert GroupPagePermission.objects.filter(group=agency.editor_group, page=index).exists()
    assert editable_agency_ids(type(user).objects.get(pk=user.pk)) == {agency.pk}
    assert "Sở Y tế tỉnh Tây Ninh" in out.getvalue()
    # Running it again changes nothing.
    groups = Group.objects.count()
    call_command("grant_agency_editor", "bientap.syt", "so-y-te", stdout=io.StringIO())
    assert Group.objects.count() == groups


def test_grant_agency_editor_explains_unknown_names():
    make_user("co-that")
    with pytest.raises(CommandError, match="Không có người dùng «khong-co»"):
        call_command("grant_agency_editor", "khong-co", "so-y-te")
    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("grant_agency_editor", "co-that", "khong-co")


def test_setup_editorial_roles_command_attaches_the_workflow():
    out = io.StringIO()
    call_command("setup_editorial_roles", stdout=out)
    assert "Chưa có trang danh mục" in out.getvalue()
    index = catalog_index()
    WorkflowPage.objects.filter(page=index).delete()
    out = io.StringIO()
    call_command("setup_editorial_roles", stdout=out)
    assert WorkflowPage.objects.filter(page=index).exists()
    assert "Duyệt thủ tục hành chính" in out.getvalue()
