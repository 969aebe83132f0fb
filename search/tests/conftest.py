"""Fixtures of the search tests: a small catalog published through Wagtail's own APIs."""

import functools
import itertools

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from agencies.models import Agency
from home.models import HomePage
from procedures.constants import OnlineLevel, ProcedureStatus
from procedures.models import (
    DossierComponent,
    Field,
    ImplementationLevelRecord,
    ProcedureIndexPage,
    ProcedurePage,
)
from procedures.tests.module_db import rolled_back
from search import presentation
from search.engines import reset_engine

_slugs = itertools.count(1)


@pytest.fixture(autouse=True)
def fresh_engine():
    """Each test starts with a new engine (its in-memory index is rebuilt from the test's database)."""
    reset_engine()
    presentation.clear_names_cache()
    yield
    reset_engine()
    presentation.clear_names_cache()


@pytest.fixture
def catalog(db):
    return build_catalog()


def build_catalog() -> ProcedureIndexPage:
    """A new home page (the default site's root) with a catalog index under it."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Trang chủ", slug=f"trang-chu-{next(_slugs)}"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "site_name": "Cổng"}
    )
    return home.add_child(instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh"))


def field(name: str) -> Field:
    return Field.objects.get_or_create(name=name, defaults={"slug": f"linh-vuc-{next(_slugs)}"})[0]


def agency(name: str) -> Agency:
    return Agency.objects.get_or_create(name=name, defaults={"slug": f"co-quan-{next(_slugs)}"})[0]


@pytest.fixture
def starting_synonyms(db):
    """The synonyms the data migration ships (re-created if another app's test flushed the tables)."""
    create_starting_synonyms()


def create_starting_synonyms() -> None:
    from importlib import import_module

    from django.apps import apps

    import_module("search.migrations.0002_starting_synonyms").create(apps, None)


@pytest.fixture
def make_procedure(catalog):
    """Create a procedure page and publish it (publishing is what indexes it)."""
    return functools.partial(add_procedure, catalog)


def add_procedure(
    catalog: ProcedureIndexPage,
    code: str,
    name: str,
    *,
    field_name: str = "Hộ tịch",
    agency_name: str = "Ủy ban nhân dân cấp xã",
    levels=("commune",),
    online_level=OnlineLevel.NONE,
    status=ProcedureStatus.ACTIVE,
    keywords: str = "",
    components=(),
    publish: bool = True,
    **extra,
) -> ProcedurePage:
    page = ProcedurePage(
        title=name[:255],
        slug=f"thu-tuc-{code.replace('.', '-').lower()}",
        code=code,
        official_name=name,
        field=field(field_name) if field_name else None,
        implementing_agency=agency(agency_name) if agency_name else None,
        online_level=online_level,
        status=status,
        keywords=keywords,
        live=False,
        **extra,
    )
    page.components = [DossierComponent(name=item) for item in components]
    page.levels = list(ImplementationLevelRecord.objects.filter(code__in=levels))
    catalog.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def sample(make_procedure, starting_synonyms):
    """A handful of real-looking procedures."""
    return build_sample(make_procedure)


def build_sample(make_procedure) -> dict[str, ProcedurePage]:
    return {
        "khai_sinh": make_procedure(
            "1.001193",
            "Thủ tục đăng ký khai sinh",
            components=["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
        ),
        "ket_hon": make_procedure("1.000894", "Thủ tục đăng ký kết hôn", levels=("commune",)),
        "gplx": make_procedure(
            "3.000347",
            "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
            field_name="Đường bộ",
            agency_name="Sở Xây dựng",
            levels=("province",),
            online_level=OnlineLevel.FULL,
        ),
        "xe_lai": make_procedure(
            "9.000001",
            "Cấp phép cho xe chở hàng lái qua cửa khẩu, giấy tờ phép thuộc diện ưu tiên",
            field_name="Đường bộ",
            agency_name="Sở Xây dựng",
            levels=("province",),
        ),
        "can_cuoc": make_procedure(
            "1.000889",
            "Cấp đổi thẻ căn cước",
            field_name="Quản lý căn cước",
            agency_name="Công an cấp xã",
            levels=("commune", "province"),
            online_level=OnlineLevel.PARTIAL,
        ),
        "dat": make_procedure(
            "1.012796",
            "Đính chính Giấy chứng nhận quyền sử dụng đất đã cấp lần đầu có sai sót",
            field_name="Đất đai",
            agency_name="Văn phòng đăng ký đất đai",
            levels=("province",),
        ),
    }


# --- The sample built once per module ---------------------------------------------------------------
# A module opts in by defining `sample` as `module_sample` (its tests must then neither build another
# catalog nor be transactional): the catalog, the starting synonyms and the sample are written once, in
# a transaction rolled back when the module ends; each test reads the pages again.
@pytest.fixture(scope="module")
def _module_sample_keys(django_db_setup, django_db_blocker) -> dict[str, int]:
    with rolled_back(django_db_blocker):
        create_starting_synonyms()
        pages = build_sample(functools.partial(add_procedure, build_catalog()))
        yield {key: page.pk for key, page in pages.items()}


@pytest.fixture
def module_sample(_module_sample_keys, db) -> dict[str, ProcedurePage]:
    pages = ProcedurePage.objects.in_bulk(_module_sample_keys.values())
    return {key: pages[pk] for key, pk in _module_sample_keys.items()}
