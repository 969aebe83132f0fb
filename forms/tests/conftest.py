import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded dossier files go to a temporary private folder in every test; the cache (rate
    limits) starts empty."""
    from django.core.cache import cache

    cache.clear()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
