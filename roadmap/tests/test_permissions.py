"""The monitor role edits roadmaps and links; an agency's staff read their own items only."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone

from roadmap.constants import MONITOR_GROUP_NAME, LevelSource, LinkOrigin
from roadmap.models import AgencyAccess, ItemProcedureLink, ProcedureLevelRecord
from roadmap.roles import setup_monitor_role

from .factories import make_agency, make_item, make_procedure, make_roadmap

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_roadmap_roadmapitem:list"


@pytest.fixture
def setup():
    alpha, beta = make_agency("Sở Alpha"), make_agency("Sở Beta")
    roadmap = make_roadmap()
    mine = make_item(roadmap, 1, "Cấp giấy phép xây dựng", agency=alpha)
    theirs = make_item(roadmap, 2, "Đăng ký kinh doanh", agency=beta)
    monitor = User.objects.create_user("giamsat", password="x")
    monitor.groups.add(Group.objects.get(name=MONITOR_GROUP_NAME))
    staff_group = Group.objects.create(name="Cán bộ Sở Alpha")
    staff_group.permissions.add(Permission.objects.get(codename="access_admin"))
    AgencyAccess.objects.create(group=staff_group, agency=alpha)
    staff = User.objects.create_user("soalpha", password="x")
    staff.groups.add(staff_group)
    outsider = User.objects.create_user("khac", password="x")
    outsider.groups.add(Group.objects.create(name="Khác"))
    outsider.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    return {"monitor": monitor, "staff": staff, "outsider": outsider, "mine": mine, "theirs": theirs}


def test_monitor_group_is_created_by_migration_and_idempotent():
    group = Group.objects.get(name=MONITOR_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_roadmapitem", "add_procedurelevelrecord", "change_roadmap"} <= codenames
    setup_monitor_role()
    assert group.permissions.count() == len(codenames)


def test_monitor_edits_items_and_confirms_links(client, setup):
    client.force_login(setup["monitor"])
    item = setup["mine"]
    assert client.get(reverse(LIST)).status_code == 200
    assert client.get(reverse("wagtailsnippets_roadmap_roadmapitem:edit", args=[item.pk])).status_code == 200
    page = make_procedure("Cấp giấy phép xây dựng nhà ở riêng lẻ")
    links_url = reverse("roadmap_admin:item_links", args=[item.pk])
    html = client.get(links_url).content.decode()
    assert page.code in html  # suggested by name
    assert not ItemProcedureLink.objects.exists()  # a suggestion is not a link
    response = client.post(links_url, {"action": "confirm", "procedure": [page.pk], "origin": "name"})
    assert response.status_code == 302
    link = ItemProcedureLink.objects.get()
    assert (link.procedure, link.confirmed_by, link.origin) == (page, setup["monitor"], LinkOrigin.NAME)
    history = client.get(reverse("wagtailsnippets_roadmap_roadmapitem:history", args=[item.pk]))
    assert "Đã xác nhận thủ tục thực hiện hạng mục" in history.content.decode()
    client.post(links_url, {"action": "remove", "link": link.pk})
    assert not ItemProcedureLink.objects.exists()
    bad = client.post(links_url, {"action": "add_code", "code": "9.999999"}, follow=True)
    assert "Không tìm thấy thủ tục có mã “9.999999”" in bad.content.decode()


def test_monitor_records_a_past_level_change_without_editing_the_page(client, setup):
    client.force_login(setup["monitor"])
    page = make_procedure()
    url = reverse("wagtailsnippets_roadmap_procedurelevelrecord:add")
    response = client.post(
        url,
        {
            "procedure": page.pk,
            "effective_date": "2018-03-01",
            "in_force": "on",
            "online_level": "partial",
            "legacy_level": "3",
            "complete": "on",
            "note": "Quyết định 123/QĐ-UBND",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ProcedureLevelRecord.objects.get(procedure=page, effective_date=datetime.date(2018, 3, 1))
    assert (record.source, record.recorded_by) == (LevelSource.MANUAL, setup["monitor"])
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"procedure": page.pk, "effective_date": future, "online_level": "none"})
    assert response.status_code == 200
    assert "không được ở tương lai" in response.content.decode()
    # A record written by publication cannot be edited, even by the monitor.
    published = ProcedureLevelRecord.objects.get(procedure=page, source=LevelSource.PUBLISH)
    edit = reverse("wagtailsnippets_roadmap_procedurelevelrecord:edit", args=[published.pk])
    assert client.get(edit).status_code in (302, 403)


def test_agency_staff_see_their_own_items_read_only(client, setup):
    client.force_login(setup["staff"])
    listing = client.get(reverse(LIST))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Cấp giấy phép xây dựng" in html and "Đăng ký kinh doanh" not in html
    inspect = "wagtailsnippets_roadmap_roadmapitem:inspect"
    assert client.get(reverse(inspect, args=[setup["mine"].pk])).status_code == 200
    assert client.get(reverse(inspect, args=[setup["theirs"].pk])).status_code in (302, 403)
    edit = reverse("wagtailsnippets_roadmap_roadmapitem:edit", args=[setup["mine"].pk])
    assert client.get(edit).status_code in (302, 403)
    assert client.post(edit, {"service": "Đổi tên"}).status_code in (302, 403)
    setup["mine"].refresh_from_db()
    assert setup["mine"].service == "Cấp giấy phép xây dựng"
    links = reverse("roadmap_admin:item_links", args=[setup["mine"].pk])
    make_procedure(code="1.000001")
    assert client.post(links, {"action": "add_code", "code": "1.000001"}).status_code in (302, 403)
    assert not ItemProcedureLink.objects.exists()


def test_other_staff_and_anonymous_users_see_nothing(client, setup):
    client.force_login(setup["outsider"])
    assert client.get(reverse(LIST)).status_code in (302, 403)
    client.logout()
    response = client.get(reverse(LIST))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_suggestions_come_from_the_portal_search_for_a_group(setup):
    from roadmap.services import suggest_procedures
    from roadmap.services.links import search_text

    item = make_item(setup["mine"].roadmap, 29, "Các thủ tục liên quan đến cấp giấy phép xây dựng")
    assert search_text(item) == "cấp giấy phép xây dựng"
    new = make_procedure("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ")
    renew = make_procedure("Gia hạn giấy phép xây dựng")
    other = make_procedure("Đăng ký khai sinh")
    suggestions = suggest_procedures(item=item)
    assert {s.origin for s in suggestions} == {LinkOrigin.SEARCH}
    found = [s.procedure.pk for s in suggestions]
    assert new.pk in found and renew.pk in found and other.pk not in found
    assert not ItemProcedureLink.objects.filter(item=item).exists()


def test_folded_name_match_when_the_search_finds_nothing(setup):
    from procedures.models import ProcedurePage
    from roadmap.services.links import _name_suggestions

    item = make_item(setup["mine"].roadmap, 30, "Cấp, đổi giấy phép lái xe")
    licence = make_procedure("Đổi giấy phép lái xe do ngành Giao thông vận tải cấp")
    make_procedure("Đăng ký kết hôn")
    found = _name_suggestions(item, ProcedurePage.objects.live(), 10)
    assert [s.procedure.pk for s in found] == [licence.pk]
    assert found[0].origin == LinkOrigin.NAME


def test_an_agencys_editors_see_its_items_without_extra_setup(client, setup):
    from procedures.permissions import ensure_agency_editor_group

    beta = setup["theirs"].agency
    group = ensure_agency_editor_group(agency=beta)
    editor = User.objects.create_user("biensoạnbeta", password="x")
    editor.groups.add(group)
    client.force_login(editor)
    html = client.get(reverse(LIST)).content.decode()
    assert "Đăng ký kinh doanh" in html and "Cấp giấy phép xây dựng" not in html
