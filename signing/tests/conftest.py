import pytest


@pytest.fixture(autouse=True)
def signing_dir(settings, tmp_path):
    """Each test has its own demo certificate authority, keys and private files."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SIGNING_DIR = tmp_path / "signing"
    settings.SIGNING_TRUST_ROOTS = []
    settings.SIGNING_DEMO_CA = True
    return settings.SIGNING_DIR
