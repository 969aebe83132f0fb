import pytest

from dossiers.tests.module_data import (  # noqa: F401
    other_procedure,
    procedure,
    refuse_transactional_tests,
    shared_other_procedure_pk,
    shared_procedure_pk,
)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Dossier files go to a temporary private folder in every test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
