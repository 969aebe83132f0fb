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
    """Uploaded dossier files go to a temporary private folder in every test; the cache (rate
    limits) starts empty."""
    from django.core.cache import cache

    cache.clear()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
