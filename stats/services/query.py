"""What a statistics page or export is asked for: roadmap, date (or year), agency — from GET parameters.

Parameters (the same on pages, exports and open data): `lo_trinh` (roadmap slug; default: the
latest roadmap in force), `nam` (a year: its 31 December, or today for the current year), `ngay`
(a date, YYYY-MM-DD; wins over `nam`), `co_quan` (agency slug), `thu_tuc` (procedure code). Bad values give a Vietnamese
error and fall back to the default; nothing fails.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from roadmap.constants import RoadmapStatus
from roadmap.models import Roadmap

__all__ = ["StatsQuery", "default_roadmap", "parse_query"]

# The earliest day a figure can be asked for (the portal's data and the roadmaps start later).
EARLIEST = datetime.date(1990, 1, 1)


@dataclass
class StatsQuery:
    day: datetime.date
    roadmap: Roadmap | None = None
    agency: Agency | None = None
    year: int | None = None
    procedure: object | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def agency_id(self) -> int | None:
        return self.agency.pk if self.agency else None

    def params(self, **overrides) -> dict:
        """GET parameters that reproduce this query (for export links)."""
        values = {
            "lo_trinh": self.roadmap.slug if self.roadmap else None,
            "co_quan": self.agency.slug if self.agency else None,
            "nam": self.year,
            "ngay": None if self.year else self.day.isoformat(),
            "thu_tuc": self.procedure.code if self.procedure else None,
        }
        values.update(overrides)
        return {k: v for k, v in values.items() if v not in (None, "")}


def default_roadmap() -> Roadmap | None:
    return (
        Roadmap.objects.filter(status=RoadmapStatus.IN_FORCE).order_by("-issued_on").first()
        or Roadmap.objects.order_by("-issued_on").first()
    )


def parse_query(params, *, agency: Agency | None = None, roadmap: Roadmap | None = None) -> StatsQuery:
    today = timezone.localdate()
    query = StatsQuery(day=today, agency=agency, roadmap=roadmap)
    slug = (params.get("lo_trinh") or "").strip()
    if query.roadmap is None and slug:
        query.roadmap = Roadmap.objects.filter(slug=slug).first()
        if query.roadmap is None:
            query.errors.append(
                _("Không có lộ trình “%(slug)s”; đang hiển thị lộ trình mặc định.") % {"slug": slug}
            )
    if query.roadmap is None:
        query.roadmap = default_roadmap()
    raw_day, raw_year = (params.get("ngay") or "").strip(), (params.get("nam") or "").strip()
    if raw_day:
        try:
            day = datetime.date.fromisoformat(raw_day)
            if day < EARLIEST:
                query.errors.append(
                    _("Ngày %(day)s quá xa: số liệu có từ năm %(year)s.")
                    % {"day": raw_day, "year": EARLIEST.year}
                )
            elif day > today:
                query.errors.append(
                    _("Ngày %(day)s ở tương lai; đang hiển thị số liệu hôm nay.") % {"day": raw_day}
                )
            else:
                query.day = day
        except ValueError:
            query.errors.append(
                _("Ngày “%(day)s” không hợp lệ (cần dạng năm-tháng-ngày).") % {"day": raw_day}
            )
    elif raw_year:
        if raw_year.isdigit() and len(raw_year) == 4 and EARLIEST.year <= int(raw_year) <= today.year:
            query.year = int(raw_year)
            query.day = min(today, datetime.date(query.year, 12, 31))
        else:
            query.errors.append(_("Năm “%(year)s” không hợp lệ.") % {"year": raw_year})
    agency_slug = (params.get("co_quan") or "").strip()
    if query.agency is None and agency_slug:
        query.agency = Agency.objects.filter(slug=agency_slug).first()
        if query.agency is None:
            query.errors.append(
                _("Không có cơ quan “%(slug)s”; đang hiển thị toàn tỉnh.") % {"slug": agency_slug}
            )
    code = (params.get("thu_tuc") or "").strip()
    if code:
        from procedures.services import find_by_code

        query.procedure = find_by_code(code)
        if query.procedure is None:
            query.errors.append(_("Không có thủ tục mã “%(code)s”.") % {"code": code})
    return query
