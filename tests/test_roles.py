"""Who reaches which tool in the admin (issue 19, item 2): each role has exactly the tools it needs.
The matrix below is the definition; docs/editors.md ("Vai trò") says the same in words.

- DoJ editor (Sở Tư pháp): the whole catalog, reference data, the online forms, the search tools
  (query report, synonyms, promoted results);
- agency editor: the catalog, editing only its agency's procedures (submitted for review), its
  agency's roadmap items read-only;
- reviewer: the catalog (approving in the workflow);
- moderator (Sở Tư pháp): feedback, surveys, ratings;
- monitor: the roadmap;
- officer: the dossier queue of the one-stop desk;
- administrator: everything.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from dossiers.constants import OfficerRole
from dossiers.models import OfficerAssignment
from feedback.roles import setup_moderation_roles
from procedures.permissions import (
    DOJ_EDITORS_GROUP,
    REVIEWERS_GROUP,
    add_agency_editor,
    setup_editorial_roles,
)
from procedures.tests.factories import make_agency, make_full_procedure
from roadmap.constants import MONITOR_GROUP_NAME

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

TOOLS = ["catalog", "edit", "forms", "report", "synonyms", "promoted", "feedback", "surveys", "ratings",
         "roadmap", "queue", "users", "outbox", "agencies"]  # fmt: skip
Y, N = True, False
MATRIX = {
    #           catalog edit forms report synon promo feedb surve ratin roadm queue users outbx agenc
    "doj":       (Y,    Y,   Y,    Y,     Y,    Y,    N,    N,    N,    N,    N,    N,    N,    Y),
    "agency":    (Y,    N,   N,    N,     N,    N,    N,    N,    N,    Y,    N,    N,    N,    Y),
    "reviewer":  (Y,    N,   N,    N,     N,    N,    N,    N,    N,    N,    N,    N,    N,    Y),
    "moderator": (N,    N,   N,    N,     N,    N,    Y,    Y,    Y,    N,    N,    N,    N,    N),
    "monitor":   (N,    N,   N,    N,     N,    N,    N,    N,    N,    Y,    N,    N,    N,    N),
    "officer":   (N,    N,   N,    N,     N,    N,    N,    N,    N,    N,    Y,    N,    N,    N),
    "admin":     (Y,    Y,   Y,    Y,     Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y,    Y),
}  # fmt: skip


@pytest.fixture
def people(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    procedure = make_full_procedure()
    setup_editorial_roles()
    User = get_user_model()

    def person(role, **extra):
        return User.objects.create_user(f"{role}@example.vn", f"{role}@example.vn", "x", **extra)

    users = {
        role: person(role, is_staff=True) for role in ("doj", "agency", "reviewer", "moderator", "monitor")
    }
    users["doj"].groups.add(Group.objects.get(name=DOJ_EDITORS_GROUP))
    add_agency_editor(user=users["agency"], agency=make_agency(name="Sở Xây dựng", slug="so-xay-dung"))
    users["reviewer"].groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    users["moderator"].groups.add(setup_moderation_roles())
    users["monitor"].groups.add(Group.objects.get(name=MONITOR_GROUP_NAME))
    users["officer"] = person("officer")
    OfficerAssignment.objects.create(
        user=users["officer"], agency=procedure.implementing_agency, role=OfficerRole.RECEPTION
    )
    users["admin"] = person("admin", is_staff=True, is_superuser=True)
    urls = {
        "catalog": f"/admin/pages/{procedure.get_parent().pk}/",
        "edit": f"/admin/pages/{procedure.pk}/edit/",
        "forms": "/admin/online_forms/",
        "report": "/admin/tim-kiem/thong-ke/",
        "synonyms": reverse("wagtailsnippets_search_synonym:list"),
        "promoted": "/admin/searchpicks/",
        "feedback": "/admin/gop-y/",
        "surveys": "/admin/khao-sat/",
        "ratings": "/admin/danh-gia/",
        "roadmap": "/admin/snippets/roadmap/roadmapitem/",
        "queue": "/admin/mot-cua/",
        "users": "/admin/users/",
        "outbox": "/admin/thu-di/",
        "agencies": "/admin/snippets/agencies/agency/",
    }
    return users, urls


def test_each_role_reaches_exactly_its_tools(client, people):
    users, urls = people
    found = {}
    for role, expected in MATRIX.items():
        client.force_login(users[role])
        for tool, allowed in zip(TOOLS, expected, strict=True):
            status = client.get(urls[tool]).status_code
            assert status in (200, 302, 403), (role, tool, status)
            if (status == 200) != allowed:
                found[(role, tool)] = status
        client.logout()
    assert not found, f"roles reaching a tool they should not, or not reaching theirs: {found}"
