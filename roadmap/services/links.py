"""Linking roadmap items to the catalog procedures that realise them.

Suggestions come from the portal's search (search.services.run_search), or from a folded-name
match when the search finds nothing. They are only suggestions: a link (ItemProcedureLink) exists only once a person confirmed
it, and each confirmation / removal is written to the item's Wagtail history (log entries).
"""

import re
from dataclasses import dataclass

from anyascii import anyascii
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from procedures.models import ProcedurePage

from ..constants import LinkOrigin
from ..models import ItemProcedureLink, RoadmapItem

__all__ = ["Suggestion", "confirm_link", "fold_words", "remove_link", "search_text", "suggest_procedures"]

# Words of the decision's list that describe the grouping, not the service.
_GENERIC = {
    "cac", "nhom", "thu", "tuc", "dich", "vu", "lien", "quan", "den", "linh", "vuc", "hoat", "dong",
    "trong", "cho", "va", "cua", "theo", "khac", "tuy", "nhu", "cau", "phat", "trien", "don", "vi",
}  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    procedure: ProcedurePage
    score: float
    origin: str


def fold_words(text: str) -> list[str]:
    """ "Đăng ký kết hôn" → ["dang", "ky", "ket", "hon"] (anyascii folding, đ → d)."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in anyascii(text or "").lower())
    return cleaned.split()


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:], strict=False))


def _name_suggestions(item: RoadmapItem, candidates, limit: int) -> list[Suggestion]:
    """Folded-name match: shared syllable pairs and content syllables between the item and the title."""
    item_words = fold_words(item.service)
    content = {w for w in item_words if w not in _GENERIC}
    pairs = {p for p in _pairs(item_words) if not (p[0] in _GENERIC and p[1] in _GENERIC)}
    if not content:
        return []
    scored = []
    for page in candidates.only("id", "title", "official_name", "code", "implementing_agency_id"):
        words = fold_words(page.official_name or page.title)
        shared_pairs = len(pairs & _pairs(words)) / max(len(pairs), 1)
        shared_words = len(content & set(words)) / len(content)
        score = 0.6 * shared_pairs + 0.4 * shared_words
        if item.agency_id and page.implementing_agency_id == item.agency_id:
            score += 0.1
        if score >= 0.35:
            scored.append(Suggestion(page, round(score, 3), LinkOrigin.NAME))
    scored.sort(key=lambda s: (-s.score, s.procedure.code))
    return scored[:limit]


# Words of the decision's lists that name a group, not a service: dropped before searching.
_GROUP_PREFIX = re.compile(
    r"^(các|nhóm)\s+(thủ tục|dịch vụ)(\s+công)?(\s+liên quan đến)?(\s+(lĩnh vực|hoạt động))?\s+",
    re.IGNORECASE,
)


def search_text(item: RoadmapItem) -> str:
    """ "Các thủ tục liên quan đến cấp giấy phép xây dựng" → "cấp giấy phép xây dựng"."""
    return _GROUP_PREFIX.sub("", item.service.strip()) or item.service


def _search_suggestions(item: RoadmapItem, limit: int) -> list[Suggestion]:
    """The portal's search (search.services.run_search), best first."""
    from search.services import run_search

    outcome = run_search(query=search_text(item), per_page=limit, describe=False)
    order = [hit.page_id for hit in outcome.hits]
    pages = ProcedurePage.objects.in_bulk(order)
    return [
        Suggestion(pages[pk], round(1 / (rank + 1), 3), LinkOrigin.SEARCH)
        for rank, pk in enumerate(order)
        if pk in pages
    ]


def suggest_procedures(*, item: RoadmapItem, limit: int = 15) -> list[Suggestion]:
    """Candidate procedures for `item`, best first, without those already linked."""
    linked = set(item.links.values_list("procedure_id", flat=True))
    candidates = ProcedurePage.objects.live().exclude(pk__in=linked)
    found = _search_suggestions(item, limit + len(linked))
    if not found:  # nothing from the search index (e.g. not built yet): a folded-name match
        found = _name_suggestions(item, candidates, limit)
    return [s for s in found if s.procedure.pk not in linked][:limit]


def confirm_link(
    *, item: RoadmapItem, procedure: ProcedurePage, user, origin: str = LinkOrigin.MANUAL, note: str = ""
) -> ItemProcedureLink:
    """A person confirms that `procedure` realises `item`. Idempotent; logged in the item's history."""
    try:
        with transaction.atomic():
            link = ItemProcedureLink.objects.create(
                item=item,
                procedure=procedure,
                origin=origin,
                confirmed_by=user if getattr(user, "pk", None) else None,
                confirmed_at=timezone.now(),
                note=note[:255],
            )
    except IntegrityError:
        return ItemProcedureLink.objects.get(item=item, procedure=procedure)
    log(
        instance=item,
        action="roadmap.link",
        user=user if getattr(user, "pk", None) else None,
        data={"procedure_id": procedure.pk, "code": procedure.code, "origin": origin},
    )
    return link


def remove_link(*, link: ItemProcedureLink, user) -> None:
    item, procedure = link.item, link.procedure
    link.delete()
    log(
        instance=item,
        action="roadmap.unlink",
        user=user if getattr(user, "pk", None) else None,
        data={"procedure_id": procedure.pk, "code": procedure.code},
    )
