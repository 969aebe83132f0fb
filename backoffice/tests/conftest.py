import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Dossier files go to a temporary private folder in every test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
