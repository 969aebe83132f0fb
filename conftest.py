"""Project-wide pytest fixtures: shared data, Chromium for Playwright."""

import os
from pathlib import Path

import pytest
from django.conf import settings

SHARED_DATA = Path(settings.SHARED_DATA_DIR)


def shared_file(relative: str) -> Path:
    """Path of a file in ../shared/data, or skip the test with a clear message when it is missing."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"shared data file missing: {path} (CI has ../shared/data; a user's clone may not)")
    return path


@pytest.fixture
def shared_data():
    return shared_file


# --- Browser tests: Debian's Chromium, never a downloaded browser ---------------------------------
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


def pytest_configure(config):
    # pytest-django's live_server with sync Playwright runs in an event loop thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _default_locale(request):
    """Transactional tests (live_server) flush the tables after each test, data migrations included;
    Wagtail needs its default Locale back for the next one."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from wagtail.models import Locale

        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
