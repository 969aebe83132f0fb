"""Statistics in the admin: the figures drill down to the procedures behind them; agencies see their own."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from roadmap.constants import MONITOR_GROUP_NAME
from roadmap.models import AgencyAccess

# engine: the admin reads the statistics' raw SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def world(world_once):
    return world_once


def _user(name, group):
    user = User.objects.create_user(name, password="x")
    user.groups.add(group)
    return user


def test_monitor_sees_every_agency_and_drills_down_to_the_records(client, world):
    client.force_login(_user("giamsat", Group.objects.get(name=MONITOR_GROUP_NAME)))
    html = client.get(reverse("stats_admin:dashboard"), {"nam": "2018"}).content.decode()
    assert "Sở Alpha" in html and "Sở Beta" in html
    records = client.get(reverse("stats_admin:records"), {"ngay": "2018-12-31", "chi_so": "level3plus"})
    text = records.content.decode()
    assert records.context["count"] == 2
    assert "1.000001" in text and "1.000003" in text and "1.000004" not in text
    incomplete = client.get(reverse("stats_admin:records"), {"ngay": "2015-12-31", "chi_so": "incomplete"})
    assert [r.procedure.code for r in incomplete.context["page_obj"]] == ["1.000002"]


def test_agency_staff_see_only_their_agency(client, world):
    group = Group.objects.create(name="Cán bộ Sở Beta")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    AgencyAccess.objects.create(group=group, agency=world.agencies["b"])
    client.force_login(_user("sobeta", group))
    html = client.get(reverse("stats_admin:dashboard"), {"nam": "2018"}).content.decode()
    assert "Sở Beta" in html and "Sở Alpha" not in html
    # Asking for another agency still shows their own.
    records = client.get(reverse("stats_admin:records"), {"ngay": "2018-12-31", "co_quan": "so-alpha"})
    codes = {r.procedure.code for r in records.context["page_obj"]}
    assert codes == {"1.000003", "1.000004", "1.000005"}


def test_other_users_cannot_open_the_admin_statistics(client, world):
    group = Group.objects.create(name="Biên tập khác")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(_user("khac", group))
    assert client.get(reverse("stats_admin:dashboard")).status_code in (302, 403)
