"""Formatting statistics for people: Vietnamese number format, dates d/m/Y, "—" for no value."""

import datetime
import re
from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils import numberformat
from django.utils.formats import date_format, get_format, number_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


class _Numbers:
    """The active language's separators, looked up once per table instead of once per cell."""

    def __init__(self):
        lang = get_language()
        self.decimal = get_format("DECIMAL_SEPARATOR", lang)
        self.thousand = get_format("THOUSAND_SEPARATOR", lang)
        self.grouping = get_format("NUMBER_GROUPING", lang)

    def format(self, value, decimal_pos=None) -> str:
        if decimal_pos is None and type(value) is int:  # most cells: what numberformat gives, faster
            if self.grouping == 0:
                return str(value)
            if self.grouping == 3:
                return f"{value:,}".replace(",", self.thousand)
        return numberformat.format(
            value, self.decimal, decimal_pos, self.grouping, self.thousand, force_grouping=True
        )


def _value(value, kind: str, numbers: _Numbers):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or kind == "bool":
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    if kind == "int" or isinstance(value, int):
        return numbers.format(value)
    if isinstance(value, Decimal | float):
        return numbers.format(value, decimal_pos=2)
    return value


@register.filter
def stat_value(value, kind: str = "text"):
    return _value(value, kind, _Numbers())


@register.filter
def cell(row: dict, column):
    return stat_value(row.get(column.key), column.kind)


class _AgencyUrls:
    """The agency statistics page's URL per slug: reversed once, the slug put in its place (a slug
    is URL-safe); anything else is reversed as usual."""

    SAFE = re.compile(r"[-a-zA-Z0-9_]+")

    def __init__(self):
        self.pattern = reverse("stats:agency", args=["slug0"])

    def __call__(self, slug) -> str:
        if self.SAFE.fullmatch(slug) and self.pattern.count("slug0") == 1:
            return conditional_escape(self.pattern.replace("slug0", slug))
        return conditional_escape(reverse("stats:agency", args=[slug]))


@register.simple_tag
def stats_table(table, link_agencies: bool = False):
    """A statistics table: caption, one header row, a row header per row, `data-label` on each cell
    (the stacked layout on phones shows it), status badges, links to agency pages. Written in Python
    rather than a template loop: the province page renders about a thousand cells."""
    numbers = _Numbers()
    kinds = [(column.key, column.kind, conditional_escape(column.label)) for column in table.columns]
    slug = conditional_escape(table.slug)
    out = [
        f'<div class="stats-table-wrap" role="region" aria-labelledby="tbl-{slug}-caption" tabindex="0">\n'
        f'<table class="stack-table stats-table" id="tbl-{slug}">\n'
        f'  <caption id="tbl-{slug}-caption">{conditional_escape(table.title)}</caption>\n'
        "  <thead>\n    <tr>",
        *(f'<th scope="col" class="stats-table__{kind}">{label}</th>' for _key, kind, label in kinds),
        "</tr>\n  </thead>\n  <tbody>\n",
    ]
    agency_url = _AgencyUrls() if link_agencies else None
    for row in table.rows:
        status = row.get("status_code")
        out.append(f'    <tr class="status-{conditional_escape(status)}">' if status else "    <tr>")
        for index, (key, kind, label) in enumerate(kinds):
            value = row.get(key)
            if type(value) is int and kind in ("int", "text"):
                text = numbers.format(value)  # digits and the locale's separators: nothing to escape
            else:
                text = conditional_escape(_value(value, kind, numbers))
            if index == 0:
                if agency_url and row.get("slug"):
                    text = f'<a href="{agency_url(row["slug"])}">{text}</a>'
                out.append(f'<th scope="row" class="stats-table__{kind}">{text}</th>')
            elif key == "status" and status:
                out.append(
                    f'<td data-label="{label}"><span class="status-badge '
                    f'status-badge--{conditional_escape(status)}">{text}</span></td>'
                )
            else:
                out.append(f'<td data-label="{label}" class="stats-table__{kind}">{text}</td>')
        out.append("</tr>\n")
    if not table.rows:
        out.append(
            f'    <tr><td colspan="{len(kinds)}">{conditional_escape(_("Chưa có số liệu."))}</td></tr>\n'
        )
    out.append("  </tbody>\n</table>\n</div>\n")
    if table.note:
        out.append(f'<p class="table-note">{conditional_escape(table.note)}</p>')
    return mark_safe("".join(out))  # every piece above is escaped


@register.simple_tag
def query_string(params: dict, **overrides) -> str:
    from django.utils.http import urlencode

    merged = {**params, **overrides}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@register.filter
def percent(value):
    """12.5 → "12,50%"; None → "—"."""
    if value is None:
        return "—"
    return f"{number_format(value, decimal_pos=2)}%"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def measured_processing(procedure):
    """Median / p90 processing working days of the last 12 months and the legal limit (stats.services)."""
    from stats.services import measured_processing as measure

    return measure(procedure)
