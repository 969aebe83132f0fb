"""Content health by agency (issue 19, item 5; procedures/health.py and the admin report)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from procedures import health
from procedures.constants import LegacyLevel, OnlineLevel
from procedures.models import ProcedurePage
from procedures.permissions import DOJ_EDITORS_GROUP, add_agency_editor, setup_editorial_roles

from .factories import make_agency, make_full_procedure

OFFLINE = {"online_level": OnlineLevel.NONE, "legacy_level": LegacyLevel.LEVEL_2}

# engine: dates compared in SQL, the admin's queries (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def catalog(settings, tmp_path):
    """A healthy procedure, and one failing each check, over two agencies."""
    settings.MEDIA_ROOT = tmp_path
    healthy = make_full_procedure(**OFFLINE)  # a full record, just published, its forms on disk
    index = healthy.get_parent().specific
    other = make_agency(name="Sở Xây dựng", slug="so-xay-dung")
    incomplete = make_full_procedure(
        **OFFLINE, index=index, code="1.000002", steps="", implementing_agency=other
    )
    stale = make_full_procedure(
        **OFFLINE, index=index, code="1.000003", title="Cấp lại giấy phép", implementing_agency=other
    )
    ProcedurePage.objects.filter(pk=stale.pk).update(last_published_at=timezone.now() - timedelta(days=400))
    broken = make_full_procedure(**OFFLINE, index=index, code="1.000004", title="Cấp bản sao")
    document = broken.documents.first().document
    document.file.storage.delete(document.file.name)  # the file is gone from storage
    blocked = make_full_procedure(**OFFLINE, index=index, code="1.000005", title="Đăng ký kết hôn",
                                  implementing_agency=make_agency(name="UBND xã", slug="ubnd-xa"))  # fmt: skip
    ProcedurePage.objects.filter(pk=blocked.pk).update(online_level="full")
    return {
        "healthy": healthy,
        "incomplete": incomplete,
        "stale": stale,
        "broken": broken,
        "blocked": blocked,
    }


def test_each_check_finds_its_procedure_and_only_it(catalog):
    expected = {
        "incomplete": "incomplete",
        "stale": "stale",
        "broken_downloads": "broken",
        "online_blocked": "blocked",
    }
    for check, name in expected.items():
        found = [page.pk for page, _reason in health.problem_pages(check)]
        assert catalog[name].pk in found, check
        assert catalog["healthy"].pk not in found, check
    (_page, reason), *_ = health.problem_pages(
        "broken_downloads", agency_id=catalog["broken"].implementing_agency_id
    )
    assert "Hướng dẫn điền tờ khai" in reason


def test_counts_by_agency_and_the_agency_editors_scope(catalog, client):
    rows = {row.agency_name: row.counts for row in health.agency_counts()}
    assert rows["Sở Xây dựng"]["incomplete"] == 1 and rows["Sở Xây dựng"]["stale"] == 1
    assert rows["UBND xã"]["online_blocked"] == 1
    setup_editorial_roles()
    User = get_user_model()
    agency_editor = User.objects.create_user("sxd@example.vn", "sxd@example.vn", "x", is_staff=True)
    add_agency_editor(user=agency_editor, agency=catalog["stale"].implementing_agency)
    client.force_login(agency_editor)
    page = client.get("/admin/reports/suc-khoe-noi-dung/").content.decode()
    assert "Sở Xây dựng" in page and "UBND xã" not in page
    listing = client.get(
        f"/admin/reports/suc-khoe-noi-dung/?kiem-tra=stale&co-quan={catalog['stale'].implementing_agency_id}"
    )
    assert f"/admin/pages/{catalog['stale'].pk}/edit/" in listing.content.decode()  # straight to the page


def test_the_report_is_for_editors(catalog, client):
    setup_editorial_roles()
    User = get_user_model()
    editor = User.objects.create_user("doj@example.vn", "doj@example.vn", "x", is_staff=True)
    editor.groups.add(Group.objects.get(name=DOJ_EDITORS_GROUP))
    client.force_login(editor)
    page = client.get("/admin/reports/suc-khoe-noi-dung/")
    assert page.status_code == 200 and "Sức khỏe nội dung" in page.content.decode()
    assert "UBND xã" in page.content.decode()
    someone = User.objects.create_user("x@example.vn", "x@example.vn", "x", is_staff=True)
    client.force_login(someone)
    assert client.get("/admin/reports/suc-khoe-noi-dung/").status_code in (302, 403)
