"""Every moderation action from every status, through the services (the rule is in test_moderation.py).

The procedure, the other agency and the Department of Justice moderator are built once for the module
(rolled back at its end) and read again for each of the 42 cases.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model

from feedback import services
from feedback.constants import ModerationAction
from feedback.tests.conftest import (
    make_central_moderator,
    make_main_agency,
    make_main_procedure,
    make_other_agency,
)
from feedback.tests.test_moderation import ACTION_SOURCES, ACTION_TARGET, S, in_status, make_feedback, run
from procedures.tests.module_db import reread, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _people(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield {
            "procedure": make_main_procedure(make_main_agency()),
            "other_agency": make_other_agency(),
            "central_moderator": make_central_moderator(get_user_model()),
        }


@pytest.fixture
def people(_people, db):
    return reread(_people)


@pytest.fixture
def procedure(people):
    return people["procedure"]


@pytest.fixture
def other_agency(people):
    return people["other_agency"]


@pytest.fixture
def central_moderator(people):
    return people["central_moderator"]


@pytest.mark.parametrize(("status", "action"), list(itertools.product(S.values, ModerationAction.values)))
def test_every_action_from_every_status(status, action, procedure, central_moderator, other_agency):
    feedback = in_status(make_feedback(procedure), status)
    events_before = feedback.events.count()
    if status in ACTION_SOURCES[action]:
        run(action, feedback, central_moderator, other_agency)
        feedback.refresh_from_db()
        assert feedback.status == ACTION_TARGET[action]
        event = feedback.events.last()
        assert (event.from_status, event.to_status, event.actor) == (
            status,
            ACTION_TARGET[action],
            central_moderator,
        )
    else:
        with pytest.raises(services.TransitionNotAllowed):
            run(action, feedback, central_moderator, other_agency)
        feedback.refresh_from_db()
        assert feedback.status == status
        assert feedback.events.count() == events_before
