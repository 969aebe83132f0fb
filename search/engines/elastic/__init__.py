from .engine import ElasticEngine, make_transport

__all__ = ["ElasticEngine", "make_transport"]
