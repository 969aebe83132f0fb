from .engine import MemoryEngine
from .index import MemoryIndex, RankingConfig

__all__ = ["MemoryEngine", "MemoryIndex", "RankingConfig"]
