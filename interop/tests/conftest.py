import pytest
from django.contrib.auth import get_user_model

from dossiers.models import Dossier
from dossiers.tests.factories import make_citizen, make_online_procedure
from dossiers.tests.flow import complete_wizard
from dossiers.tests.module_data import build_once, refuse_transactional_tests  # noqa: F401
from interop import services
from procedures.models import ProcedurePage


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Dossier files go to a temporary private folder; the cache starts empty."""
    from django.core.cache import cache

    cache.clear()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def submit(client, procedure, citizen=None) -> Dossier:
    """A dossier submitted through the real wizard (answers, two files, status 1)."""
    citizen = citizen or make_citizen()
    client.force_login(citizen)
    complete_wizard(client, procedure)
    client.logout()
    return Dossier.objects.filter(user=citizen).order_by("-pk").first()


@pytest.fixture(scope="module")
def procedure_pk(django_db_setup, django_db_blocker):
    """Built once per module, rolled back at its end (dossiers/tests/module_data.py)."""
    yield from build_once(
        django_db_blocker,
        lambda: make_online_procedure(agency_code="000.00.31.H80").pk,
        label="the module's procedure",
    )


@pytest.fixture(scope="module")
def other_procedure_pk(django_db_setup, django_db_blocker):
    yield from build_once(
        django_db_blocker,
        lambda: make_online_procedure(agency_code="000.00.32.H80", title="Đăng ký khai sinh").pk,
        label="the module's other procedure",
    )


@pytest.fixture
def procedure(procedure_pk, db):
    return ProcedurePage.objects.get(pk=procedure_pk)


@pytest.fixture
def other_procedure(other_procedure_pk, db):
    return ProcedurePage.objects.get(pk=other_procedure_pk)


@pytest.fixture
def unit(procedure):
    return procedure.implementing_agency


@pytest.fixture
def dossier(client, procedure):
    return submit(client, procedure)


@pytest.fixture
def other_dossier(client, other_procedure):
    return submit(client, other_procedure)


@pytest.fixture
def make_api_client(db):
    def make(*scopes, units=(), all_units=False, name=None):
        make.count += 1
        return services.create_client(
            name=name or f"he-thong-{make.count}", scopes=scopes, units=units, all_units=all_units
        )

    make.count = 0
    return make


@pytest.fixture
def writer(make_api_client, unit):
    """A client that reads and writes dossiers and results of `unit` and verifies documents: (client, token)."""
    return make_api_client(
        "dossiers:read",
        "dossiers:write",
        "results:write",
        "documents:verify",
        units=[unit],
        name="mot-cua-tinh",
    )


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "Mat-khau-quan-tri-1")


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
