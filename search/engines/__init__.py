"""Engine selection: the embedded engine by default, Elasticsearch/OpenSearch when configured.

`SEARCH_ENGINE` (portal/settings/components/search.py) names the engine; when it is empty, a non-empty
`SEARCH_URL` selects Elasticsearch and an empty one the embedded engine.
"""

import threading

from django.conf import settings

from .base import FACETS, Engine, EngineResult, Filters, Hit

__all__ = ["FACETS", "Engine", "EngineResult", "Filters", "Hit", "engine_name", "get_engine", "reset_engine"]

_lock = threading.Lock()
_engine: Engine | None = None
ENGINES = ("embedded", "elasticsearch", "opensearch")


def engine_name() -> str:
    name = (getattr(settings, "SEARCH_ENGINE", "") or "").strip().lower()
    if not name:
        name = "elasticsearch" if getattr(settings, "SEARCH_URL", "") else "embedded"
    if name not in ENGINES:
        raise ValueError(f"SEARCH_ENGINE={name!r}: expected one of {', '.join(ENGINES)}")
    return name


def _create(name: str) -> Engine:
    if name == "embedded":
        from .memory import MemoryEngine

        return MemoryEngine()
    from .elastic import ElasticEngine

    return ElasticEngine.from_settings(flavor=name)


def get_engine() -> Engine:
    global _engine
    engine = _engine
    if engine is None:
        with _lock:
            if _engine is None:
                _engine = _create(engine_name())
            engine = _engine
    return engine


def reset_engine(engine: Engine | None = None) -> None:
    """Drop the process's engine (tests and settings changes); optionally install another one."""
    global _engine
    with _lock:
        _engine = engine
