"""Content health (issue 19, item 5): the live procedures that need an editor, by agency.

Four checks, each a reason a citizen would be let down:
- `incomplete`: a mandatory item of the national record is missing (completeness.missing_fields,
  kept on the page as `missing_info`);
- `stale`: not reviewed for 12 months (no publication, i.e. no reviewed change, for REVIEW_DAYS);
- `broken_downloads`: a downloadable form with no file, or whose file is gone from storage;
- `online_blocked`: advertised online but the portal cannot take its dossiers (online.acceptance_problems).

`agency_counts` gives the table of the admin report (docs/editors.md); `problem_pages` the pages of
one check (and one agency) with the reason, each linked to its edit screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .completeness import missing_labels
from .models import DossierComponent, ProcedureDocument, ProcedurePage
from .online import acceptance_problems, online_q

__all__ = ["CHECKS", "REVIEW_DAYS", "AgencyHealth", "agency_counts", "problem_pages"]

REVIEW_DAYS = 365
CHECKS = {
    "incomplete": _("Thiếu thông tin bắt buộc"),
    "stale": _("Hơn 12 tháng chưa rà soát"),
    "broken_downloads": _("Mẫu đơn không tải được"),
    "online_blocked": _("Trực tuyến nhưng không nhận được hồ sơ"),
}


@dataclass
class AgencyHealth:
    agency_id: int | None
    agency_name: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _live(agency_ids=None):
    pages = ProcedurePage.objects.live()
    if agency_ids is not None:
        pages = pages.filter(implementing_agency__in=agency_ids)
    return pages


def _document_broken(document) -> bool:
    if document is None:
        return True
    try:
        return not document.file or not document.file.storage.exists(document.file.name)
    except (OSError, ValueError):
        return True


def _broken_downloads(pages) -> dict[int, list[str]]:
    """Page id → titles of its forms that cannot be downloaded."""
    broken: dict[int, list[str]] = {}
    page_ids = pages.values("pk")
    for row in ProcedureDocument.objects.filter(page__in=page_ids).select_related("document"):
        if _document_broken(row.document):
            broken.setdefault(row.page_id, []).append(row.title)
    components = DossierComponent.objects.filter(page__in=page_ids, form_document__isnull=False)
    for row in components.select_related("form_document"):
        if _document_broken(row.form_document):
            broken.setdefault(row.page_id, []).append(row.form_name or row.name)
    return broken


def _reasons(check: str, pages) -> dict[int, str]:
    """Page id → why it fails `check`, for the pages of `pages` that do."""
    if check == "incomplete":
        return {
            pk: ", ".join(missing_labels(missing))
            for pk, missing in pages.exclude(missing_info=[]).values_list("pk", "missing_info")
        }
    if check == "stale":
        before = timezone.now() - timedelta(days=REVIEW_DAYS)
        stale = pages.filter(Q(last_published_at__lt=before) | Q(last_published_at__isnull=True))
        return {
            pk: (
                f"{_('xuất bản lần cuối')} {published:%d/%m/%Y}"
                if published
                else str(_("chưa xuất bản lần nào"))
            )
            for pk, published in stale.values_list("pk", "last_published_at")
        }
    if check == "broken_downloads":
        return {pk: "; ".join(titles) for pk, titles in _broken_downloads(pages).items()}
    if check == "online_blocked":
        online = pages.filter(online_q()).select_related("implementing_agency")
        return {page.pk: "; ".join(problems) for page in online if (problems := acceptance_problems(page))}
    raise KeyError(check)


def agency_counts(agency_ids=None) -> list[AgencyHealth]:
    """One row per implementing agency with at least one problem (agencies in `agency_ids` only, when
    given), ordered by the number of problems; procedures without an agency are one row of their own."""
    pages = _live(agency_ids)
    agency_of = dict(pages.values_list("pk", "implementing_agency_id"))
    names = dict(
        pages.exclude(implementing_agency=None).values_list(
            "implementing_agency_id", "implementing_agency__name"
        )
    )
    rows: dict[int | None, AgencyHealth] = {}
    for check in CHECKS:
        for pk in _reasons(check, pages):
            agency_id = agency_of.get(pk)
            row = rows.setdefault(
                agency_id,
                AgencyHealth(
                    agency_id,
                    names.get(agency_id) or str(_("(chưa gắn cơ quan)")),
                    dict.fromkeys(CHECKS, 0),  # in the order of the report's columns
                ),
            )
            row.counts[check] += 1
    return sorted(rows.values(), key=lambda row: (-row.total, row.agency_name))


def problem_pages(
    check: str, *, agency_id: int | None = None, agency_ids=None
) -> list[tuple[ProcedurePage, str]]:
    """The pages failing `check` (of one agency when `agency_id` is given; 0: no agency), with why."""
    pages = _live(agency_ids)
    if agency_id == 0:
        pages = pages.filter(implementing_agency=None)
    elif agency_id is not None:
        pages = pages.filter(implementing_agency_id=agency_id)
    reasons = _reasons(check, pages)
    found = pages.filter(pk__in=list(reasons)).select_related("implementing_agency").order_by("code")
    return [(page, reasons[page.pk]) for page in found]
