"""How a procedure reads to a citizen: Vietnamese numbers, money, time limits and the page's summary.

Pure display code: nothing here writes to the database. Templates reach it through
`procedures/templatetags/procedure_tags.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext as _

from .constants import ChannelKind, OnlineLevel, ProcedureStatus, TimeUnit

__all__ = [
    "ProcedureView",
    "build_procedure_view",
    "format_amount",
    "format_fee",
    "format_file_size",
    "format_number",
    "format_time_limit",
]


# --- Numbers -----------------------------------------------------------------------------------
def _separators() -> tuple[str, str]:
    """(thousands, decimal) separators of the active language: 1.234.567,5 in Vietnamese."""
    if (get_language() or "vi").split("-")[0] == "en":
        return ",", "."
    return ".", ","


def format_number(value, *, decimals: int = 2) -> str:
    """`50000` -> "50.000"; `Decimal("7.50")` -> "7,5" (trailing zeros dropped)."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    thousands, decimal_sep = _separators()
    sign = "-" if number < 0 else ""
    number = abs(number).quantize(Decimal(1).scaleb(-decimals))
    whole, _dot, fraction = f"{number:f}".partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return sign + text + (decimal_sep + fraction if fraction else "")


def format_amount(amount) -> str:
    """`50000` -> "50.000 đồng"."""
    if amount is None or amount == "":
        return ""
    return _("%(amount)s đồng") % {"amount": format_number(amount, decimals=0)}


def format_fee(amount, text: str = "") -> str:
    """The fee of a channel: "Miễn phí" for zero, the amount in đồng, or else the source text."""
    if amount is not None:
        return _("Miễn phí") if amount == 0 else format_amount(amount)
    return (text or "").strip()


# "%(n)s <unit>" with the plural form of the language shown ("1 working day", "15 working days");
# the form is chosen by "count", the number shown is "n" (written the Vietnamese way: 1,5).
_TIME_LIMIT_PLURALS = {
    TimeUnit.WORKING_DAYS: ngettext_lazy("%(n)s ngày làm việc", "%(n)s ngày làm việc", "count"),
    TimeUnit.DAYS: ngettext_lazy("%(n)s ngày", "%(n)s ngày", "count"),
    TimeUnit.HOURS: ngettext_lazy("%(n)s giờ", "%(n)s giờ", "count"),
    TimeUnit.WORKING_HOURS: ngettext_lazy("%(n)s giờ làm việc", "%(n)s giờ làm việc", "count"),
    TimeUnit.MONTHS: ngettext_lazy("%(n)s tháng", "%(n)s tháng", "count"),
    TimeUnit.YEARS: ngettext_lazy("%(n)s năm", "%(n)s năm", "count"),
}


def format_time_limit(value, unit: str = "", text: str = "") -> str:
    """`(15, "working_days")` -> "15 ngày làm việc" ("15 working days", "1 working day" in English);
    the source text when it was not parsed."""
    if value is not None and unit in TimeUnit.values:
        count = 1 if value == 1 else 2  # fractions (1,5 days) take the plural
        return _TIME_LIMIT_PLURALS[TimeUnit(unit)] % {"count": count, "n": format_number(value)}
    return (text or "").strip()


def format_file_size(size: int | None) -> str:
    if not size:
        return ""
    if size < 1024:
        return _("%(n)s byte") % {"n": format_number(size)}
    if size < 1024 * 1024:
        return f"{format_number(Decimal(size) / 1024, decimals=0)} KB"
    return f"{format_number(Decimal(size) / (1024 * 1024), decimals=1)} MB"


# --- Does the source text say more than the parsed value? -------------------------------------
_NOISE = {
    "viet", "nam", "dong", "vnd", "d", "mien", "phi", "le", "ngay", "lam", "viec", "gio",
    "thang", "tuan", "khong", "va", "working", "days", "day", "free", "hours",
}  # fmt: skip


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return set(re.findall(r"[a-z]+", folded))


def source_note(text: str, shown: str) -> str:
    """`text` when it carries words `shown` does not (conditions, exceptions), else ''."""
    text = (text or "").strip()
    if not text or text == shown:
        return ""
    extra = _words(text) - _words(shown) - _NOISE
    return text if extra else ""


# --- The procedure page ------------------------------------------------------------------------
@dataclass
class DocumentLink:
    title: str
    url: str
    extension: str
    size: str


@dataclass
class ChannelRow:
    kind: str
    label: str
    time_limit: str
    time_note: str
    fee: str
    fee_note: str
    description: str


@dataclass
class ComponentRow:
    name: str
    quantity: str
    form_name: str
    form: DocumentLink | None
    note: str = ""


@dataclass
class ComponentGroup:
    heading: str
    items: list[ComponentRow] = field(default_factory=list)


@dataclass
class ProcedureView:
    channels: list[ChannelRow]
    groups: list[ComponentGroup]
    documents: list[DocumentLink]
    results: list
    legal_bases: list
    levels: list
    time_summary: list[tuple[str, str]]
    fee_summary: list[tuple[str, str]]
    where: str
    online_label: str
    legacy_label: str
    is_online: bool
    status_label: str
    is_abolished: bool
    successor: object | None
    agencies: list[tuple[str, str]]
    updated_at: object | None
    component_count: int = 0


