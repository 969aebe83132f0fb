"""A worker builds its search index when it starts (issue 18, item 4), not on a citizen's first query."""

import pytest

from search.engines import get_engine
from search.services import run_search, warm_up

pytestmark = pytest.mark.django_db


def test_warm_up_loads_the_index_and_spelling_that_the_first_query_uses(make_procedure, monkeypatch):
    make_procedure("1.000001", "Đăng ký khai sinh")
    make_procedure("1.000002", "Đăng ký khai tử")
    engine = get_engine()
    engine.reset()
    assert warm_up() == 2
    index, spelling = engine._index, engine._spelling
    assert index is not None and spelling is not None
    # The first citizen's query is served from that index: nothing is built again.
    monkeypatch.setattr(type(engine), "load", lambda *a, **k: pytest.fail("the index was built again"))
    outcome = run_search(query="khai sihn")
    assert engine._index is index
    assert "khai sinh" in outcome.suggestion and engine._spelling is spelling
