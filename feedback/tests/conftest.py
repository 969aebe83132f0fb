"""Fixtures of the feedback tests: agencies, a procedure page, moderators of each kind."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from agencies.models import Agency
from home.models import HomePage
from procedures.models import ProcedureIndexPage, ProcedurePage


@pytest.fixture(autouse=True)
def _clear_cache():
    # rate-limit counters and used proof-of-work nonces live in the cache
    cache.clear()
    yield
    cache.clear()


def make_agency(name: str, slug: str, code: str = "") -> Agency:
    return Agency.objects.create(name=name, slug=slug, code=code)


def catalog_index() -> ProcedureIndexPage:
    index = ProcedureIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = home.add_child(
            instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
        )
    return index


def make_procedure(code: str, title: str, agency: Agency | None) -> ProcedurePage:
    page = ProcedurePage(title=title, slug=code.replace(".", "-"), code=code, implementing_agency=agency)
    return catalog_index().add_child(instance=page)


def make_main_agency() -> Agency:
    return make_agency("Sở Tư pháp tỉnh Tây Ninh", "so-tu-phap", "000.00.12.H56")


def make_other_agency() -> Agency:
    return make_agency("Sở Xây dựng tỉnh Tây Ninh", "so-xay-dung", "000.00.13.H56")


def make_main_procedure(agency: Agency) -> ProcedurePage:
    return make_procedure("1.000894", "Đăng ký khai sinh", agency)


@pytest.fixture
def agency(db):
    return make_main_agency()


@pytest.fixture
def other_agency(db):
    return make_other_agency()


@pytest.fixture
def procedure(agency):
    return make_main_procedure(agency)


@pytest.fixture
def other_procedure(other_agency):
    return make_procedure("1.009994", "Cấp giấy phép xây dựng", other_agency)


def _perm(codename: str, app_label: str = "feedback") -> Permission:
    return Permission.objects.get(codename=codename, content_type__app_label=app_label)


def grant(user_or_group, *codenames: str):
    target = user_or_group.permissions if isinstance(user_or_group, Group) else user_or_group.user_permissions
    for codename in codenames:
        app_label, _, name = codename.rpartition(".")
        target.add(_perm(name, app_label or "feedback"))


def make_agency_moderator(django_user_model, username: str, agency: Agency):
    user = django_user_model.objects.create_user(username=username, password="x", is_staff=True)
    group = agency.editor_group or Group.objects.create(name=f"Biên tập viên – {agency.name}")
    if agency.editor_group_id is None:
        agency.editor_group = group
        agency.save(update_fields=["editor_group"])
    grant(group, "moderate_agency_feedback", "wagtailadmin.access_admin")
    user.groups.add(group)
    return user


def make_central_moderator(user_model):
    user = user_model.objects.create_user(username="stp", password="x", is_staff=True)
    grant(user, "moderate_all_feedback", "wagtailadmin.access_admin")
    return user


@pytest.fixture
def central_moderator(db, django_user_model):
    return make_central_moderator(django_user_model)


@pytest.fixture
def agency_moderator(agency, django_user_model):
    return make_agency_moderator(django_user_model, "mod-tu-phap", agency)


@pytest.fixture
def other_moderator(other_agency, django_user_model):
    return make_agency_moderator(django_user_model, "mod-xay-dung", other_agency)
