"""Editorial roles and agency-scoped permissions for the procedure catalog.

Roles (groups):
- "Biên tập viên Sở Tư pháp" (Department of Justice editors): add, edit, publish, lock every page of
  the site (the permission sits on the site's root page, so the catalog inherits it).
- "Người duyệt" (reviewers): approve or reject submissions in the workflow "Duyệt thủ tục hành chính"
  (a GroupApprovalTask), which is assigned to the catalog index page. They hold "publish" on the
  catalog because Wagtail publishes an approved revision with the approver's permissions.
- one group per agency that has editors ("Biên tập viên – <agency>"), linked by Agency.editor_group:
  "add" on the catalog index, no publish. Their page permissions count only on procedures whose
  implementing agency is that agency, one of its subordinate agencies or one of its predecessors, and
  on those procedures "add" also means "edit" (an agency edits all its procedures, not only the pages
  its members created). The catalog index page itself stays editable by the DoJ editors only.

Wagtail's tree permissions cannot express the agency rule (every procedure has the same parent), so
ProcedurePage.permissions_for_user returns `ProcedurePermissionTester`, which drops the permissions
that come from an agency group when the page belongs to another agency. Superusers and groups that are
not linked to an agency (the Department of Justice editors) are unaffected.

`setup_editorial_roles` is idempotent and works with real models or with a migration's historical
`apps`: the data migration agencies/0003 calls it, and so do `load_demo` and whoever creates the
catalog index page (the workflow and the agency editors' permission need that page).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps as global_apps
from wagtail.models import PagePermissionTester

__all__ = [
    "DOJ_EDITORS_GROUP",
    "REVIEWERS_GROUP",
    "REVIEW_TASK_NAME",
    "REVIEW_WORKFLOW_NAME",
    "EditorialRoles",
    "ProcedurePermissionTester",
    "add_agency_editor",
    "agency_group_name",
    "agency_scope",
    "editable_agency_ids",
    "ensure_agency_editor_group",
    "is_reviewer",
    "setup_editorial_roles",
]

DOJ_EDITORS_GROUP = "Biên tập viên Sở Tư pháp"
REVIEWERS_GROUP = "Người duyệt"
REVIEW_WORKFLOW_NAME = "Duyệt thủ tục hành chính"
REVIEW_TASK_NAME = "Người duyệt phê duyệt"
AGENCY_GROUP_PREFIX = "Biên tập viên – "

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
REFERENCE_MODELS = [("agencies", "agency"), ("agencies", "administrativeunit"), ("procedures", "field")]


def _model_perms(actions: list[str]) -> list[tuple[str, str, str]]:
    return [(app, model, f"{action}_{model}") for app, model in REFERENCE_MODELS for action in actions]


# The Department of Justice editors' own tools besides the catalog: the online forms (form builder),
# the search query report, the synonym list and the promoted results (issue 19: they were reachable
# by a superuser only). Feedback moderation and surveys belong to the moderators' group
# (feedback/roles.py), the roadmap to the monitors' (roadmap/permissions.py).
DOJ_TOOLS = [
    *[("forms", "onlineform", f"{action}_onlineform") for action in ("add", "change", "delete", "view")],
    ("search", "querystat", "view_querystat"),
    *[("search", "synonym", f"{action}_synonym") for action in ("add", "change", "delete", "view")],
    *[
        ("wagtailsearchpromotions", "searchpromotion", f"{action}_searchpromotion")
        for action in ("add", "change", "delete", "view")
    ],
]

# (app_label, model, codename) per role: admin access and reference data (agencies, units, fields).
MODEL_PERMISSIONS = {
    "doj": [ACCESS_ADMIN, *_model_perms(["add", "change", "delete", "view"]), *DOJ_TOOLS],
    "reviewers": [ACCESS_ADMIN, *_model_perms(["view"])],
    "agency": [ACCESS_ADMIN, *_model_perms(["view"])],
}
# Document permissions on the root collection (forms are Wagtail documents).
COLLECTION_PERMISSIONS = {
    "doj": ["add_document", "change_document", "delete_document", "choose_document"],
    "reviewers": ["choose_document"],
    "agency": ["add_document", "choose_document"],
}
# Page permissions: DoJ editors on the site's root page, agency editors on the catalog index.
DOJ_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
AGENCY_PAGE_PERMISSIONS = ["add"]
# Wagtail publishes an approved revision as the approving user and checks that user's publish
# permission, so reviewers hold "publish" on the catalog (they reach the editor only through the task).
REVIEWER_PAGE_PERMISSIONS = ["publish"]


@dataclass
class EditorialRoles:
    doj_editors: object
    reviewers: object
    workflow: object
    catalog_index_id: int | None


# --- set-up (idempotent; real models or a migration's historical apps) ---------------------------


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.rsplit("_", 1)[0].replace("_", " ")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {model}"}
    )
    return permission


def _permissions(apps, specs: list[tuple[str, str, str]]) -> list:
    """Permission rows for (app_label, model, codename) specs: one query when they all exist."""
    Permission = apps.get_model("auth", "Permission")
    found = {
        (p.content_type.app_label, p.content_type.model, p.codename): p
        for p in Permission.objects.filter(
            codename__in={codename for _a, _m, codename in specs}
        ).select_related("content_type")
    }
    return [found.get(spec) or _permission(apps, *spec) for spec in specs]


def _grant_model_and_collection_perms(apps, group, role: str) -> None:
    group.permissions.add(*_permissions(apps, MODEL_PERMISSIONS[role]))
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    wanted = _permissions(
        apps, [("wagtaildocs", "document", codename) for codename in COLLECTION_PERMISSIONS[role]]
    )
    have = set(
        GroupCollectionPermission.objects.filter(group=group, collection=root).values_list(
            "permission_id", flat=True
        )
    )
    for permission in wanted:
        if permission.pk not in have:
            GroupCollectionPermission.objects.create(group=group, collection=root, permission=permission)


def _grant_page_perms(apps, group, page_id: int, actions: list[str]) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = _permissions(apps, [("wagtailcore", "page", f"{action}_page") for action in actions])
    have = set(
        GroupPagePermission.objects.filter(group=group, page_id=page_id).values_list(
            "permission_id", flat=True
        )
    )
    for permission in wanted:
        if permission.pk not in have:
            GroupPagePermission.objects.create(group=group, page_id=page_id, permission=permission)


def _site_root_page_id(apps) -> int | None:
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.order_by("-is_default_site", "pk").first()
    return site.root_page_id if site else None


def _catalog_index_id(apps) -> int | None:
    ProcedureIndexPage = apps.get_model("procedures", "ProcedureIndexPage")
    return ProcedureIndexPage.objects.order_by("path").values_list("pk", flat=True).first()


def _review_workflow(apps, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).order_by("pk").first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME, content_type=content_type, active=True)
    task.groups.add(reviewers)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def setup_editorial_roles(*, apps=None) -> EditorialRoles:
    """Create or complete the editorial groups, their permissions and the review workflow.

    Safe to run any number of times; adds what is missing and never removes anything an administrator
    added. The workflow is assigned to the catalog index page only when that page exists and has no
    workflow of its own yet.
    """
    apps = apps or global_apps
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Agency = apps.get_model("agencies", "Agency")

    doj, _created = Group.objects.get_or_create(name=DOJ_EDITORS_GROUP)
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    _grant_model_and_collection_perms(apps, doj, "doj")
    _grant_model_and_collection_perms(apps, reviewers, "reviewers")

    root_id = _site_root_page_id(apps)
    if root_id is not None:
        _grant_page_perms(apps, doj, root_id, DOJ_PAGE_PERMISSIONS)

    workflow = _review_workflow(apps, reviewers)
    index_id = _catalog_index_id(apps)
    if index_id is not None:
        if not WorkflowPage.objects.filter(page_id=index_id).exists():
            WorkflowPage.objects.create(page_id=index_id, workflow=workflow)
        _grant_page_perms(apps, reviewers, index_id, REVIEWER_PAGE_PERMISSIONS)
        for group in Group.objects.filter(editor_of_agency__isnull=False):
            _grant_page_perms(apps, group, index_id, AGENCY_PAGE_PERMISSIONS)
    # Agencies' editor groups created before the index existed, or by hand, get their base permissions.
    for agency in Agency.objects.filter(editor_group__isnull=False).select_related("editor_group"):
        _grant_model_and_collection_perms(apps, agency.editor_group, "agency")
    return EditorialRoles(doj_editors=doj, reviewers=reviewers, workflow=workflow, catalog_index_id=index_id)


def agency_group_name(agency) -> str:
    return (AGENCY_GROUP_PREFIX + agency.name)[:150]


def ensure_agency_editor_group(*, agency):
    """The editor group of `agency`, created (with its permissions) and linked when missing."""
    from django.contrib.auth.models import Group

    group = agency.editor_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=agency_group_name(agency))
        agency.editor_group = group
        agency.save(update_fields=["editor_group"])
    _grant_model_and_collection_perms(global_apps, group, "agency")
    index_id = _catalog_index_id(global_apps)
    if index_id is not None:
        _grant_page_perms(global_apps, group, index_id, AGENCY_PAGE_PERMISSIONS)
    return group


def add_agency_editor(*, user, agency):
    """Make `user` an editor of `agency` (creating the agency's editor group when needed)."""
    group = ensure_agency_editor_group(agency=agency)
    user.groups.add(group)
    if not user.is_staff:
        # Wagtail does not need is_staff; it is set so the account reads as an administrative one.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    _forget_cached_scope(user)
    return group


def is_reviewer(user) -> bool:
    return user.is_active and user.groups.filter(name=REVIEWERS_GROUP).exists()


# --- the agency scope of a user ------------------------------------------------------------------

_SCOPE_CACHE = "_procedures_agency_scope"


def _forget_cached_scope(user) -> None:
    for name in (_SCOPE_CACHE, "_page_permission_cache", "_explorable_root_page_cache"):
        if hasattr(user, name):
            delattr(user, name)


def _covered_agencies(agency_ids: set[int]) -> dict[int, frozenset[int]]:
    """For each agency: itself, its subordinate agencies and its predecessors, transitively."""
    from agencies.models import Agency

    rows = list(Agency.objects.values_list("pk", "parent_id", "successor_id"))
    children: dict[int, list[int]] = {}
    predecessors: dict[int, list[int]] = {}
    for pk, parent_id, successor_id in rows:
        if parent_id:
            children.setdefault(parent_id, []).append(pk)
        if successor_id:
            predecessors.setdefault(successor_id, []).append(pk)
    covered = {}
    for start in agency_ids:
        seen = {start}
        todo = [start]
        while todo:
            current = todo.pop()
            for nxt in children.get(current, []) + predecessors.get(current, []):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        covered[start] = frozenset(seen)
    return covered


def agency_scope(user) -> dict[int, frozenset[int]]:
    """group id -> ids of the agencies whose procedures that group's page permissions cover.

    Only the user's groups that are linked to an agency appear; empty for anonymous users and for users
    without such groups. Cached on the user object (one request).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, _SCOPE_CACHE, None)
    if cached is not None:
        return cached
    from agencies.models import Agency

    links = list(
        Agency.objects.filter(editor_group__in=user.groups.all()).values_list("editor_group_id", "pk")
    )
    scope: dict[int, frozenset[int]] = {}
    if links:
        covered = _covered_agencies({agency_id for _group, agency_id in links})
        for group_id, agency_id in links:
            scope[group_id] = scope.get(group_id, frozenset()) | covered[agency_id]
    setattr(user, _SCOPE_CACHE, scope)
    return scope


def editable_agency_ids(user) -> frozenset[int] | None:
    """Agencies whose procedures `user` may edit; None when the user is not limited to agencies.

    A user is limited when every group that gives them page permissions is an agency's editor group.
    """
    if user is None or not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    scope = agency_scope(user)
    if not scope:
        return None
    from wagtail.models import GroupPagePermission

    if GroupPagePermission.objects.filter(group__user=user).exclude(group_id__in=scope).exists():
        return None
    return frozenset().union(*scope.values())


# --- page permissions ------------------------------------------------------------------------------


class ProcedurePermissionTester(PagePermissionTester):
    """Wagtail's tester, with agency groups' permissions counted only on their agencies' procedures."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if not (user.is_active and not user.is_superuser):
            return
        scope = agency_scope(user)
        if not scope:
            return
        agency_id = page.implementing_agency_id
        permissions = set()
        for perm in self.permission_policy.get_cached_permissions_for_user(user):
            if not page.path.startswith(perm.page.path):
                continue
            action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
            if perm.group_id not in scope:
                permissions.add(action)
            elif agency_id in scope[perm.group_id]:
                permissions.add(action)
                if action == "add":
                    # An agency group's "add" on the catalog also means: edit every procedure of the agency,
                    # not only the pages its members created.
                    permissions.add("change")
        self.permissions = permissions
