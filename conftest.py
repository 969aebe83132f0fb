"""Project-wide pytest fixtures: shared data, Chromium for Playwright."""

import os
from pathlib import Path

import pytest
from django.conf import settings

pytest_plugins = ["tests.engine_check", "pytester"]

SHARED_DATA = Path(settings.SHARED_DATA_DIR)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, message: str) -> None:
    """Skip the test when a prerequisite is missing on a developer's machine; in CI (`CI=true`), where
    `tests/scripts/system-deps.sh` installs every prerequisite and ../shared/data is present, fail
    instead, so that no test is skipped silently there."""
    if not condition:
        if IN_CI:
            pytest.fail(f"prerequisite missing in CI: {message}")
        pytest.skip(message)


def shared_file(relative: str) -> Path:
    """Path of a file in ../shared/data, or skip the test with a clear message when it is missing."""
    path = SHARED_DATA / relative
    require(
        path.exists(), f"shared data file missing: {path} (CI has ../shared/data; a user's clone may not)"
    )
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


@pytest.fixture
def page(page):
    """Playwright's page, failing the test when the browser refused anything under the portal's
    Content-Security-Policy (an inline script without the nonce, an inline style, a foreign source):
    every browser test doubles as a check of the policy against what the pages really do."""
    refused = []

    def listen(message):
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", listen)
    yield page
    assert not refused, "The browser refused content under the CSP:\n" + "\n".join(refused)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor != "postgresql":
        # Tests that need PostgreSQL (parallel transactions with row locks) are deselected on SQLite,
        # not skipped: `make test` runs them in its PostgreSQL pass.
        kept = [item for item in items if item.get_closest_marker("postgres_only") is None]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[item for item in items if item not in kept])
            items[:] = kept
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
        # Transactional tests (live_server, threads) empty every table when they end, including the
        # rows our data migrations and Wagtail's own create (root page and collection, default
        # Locale and Site, implementation levels, synonyms, holidays...). Every one of them restores
        # those rows from the serialized test database first, so the order tests run in does not
        # matter. It must be all of them: a non-serialized flush re-creates content types with new
        # keys, which the next restore would then collide with.
        # They run in a pass of their own, after all the others (tests/scripts/run-pytest.sh): under
        # pytest-xdist a worker that ran one would otherwise hand an empty database to the next file.
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
            marker = item.get_closest_marker("django_db")
            kwargs = dict(marker.kwargs) if marker is not None else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


def pytest_configure(config):
    # pytest-django's live_server with sync Playwright runs in an event loop thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI nothing is skipped: a skip there means a prerequisite that system-deps.sh should have
    installed is missing, or a feature is hidden. Deselection (`-m`, postgres_only on SQLite) is how a
    test is left out on purpose."""
    report = yield
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every test: {reason}"
    return report


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Make the serialized test database reachable from every connection object.

    Once Playwright's sync API is running, an asyncio loop runs in the main thread, so Django's
    connection handler (an asgiref Local) hands out a different connection object there than the
    one pytest-django set up; that object lacks `_test_serialized_contents`, and a transactional
    test would then neither restore the data-migration rows nor keep post_migrate quiet. The
    serialized contents describe the test database, not one connection, so they go on the class.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (local memory in tests): the database is rolled back
    after a test, but Wagtail's cached site root paths, rate-limit counters and search names would
    otherwise survive it and point the next test at rows that no longer exist."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's language (Vietnamese): a request made in English by the
    previous test leaves English active in the thread (LocaleMiddleware activates, nothing resets),
    and code that runs outside a request would then speak English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
