"""The statistics tests' worlds, built once per test module (rolled back at its end) and read again
for each test: the hand-computed world (fixtures.py) and, on top of it, the usage dossiers
(usage_fixtures.py) with their summary rows refreshed."""

import pytest

from procedures.tests.module_db import rolled_back

from .fixtures import build_world, reload, reload_world
from .usage_fixtures import build_usage


@pytest.fixture(scope="module")
def _world_once(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_world()


@pytest.fixture
def world_once(_world_once, db):
    """The hand-computed world, built once for the module."""
    return reload_world(_world_once)


@pytest.fixture(scope="module")
def _usage_once(django_db_setup, django_db_blocker):
    from stats.services.usage_refresh import refresh_usage

    with rolled_back(django_db_blocker):
        world = build_world()
        dossiers = build_usage(world)
        refreshed = refresh_usage()
        yield world, dossiers, refreshed


@pytest.fixture
def usage_once(_usage_once, db):
    """(world, dossiers, rows written by the first refresh_usage()), built once for the module."""
    world, dossiers, refreshed = _usage_once
    return reload_world(world), {key: reload(dossier) for key, dossier in dossiers.items()}, refreshed
