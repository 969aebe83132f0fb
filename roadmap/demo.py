"""Demo data: the 2015 roadmap of Long An, linked to the demo catalog where a demo procedure fits.

Called by the demo loader (`manage.py load_demo`): `from roadmap.demo import load_demo_roadmap`.
Idempotent. The decision comes from roadmap/demo_data (the project's own transcription); links are
found at run time from the demo catalog by folded title phrases and confirmed in the name of the
demo data (origin "demo", confirmed by the first member of the monitor group if there is one). The
level history it adds is illustrative and says so in each record's note.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from procedures.constants import LegacyLevel, OnlineLevel
from procedures.models import ProcedurePage

from .constants import MONITOR_GROUP_NAME, LevelSource, LinkOrigin
from .demo_data import decision_1396_2015 as decision
from .importer import import_roadmap_data
from .levels import level43
from .models import ProcedureLevelRecord
from .services import confirm_link, fold_words, sync_level_records

__all__ = ["load_demo_roadmap"]

ILLUSTRATIVE = "Dữ liệu minh họa (demo)"
BASELINE_DAY = datetime.date(2015, 1, 1)


def _demo_monitor():
    return (
        get_user_model()
        .objects.filter(groups__name=MONITOR_GROUP_NAME, is_active=True)
        .order_by("pk")
        .first()
    )


def _add_history(page: ProcedurePage, *, reached_year: int | None = None, min_level: int = 3) -> int:
    """Level 2 from 2015 for every demo procedure; for a linked one, its current level from mid
    `reached_year` when that level meets the item's target. Skipped when already written."""
    existing = ProcedureLevelRecord.objects.filter(procedure=page, note=ILLUSTRATIVE)
    common = {"procedure": page, "source": LevelSource.MANUAL, "note": ILLUSTRATIVE, "in_force": True}
    complete = not page.missing_info
    written = 0
    if not existing.filter(effective_date=BASELINE_DAY).exists():
        ProcedureLevelRecord.objects.create(
            effective_date=BASELINE_DAY,
            online_level=OnlineLevel.NONE,
            legacy_level=LegacyLevel.LEVEL_2,
            complete=complete,
            **common,
        )
        written += 1
    if (
        reached_year
        and level43(page.online_level, page.legacy_level) >= min_level
        and not existing.exclude(effective_date=BASELINE_DAY).exists()
    ):
        ProcedureLevelRecord.objects.create(
            effective_date=datetime.date(reached_year, 6, 1),
            online_level=page.online_level,
            legacy_level=page.legacy_level,
            complete=complete,
            **common,
        )
        written += 1
    return written


def load_demo_roadmap() -> dict:
    with transaction.atomic():
        report = import_roadmap_data(decision.as_import_data())
        roadmap = report.roadmap
        synced = sync_level_records()
        titles = [
            (page, " ".join(fold_words(page.official_name or page.title)))
            for page in ProcedurePage.objects.live()
        ]
        monitor = _demo_monitor()
        history = sum(_add_history(page) for page, _title in titles)
        links = 0
        for (tier, number), (phrases, year) in decision.DEMO_LINKS.items():
            item = roadmap.items.filter(tier=tier, number=number).first()
            if item is None:
                continue
            for page, title in titles:
                if any(phrase in title for phrase in phrases):
                    if not item.links.filter(procedure=page).exists():
                        confirm_link(
                            item=item, procedure=page, user=monitor, origin=LinkOrigin.DEMO, note=ILLUSTRATIVE
                        )
                        links += 1
                    history += _add_history(page, reached_year=year, min_level=item.min_level)
    return {
        "roadmap": roadmap.number,
        "items": roadmap.items.count(),
        "import": report.summary_line(),
        "level_records_synced": synced,
        "links_created": links,
        "history_records": history,
    }
