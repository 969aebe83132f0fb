"""The staff area's queries: an officer's work queue (tabs, filters, search, sort, counts), the
dossier an officer may open, internal notes.

Visibility is decided once, in `dossiers.access.visible_dossiers()`; every query here starts
from it, so a filter or a URL can never reach another unit's dossier. File access (and its log)
is `dossiers.file_access`, shared with the citizen's side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.names import full_name as person_name
from dossiers.access import officer_roles, transferred_away, visible_dossiers
from dossiers.clock import due_today_q, overdue_q
from dossiers.constants import OPEN_STATUSES, DossierStatus
from dossiers.models import Dossier, DossierNote
from dossiers.transitions import TransitionRefused

__all__ = [
    "SORTS",
    "TABS",
    "QueueQuery",
    "add_note",
    "dossier_for_officer",
    "officer_queue",
    "parse_queue_query",
    "tab_counts",
]

TABS = {
    "dang-xu-ly": gettext_lazy("Chưa hoàn tất"),
    "moi": gettext_lazy("Mới đăng ký"),
    "den-han": gettext_lazy("Đến hạn hôm nay"),
    "qua-han": gettext_lazy("Quá hạn"),
    "cho-bo-sung": gettext_lazy("Chờ bổ sung"),
    "da-chuyen": gettext_lazy("Đã chuyển liên thông"),
    "tat-ca": gettext_lazy("Tất cả"),
}
SORTS = {
    "han": gettext_lazy("Hạn xử lý: sớm nhất trước"),
    "-han": gettext_lazy("Hạn xử lý: muộn nhất trước"),
    "-nop": gettext_lazy("Ngày nộp: mới nhất trước"),
    "nop": gettext_lazy("Ngày nộp: cũ nhất trước"),
}
_CODE_LIKE = re.compile(r"^[0-9A-Za-z.]+-\d{6}-\d{1,4}$")


@dataclass
class QueueQuery:
    tab: str = "dang-xu-ly"
    status: str = ""
    procedure: str = ""
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    q: str = ""
    sort: str = "han"
    errors: list[str] = field(default_factory=list)

    def params(self, **overrides) -> dict:
        values = {
            "tab": self.tab,
            "trang_thai": self.status,
            "thu_tuc": self.procedure,
            "tu_ngay": self.date_from.isoformat() if self.date_from else "",
            "den_ngay": self.date_to.isoformat() if self.date_to else "",
            "qua_han": "1" if self.overdue else "",
            "q": self.q,
            "sap_xep": self.sort,
        }
        values.update(overrides)
        return {k: v for k, v in values.items() if v}


def _date(value: str, label: str, errors: list[str]) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(_("%(label)s không hợp lệ; dùng định dạng ngày/tháng/năm.") % {"label": label})
        return None


def parse_queue_query(params) -> QueueQuery:
    """Read the queue's GET parameters; bad values are dropped with a Vietnamese message."""
    errors: list[str] = []
    tab = params.get("tab", "dang-xu-ly")
    if tab not in TABS:
        tab = "dang-xu-ly"
    status = params.get("trang_thai", "")
    if status and status not in DossierStatus.values:
        errors.append(_("Trạng thái không hợp lệ."))
        status = ""
    sort = params.get("sap_xep", "han")
    if sort not in SORTS:
        sort = "han"
    query = QueueQuery(
        tab=tab,
        status=status,
        procedure=(params.get("thu_tuc") or "").strip()[:64],
        date_from=_date(params.get("tu_ngay", ""), _("Từ ngày"), errors),
        date_to=_date(params.get("den_ngay", ""), _("Đến ngày"), errors),
        overdue=params.get("qua_han") == "1",
        q=(params.get("q") or "").strip()[:100],
        sort=sort,
        errors=errors,
    )
    if query.date_from and query.date_to and query.date_from > query.date_to:
        errors.append(_("“Từ ngày” phải trước “Đến ngày”."))
        query.date_to = None
    return query


def _tab_filter(tab: str, today: date) -> Q:
    return {
        "dang-xu-ly": Q(status__in=OPEN_STATUSES),
        "moi": Q(status=DossierStatus.NEW),
        "den-han": due_today_q(today),
        "qua-han": overdue_q(today),
        "cho-bo-sung": Q(status=DossierStatus.SUPPLEMENT_REQUESTED),
        "da-chuyen": Q(),
        "tat-ca": Q(),
    }[tab]


def officer_queue(*, user, query: QueueQuery, today: date | None = None) -> QuerySet:
    """The dossiers of this officer's units matching the query, sorted (due date by default)."""
    today = today or timezone.localdate()
    qs = _tab_base(user, query.tab).filter(_tab_filter(query.tab, today))
    if query.status:
        qs = qs.filter(status=query.status)
    if query.procedure:
        qs = qs.filter(procedure_code=query.procedure)
    if query.date_from:
        qs = qs.filter(submitted_at__date__gte=query.date_from)
    if query.date_to:
        qs = qs.filter(submitted_at__date__lte=query.date_to)
    if query.overdue:
        qs = qs.filter(overdue_q(today))
    if query.q:
        text = query.q
        if _CODE_LIKE.match(text):
            qs = qs.filter(code=text.upper())
        else:
            qs = qs.filter(
                Q(code__icontains=text)
                | Q(applicant_name__icontains=text)
                | Q(applicant_phone=text)
                | Q(applicant_citizen_id=text)
            )
    order = {
        "han": [F("appointment_date").asc(nulls_last=True), "submitted_at"],
        "-han": [F("appointment_date").desc(nulls_last=True), "-submitted_at"],
        "nop": ["submitted_at", "pk"],
        "-nop": ["-submitted_at", "-pk"],
    }[query.sort]
    return qs.order_by(*order).select_related("receiving_unit", "competent_agency")


def _tab_base(user, tab: str) -> QuerySet:
    """The work queue is the dossiers now in the officer's units; the "Đã chuyển liên thông" tab
    lists those transferred away from their agencies, which they may read but not act on."""
    return transferred_away(user) if tab == "da-chuyen" else visible_dossiers(user)


def tab_counts(*, user, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return {
        tab: _tab_base(user, tab).filter(_tab_filter(tab, today)).count() for tab in TABS if tab != "tat-ca"
    }


def dossier_for_officer(*, user, code: str) -> Dossier | None:
    """The dossier with this code if this officer's units reach it, or it was transferred away
    from one of their agencies (read-only then); None otherwise (the same answer for a code that
    does not exist, so nothing leaks)."""
    return (
        visible_dossiers(user, include_transferred=True)
        .filter(code=code)
        .select_related("procedure", "receiving_unit", "competent_agency", "user")
        .first()
    )


def add_note(*, dossier: Dossier, author, text: str) -> DossierNote:
    text = (text or "").strip()
    if not text:
        raise TransitionRefused(_("Nhập nội dung ghi chú."), code="note")
    if not officer_roles(author, dossier):  # not read-only access after a transfer
        raise TransitionRefused(_("Bạn không có quyền ghi chú hồ sơ này."), code="permission")
    name = person_name(author) or author.get_username()
    return DossierNote.objects.create(
        dossier=dossier, author=author, author_name=name[:255], text=text[:4000]
    )
