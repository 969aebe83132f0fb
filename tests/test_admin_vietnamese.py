"""The admin in Vietnamese (issue 19, item 1): each role walks the screens it uses and no text on them
is one of Wagtail's or Django admin's English source strings left untranslated. The missing
translations live in the project's own locale/vi (docs/editors.md, "The admin in Vietnamese")."""

import html
import re
from functools import cache
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from dossiers.constants import OfficerRole
from dossiers.models import OfficerAssignment
from feedback.roles import setup_moderation_roles
from procedures.permissions import DOJ_EDITORS_GROUP, REVIEWERS_GROUP, setup_editorial_roles
from procedures.tests.factories import make_full_procedure
from roadmap.constants import MONITOR_GROUP_NAME

# engine: the admin's page search lowercases in SQL (docs/testing.md)
pytestmark = [pytest.mark.django_db, pytest.mark.engine]

SITE_PACKAGES = Path(__import__("wagtail").__file__).resolve().parent.parent


def po_msgids(path: Path, *, plurals: bool = True) -> set[str]:
    """The source strings (msgid, and msgid_plural unless `plurals` is False) of a gettext catalog."""
    ids, current = set(), None
    starts = ("msgid ", "msgid_plural ") if plurals else ("msgid ",)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(starts):
            if current:
                ids.add(current)
            current = _po_string(line.split(" ", 1)[1])
        elif line.startswith('"') and current is not None:
            current += _po_string(line)
        else:
            if current:
                ids.add(current)
            current = None
    if current:
        ids.add(current)
    return ids


def _po_string(quoted: str) -> str:
    body = quoted.strip()[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


@cache
def english_sources() -> frozenset[str]:
    """Every English source string of Wagtail's and Django admin's own catalogs."""
    files = [*SITE_PACKAGES.glob("wagtail/**/locale/en/LC_MESSAGES/django.po")]
    files.append(SITE_PACKAGES / "django/contrib/admin/locale/en/LC_MESSAGES/django.po")
    ids = set()
    for path in files:
        ids |= po_msgids(path)
    # Words that read the same in both languages, or are names.
    return frozenset(ids - {"OK", "Wagtail", "URL", "ID", "PDF", "Email:", "%(name)s"})


def visible_texts(page: str) -> set[str]:
    page = re.sub(r"(?s)<script.*?</script>|<style.*?</style>|<template.*?</template>|<!--.*?-->", " ", page)
    # Elements hidden from everyone (a counter Wagtail fills in with JavaScript renders "None").
    page = re.sub(r"(?s)<(\w+)(?=[^>]*\shidden[\s>=])[^>]*>[^<]*</\1>", " ", page)
    texts = [html.unescape(t) for t in re.findall(r">([^<>]+)<", page)]
    texts += [html.unescape(a) for a in re.findall(r'\s(?:title|aria-label|placeholder|alt)="([^"]+)"', page)]
    return {re.sub(r"\s+", " ", t).strip() for t in texts} - {""}


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    procedure = make_full_procedure()
    setup_editorial_roles()
    users = {}
    User = get_user_model()
    for role, group in (("doj", DOJ_EDITORS_GROUP), ("reviewer", REVIEWERS_GROUP), ("admin", None)):
        user = User.objects.create_user(f"{role}@example.vn", f"{role}@example.vn", "x", is_staff=True,
                                        is_superuser=group is None, first_name="An", last_name="Nguyễn Văn")  # fmt: skip
        if group:
            user.groups.add(Group.objects.get(name=group))
        users[role] = user
    for role, group in (
        ("moderator", setup_moderation_roles()),
        ("monitor", Group.objects.get(name=MONITOR_GROUP_NAME)),
    ):
        users[role] = User.objects.create_user(f"{role}@example.vn", f"{role}@example.vn", "x", is_staff=True)
        users[role].groups.add(group)
    users["officer"] = User.objects.create_user("officer@example.vn", "officer@example.vn", "x")
    OfficerAssignment.objects.create(
        user=users["officer"], agency=procedure.implementing_agency, role=OfficerRole.RECEPTION
    )
    return procedure, users


def screens(procedure) -> list[str]:
    parent = procedure.get_parent().pk
    return [
        "/admin/",
        f"/admin/pages/{parent}/",
        f"/admin/pages/{procedure.pk}/edit/",
        f"/admin/pages/{procedure.pk}/history/",
        f"/admin/pages/add/procedures/procedurepage/{parent}/",
        "/admin/pages/search/?q=khai",
        "/admin/documents/",
        "/admin/images/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/account/",
        # The moderators', monitors' and officers' screens (the project's own, in Wagtail's frame).
        "/admin/gop-y/",
        "/admin/khao-sat/",
        "/admin/danh-gia/",
        "/admin/snippets/roadmap/roadmapitem/",
        "/admin/snippets/roadmap/onestoprecord/",
        "/admin/mot-cua/",
        "/admin/online_forms/",
        "/admin/tim-kiem/thong-ke/",
        "/admin/reports/suc-khoe-noi-dung/",
    ]


@pytest.mark.parametrize("role", ["doj", "reviewer", "moderator", "monitor", "officer", "admin"])
def test_every_screen_a_role_uses_is_in_vietnamese(client, world, role):
    procedure, users = world
    client.force_login(users[role])
    english = english_sources()
    left = {}
    for url in screens(procedure):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        if response.status_code != 200:  # a screen this role may not open
            continue
        for text in visible_texts(response.content.decode()) & english:
            left.setdefault(text, url)
    assert not left, f"English left in the admin for {role}: {left}"


def test_yes_no_fields_read_in_words_in_the_listings(client, world):
    """A listing shows a yes/no field as a word of the reader's language, not "True"/"False"
    (core.admin_columns.yes_no: online forms, API clients, synonyms, officer assignments,
    appointment schedules, one-stop records)."""
    from forms.models import OnlineForm

    procedure, users = world
    OnlineForm.objects.create(procedure=procedure, is_active=True)
    client.force_login(users["admin"])
    texts = visible_texts(client.get("/admin/online_forms/", HTTP_ACCEPT_LANGUAGE="vi").content.decode())
    assert "Đang nhận hồ sơ" in texts
    assert not texts & {"True", "False"}
    for url in ("/admin/interop_clients/", "/admin/officer_assignments/", "/admin/appointment_schedules/",
                "/admin/snippets/roadmap/onestoprecord/"):  # fmt: skip
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200, url
        assert not visible_texts(response.content.decode()) & {"True", "False"}, url


def test_the_admins_javascript_speaks_vietnamese(client, world):
    """Strings Wagtail's scripts draw (side panels, the page explorer, comments, autosave) come from
    the admin's JavaScript catalog: each of Wagtail's has a Vietnamese translation there."""
    import json

    _procedure, users = world
    client.force_login(users["doj"])
    script = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    sources = po_msgids(SITE_PACKAGES / "wagtail/admin/locale/en/LC_MESSAGES/djangojs.po", plurals=False)
    untranslated = sorted(s for s in sources if s not in catalog or catalog[s] in ("", s, [s]))
    # The same in both languages: a time zone's label.
    untranslated = [s for s in untranslated if not s.startswith("%(time_zone_option)s")]
    assert not untranslated, untranslated
    assert catalog["Page explorer"] == "Duyệt trang"
