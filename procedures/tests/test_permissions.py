"""Editors, agencies and reviewers: who may edit, submit, publish and approve which procedure."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from agencies.tests.factories import make_agency, make_user
from home.models import HomePage
from procedures.models import ProcedureIndexPage, ProcedurePage
from procedures.permissions import (
    DOJ_EDITORS_GROUP,
    REVIEW_WORKFLOW_NAME,
    REVIEWERS_GROUP,
    ProcedurePermissionTester,
    add_agency_editor,
    editable_agency_ids,
    setup_editorial_roles,
)
from procedures.tests.module_db import reread, rolled_back

pytestmark = pytest.mark.django_db


# --- builders ---------------------------------------------------------------------------------------
def catalog_index() -> ProcedureIndexPage:
    index = ProcedureIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = home.add_child(
            instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
        )
        setup_editorial_roles()
    return index


def make_procedure(code: str, agency, title: str | None = None, **fields) -> ProcedurePage:
    page = ProcedurePage(
        title=title or f"Thủ tục {code}",
        slug=code.replace(".", "-"),
        code=code,
        implementing_agency=agency,
        **fields,
    )
    catalog_index().add_child(instance=page)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_world()


@pytest.fixture
def world(_world, db):
    """Two agencies (one with a historic predecessor), editors for each role, one procedure per agency;
    built once for the module, read again for each test."""
    return reread(_world)


def build_world() -> dict:
    index = catalog_index()
    xay_dung = make_agency("Sở Xây dựng", slug="so-xay-dung")
    xay_dung_long_an = make_agency(
        "Sở Xây dựng tỉnh Long An",
        slug="so-xay-dung-long-an",
        valid_to=datetime.date(2025, 6, 30),
        successor=xay_dung,
    )
    tu_phap = make_agency("Sở Tư pháp", slug="so-tu-phap")
    doj = make_user("bientap.stp", DOJ_EDITORS_GROUP)
    agency_editor = make_user("bientap.sxd")
    add_agency_editor(user=agency_editor, agency=xay_dung)
    reviewer = make_user("nguoiduyet", REVIEWERS_GROUP)
    own = make_procedure("1.013225", xay_dung, "Cấp giấy phép xây dựng")
    historic = make_procedure("1.009994", xay_dung_long_an, "Cấp giấy phép xây dựng (trước 2025)")
    other = make_procedure("1.001193", tu_phap, "Đăng ký khai sinh")
    return {
        "index": index,
        "xay_dung": xay_dung,
        "tu_phap": tu_phap,
        "doj": doj,
        "agency_editor": agency_editor,
        "reviewer": reviewer,
        "own": own,
        "historic": historic,
        "other": other,
    }


def fresh(user):
    """The user re-read from the database, without per-request permission caches."""
    return type(user).objects.get(pk=user.pk)


def edit_form_data(client, page, **changes):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key, value in changes.items():
        data[key] = value
    return data


# --- the permission tester ---------------------------------------------------------------------------
def test_procedure_pages_use_the_agency_aware_tester(world):
    tester = world["own"].permissions_for_user(world["agency_editor"])
    assert isinstance(tester, ProcedurePermissionTester)
    # A generic Page object is made specific first, so listings get the same answer.
    generic = Page.objects.get(pk=world["own"].pk)
    assert isinstance(generic.permissions_for_user(world["agency_editor"]), ProcedurePermissionTester)


def test_agency_editor_can_edit_own_agency_but_not_publish(world):
    tester = world["own"].permissions_for_user(fresh(world["agency_editor"]))
    assert tester.can_edit()
    assert not tester.can_publish()
    assert not tester.can_unpublish()
    assert not tester.can_delete()
    assert tester.can_submit_for_moderation()


def test_agency_editor_cannot_edit_another_agencys_procedure(world):
    tester = world["other"].permissions_for_user(fresh(world["agency_editor"]))
    assert not tester.can_edit()
    assert not tester.can_publish()
    assert not tester.can_delete()
    assert not tester.can_copy()


def test_agency_editor_covers_predecessor_agencies(world):
    # After the 2025 merger, Sở Xây dựng maintains what Sở Xây dựng tỉnh Long An published.
    assert world["historic"].permissions_for_user(fresh(world["agency_editor"])).can_edit()


def test_doj_editor_can_edit_and_publish_every_procedure(world):
    doj = fresh(world["doj"])
    for key in ("own", "other", "historic"):
        tester = world[key].permissions_for_user(doj)
        assert tester.can_edit() and tester.can_publish()


def test_reviewer_cannot_edit_outside_a_workflow(world):
    assert not world["own"].permissions_for_user(fresh(world["reviewer"])).can_edit()


def test_user_in_both_doj_and_agency_groups_is_unrestricted(world):
    both = make_user("ca-hai", DOJ_EDITORS_GROUP)
    add_agency_editor(user=both, agency=world["xay_dung"])
    both = fresh(both)
    assert world["other"].permissions_for_user(both).can_publish()
    assert editable_agency_ids(both) is None


def test_editable_agency_ids(world):
    assert editable_agency_ids(fresh(world["doj"])) is None
    allowed = editable_agency_ids(fresh(world["agency_editor"]))
    assert world["xay_dung"].pk in allowed
    assert world["own"].implementing_agency_id in allowed
    assert world["historic"].implementing_agency_id in allowed
    assert world["tu_phap"].pk not in allowed


# --- the admin views ---------------------------------------------------------------------------------
def test_agency_editor_gets_403_on_another_agencys_edit_view(client, world):
    client.force_login(world["agency_editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world["other"].pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse("wagtailadmin_pages:edit", args=[world["other"].pk]) not in response["Location"]
    # Nor through the revisions comparison.
    other = world["other"]
    other.title = "Sửa đổi"
    other.save_revision()
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[other.pk, "live", "latest"]))
    assert response.status_code in (302, 403)


def test_agency_editor_edits_and_submits_own_procedure(client, world):
    page = world["own"]
    client.force_login(world["agency_editor"])
    data = edit_form_data(client, page, title="Cấp giấy phép xây dựng (đã sửa)", **{"action-submit": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title == "Cấp giấy phép xây dựng"  # the live version is untouched
    assert page.latest_revision.as_object().title == "Cấp giấy phép xây dựng (đã sửa)"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == REVIEW_WORKFLOW_NAME


def test_agency_editor_cannot_publish_own_procedure(client, world):
    page = world["own"]
    client.force_login(world["agency_editor"])
    data = edit_form_data(client, page, title="Đổi tên rồi xuất bản", **{"action-publish": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    # Wagtail ignores "publish" without the permission: the change is kept as a draft only.
    assert page.title == "Cấp giấy phép xây dựng"
    assert page.has_unpublished_changes
    assert page.latest_revision.as_object().title == "Đổi tên rồi xuất bản"
    assert page.live_revision != page.latest_revision


def test_agency_editor_post_to_another_agencys_page_is_refused(client, world):
    page = world["other"]
    client.force_login(world["doj"])
    data = edit_form_data(client, page, title="Chiếm quyền")
    revisions_before = page.revisions.count()
    client.force_login(world["agency_editor"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code in (302, 403)
    assert page.revisions.count() == revisions_before
    page.refresh_from_db()
    assert page.title == "Đăng ký khai sinh"


def test_doj_editor_edits_and_publishes_any_procedure(client, world):
    page = world["other"]
    client.force_login(world["doj"])
    data = edit_form_data(client, page, title="Đăng ký khai sinh (cập nhật)", **{"action-publish": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Đăng ký khai sinh (cập nhật)"
    assert page.live


def test_reviewer_approves_a_submitted_revision(client, world):
    page = world["own"]
    client.force_login(world["agency_editor"])
    data = edit_form_data(client, page, title="Cấp giấy phép xây dựng – bản mới", **{"action-submit": "1"})
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    # The agency editor cannot approve their own submission.
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.title == "Cấp giấy phép xây dựng"

    client.force_login(world["reviewer"])
    # The reviewer sees the page in the editor while the task waits for them.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    response = client.post(url, {"comment": "Đã kiểm tra"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.title == "Cấp giấy phép xây dựng – bản mới"
    assert not page.has_unpublished_changes


def test_agency_editor_create_form_offers_only_their_agencies(client, world):
    client.force_login(world["agency_editor"])
    url = reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", world["index"].pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    choices = set(form.fields["implementing_agency"].queryset)
    assert world["xay_dung"] in choices
    assert world["tu_phap"] not in choices

    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Thủ tục của cơ quan khác",
            "slug": "thu-tuc-co-quan-khac",
            "code": "1.999991",
            "official_name": "Thủ tục của cơ quan khác",
            "implementing_agency": str(world["tu_phap"].pk),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200  # the form comes back with an error, input kept
    assert "implementing_agency" in response.context["form"].errors
    assert "Thủ tục của cơ quan khác" in response.content.decode()
    assert not ProcedurePage.objects.filter(code="1.999991").exists()

    data["implementing_agency"] = str(world["xay_dung"].pk)
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302
    created = ProcedurePage.objects.get(code="1.999991")
    assert created.owner == world["agency_editor"]
    assert created.permissions_for_user(fresh(world["agency_editor"])).can_edit()
    assert WorkflowState.objects.filter(object_id=str(created.pk), status="in_progress").exists()


def test_doj_editor_keeps_the_agency_chooser(client, world):
    client.force_login(world["doj"])
    url = reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", world["index"].pk])
    form = client.get(url).context["form"]
    assert world["tu_phap"] in set(form.fields["implementing_agency"].queryset)


def test_revisions_comparison_and_history_work_for_editors(client, world):
    page = world["other"]
    page.title = "Bản nháp mới"
    page.save_revision(user=world["doj"])
    client.force_login(world["doj"])
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Bản nháp mới" in response.content.decode()
    assert client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).status_code == 200


def test_scheduled_publishing(client, world):
    page = world["other"]
    client.force_login(world["doj"])
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = edit_form_data(
        client,
        page,
        title="Có hiệu lực sau",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "1"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Đăng ký khai sinh"  # not yet
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None

    # When the time comes, Wagtail's `publish_scheduled` command (run by cron) publishes it.
    # Simulate the passing of time by moving the scheduled moment into the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.title == "Có hiệu lực sau"


def test_settings_tab_has_scheduling_fields():
    form_class = ProcedurePage.get_edit_handler().get_form_class()
    assert {"go_live_at", "expire_at"} <= set(form_class.base_fields)


# --- the roles set-up ---------------------------------------------------------------------------------
def test_groups_exist_after_migrations():
    # Created by the data migration agencies/0003, so production has them without the demo.
    assert Group.objects.filter(name=DOJ_EDITORS_GROUP).exists()
    assert Group.objects.filter(name=REVIEWERS_GROUP).exists()
    doj = Group.objects.get(name=DOJ_EDITORS_GROUP)
    assert doj.permissions.filter(codename="access_admin").exists()
    assert GroupPagePermission.objects.filter(group=doj, permission__codename="publish_page").exists()


def test_setup_is_idempotent_and_assigns_the_workflow_to_the_catalog(world):
    counts = lambda: (  # noqa: E731
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )
    before = counts()
    setup_editorial_roles()
    setup_editorial_roles()
    assert counts() == before
    assert WorkflowPage.objects.get(page=world["index"]).workflow.name == REVIEW_WORKFLOW_NAME
    group = world["xay_dung"].editor_group
    assert GroupPagePermission.objects.filter(
        group=group, page=world["index"], permission__codename="add_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").exists()


def test_setup_keeps_a_workflow_an_administrator_chose(world):
    other = Workflow.objects.create(name="Quy trình khác", active=True)
    WorkflowPage.objects.filter(page=world["index"]).update(workflow=other)
    setup_editorial_roles()
    assert WorkflowPage.objects.get(page=world["index"]).workflow == other
