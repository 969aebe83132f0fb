"""The results contract every engine honours, and the engine interface."""

from dataclasses import dataclass, field

__all__ = ["FACETS", "Engine", "EngineResult", "Filters", "Hit"]

# Facet keys, in display order: field (lĩnh vực), agency (cơ quan), level (cấp), online service level.
FACETS = ("field", "agency", "level", "online")


@dataclass(frozen=True)
class Filters:
    """Selected facet values: OR inside one facet, AND across facets. Inactive procedures are out by default."""

    field: frozenset = frozenset()
    agency: frozenset = frozenset()
    level: frozenset = frozenset()
    online: frozenset = frozenset()
    include_inactive: bool = False

    def selected(self, facet: str) -> frozenset:
        return getattr(self, facet)

    @property
    def any_selected(self) -> bool:
        return any(self.selected(facet) for facet in FACETS)


@dataclass
class Hit:
    """One procedure in the results, with the display values the index stores."""

    page_id: int
    code: str
    base_code: str
    name: str
    url: str
    field_id: int | None
    agency_id: int | None
    agency_label: str
    levels: tuple[str, ...]
    online_level: str
    legacy_level: str
    status: str
    successor_id: int | None
    score: float = 0.0
    promoted: bool = False


@dataclass
class EngineResult:
    hits: list[Hit]
    total: int
    facets: dict[str, dict] = field(default_factory=dict)  # facet -> {value: count}


class Engine:
    """Interface of a search engine. Text arrives folded and expanded (see `search.query.ParsedQuery`)."""

    name = "base"

    def search(self, query, *, filters: Filters, offset: int, limit: int, promoted=()) -> EngineResult:
        raise NotImplementedError

    def autocomplete(self, query, *, limit: int) -> list[Hit]:
        raise NotImplementedError

    def did_you_mean(self, query) -> str | None:
        """A corrected folded query when some words are unknown to the index, else None."""
        raise NotImplementedError

    def warm(self, token: str = "") -> int:
        """Prepare what the first query would otherwise wait for (a worker at start); the number of
        documents ready in this process. Nothing to do for an engine in another process."""
        return 0

    # Index maintenance: the database table `SearchDocument` is written first, then engines are told.
    def documents_changed(self, *, upserted: list, removed_page_ids: list[int]) -> None:
        """Called after documents were written to or removed from the SearchDocument table."""

    def rebuilt(self) -> None:
        """Called after the whole SearchDocument table was rebuilt."""

    def synonyms_changed(self) -> None:
        """Called after a synonym was saved or deleted."""
