"""Editors' promoted results (wagtail.contrib.search_promotions), matched on the folded query."""

import threading
from dataclasses import dataclass

from .text import fold

__all__ = ["Promotions", "promotions_for"]


@dataclass(frozen=True)
class PromotedLink:
    url: str
    title: str
    description: str


@dataclass(frozen=True)
class Promotions:
    page_ids: tuple[int, ...] = ()
    links: tuple[PromotedLink, ...] = ()


_lock = threading.Lock()
_cache: dict = {}


def _compile(token: str) -> dict[str, Promotions]:
    from wagtail.contrib.search_promotions.models import SearchPromotion

    table: dict[str, tuple[list, list]] = {}
    rows = SearchPromotion.objects.select_related("query", "page").order_by("sort_order", "pk")
    for promotion in rows:
        key = fold(promotion.query.query_string)
        pages, links = table.setdefault(key, ([], []))
        if promotion.page_id:
            pages.append(promotion.page_id)
        elif promotion.external_link_url:
            links.append(
                PromotedLink(
                    url=promotion.external_link_url,
                    title=promotion.external_link_text or promotion.external_link_url,
                    description=promotion.description,
                )
            )
    return {key: Promotions(tuple(pages), tuple(links)) for key, (pages, links) in table.items()}


def promotions_for(folded_query: str, *, token: str) -> Promotions:
    current = _cache.get("current")
    if current is None or current[0] != token:
        with _lock:
            current = _cache.get("current")
            if current is None or current[0] != token:
                current = _cache["current"] = (token, _compile(token))
    return current[1].get(folded_query, Promotions())