GROUP_HEADING_MAX = 90


def _document_link(document, title: str = "") -> DocumentLink | None:
    if document is None:
        return None
    return DocumentLink(
        title=title or document.title,
        url=document.url,
        extension=(document.file_extension or "").upper(),
        size=format_file_size(document.file_size),
    )


def _quantity(component) -> str:
    parts = []
    if component.originals is not None:
        parts.append(_("Bản chính: %(n)s") % {"n": component.originals})
    if component.copies is not None:
        parts.append(_("Bản sao: %(n)s") % {"n": component.copies})
    return "; ".join(parts) or component.quantity_text.strip()


def _summary(rows: list[ChannelRow], attribute: str) -> list[tuple[str, str]]:
    """One value when every channel agrees, else one (channel, value) pair per channel."""
    pairs = [(row.label or row.kind, getattr(row, attribute)) for row in rows if getattr(row, attribute)]
    if len({value for _label, value in pairs}) == 1:
        return [("", pairs[0][1])]
    return pairs


def _agency(obj, text: str) -> str:
    if obj is not None:
        return obj.name
    return (text or "").strip()


def build_procedure_view(page) -> ProcedureView:
    """Everything the procedure template shows, loaded in a fixed number of queries."""
    channels = []
    for channel in page.channels.all():
        time_limit = format_time_limit(
            channel.time_limit_value, channel.time_limit_unit, channel.time_limit_text
        )
        fee = format_fee(channel.fee_amount, channel.fee_text)
        time_note = source_note(channel.time_limit_text, time_limit)
        fee_note = source_note(channel.fee_text, fee)
        # Where the source glued time and fee together ("1Miễn phí"), show that text as it is.
        unsplit = (getattr(channel, "unsplit_text", "") or "").strip()
        if unsplit and not time_limit and not fee:
            time_note, fee_note = unsplit, _("Ghi chung với thời hạn giải quyết.")
        kind = str(ChannelKind(channel.kind).label) if channel.kind in ChannelKind.values else channel.kind
        # The known kinds read in the citizen's language; "other" keeps the source's own wording.
        label = channel.label.strip() if channel.kind == ChannelKind.OTHER or not kind else kind
        channels.append(
            ChannelRow(
                kind=kind,
                label=label or kind,
                time_limit=time_limit,
                time_note=time_note,
                fee=fee,
                fee_note=fee_note,
                description=channel.description.strip(),
            )
        )

    groups: list[ComponentGroup] = []
    count = 0
    for component in page.components.select_related("form_document"):
        group = component.group.strip()
        # Short groups ("Giấy tờ phải nộp") are headings; the national data often puts a whole
        # sentence about one document there, which reads better as a note under that document.
        heading, note = (group, "") if len(group) <= GROUP_HEADING_MAX else ("", group)
        if not groups or groups[-1].heading != heading:
            groups.append(ComponentGroup(heading))
        groups[-1].items.append(
            ComponentRow(
                name=component.name.strip(),
                quantity=_quantity(component),
                form_name=component.form_name.strip(),
                form=_document_link(component.form_document, component.form_name.strip()),
                note=note,
            )
        )
        count += 1

    documents = [
        link
        for row in page.documents.select_related("document")
        if (link := _document_link(row.document, row.title)) is not None
    ]

    where = page.submission_place.strip()
    if not where and page.implementing_agency_id:
        agency = page.implementing_agency
        where = ", ".join(part for part in (agency.name, agency.address) if part)

    successor = page.successor if page.successor_id else None
    if successor is not None and not successor.live:
        successor = None

    agencies = [
        (_("Cơ quan có thẩm quyền"), _agency(page.competent_agency, page.competent_agency_text)),
        (_("Cơ quan thực hiện"), _agency(page.implementing_agency, page.implementing_agency_text)),
        (_("Cơ quan được ủy quyền"), page.delegated_agency_text.strip()),
        (_("Cơ quan phối hợp"), page.coordinating_agency_text.strip()),
        (_("Cơ quan ban hành"), page.issuing_agency_text.strip()),
    ]
    updated = page.last_published_at or page.latest_revision_created_at
    online = page.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL)
    return ProcedureView(
        channels=channels,
        groups=groups,
        documents=documents,
        results=list(page.results.all()),
        legal_bases=list(page.legal_bases.all()),
        levels=list(page.levels.all()),
        time_summary=_summary(channels, "time_limit"),
        fee_summary=_summary(channels, "fee"),
        where=where,
        online_label=str(page.get_online_level_display()),
        legacy_label=str(page.get_legacy_level_display()) if page.legacy_level else "",
        is_online=online,
        status_label=str(page.get_status_display()),
        is_abolished=page.status == ProcedureStatus.ABOLISHED,
        successor=successor,
        agencies=[(label, value) for label, value in agencies if value],
        updated_at=timezone.localtime(updated) if updated else None,
        component_count=count,
    )
