"""Formatting statistics for people: Vietnamese number format, dates d/m/Y, "—" for no value."""

import datetime
import hashlib
import re
from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils import numberformat
from django.utils.formats import date_format, get_format, number_format
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


TABLE_CACHE_SECONDS = 24 * 3600


class _AgencyUrls:
    """The agency statistics page's URL per slug: reversed once, the slug put in its place (a slug
    is URL-safe); anything else is reversed as usual."""

    SAFE = re.compile(r"[-a-zA-Z0-9_]+")

    def __init__(self):
        self.pattern = reverse("stats:agency", args=["slug0"])

    def __call__(self, slug) -> str:
        if self.SAFE.fullmatch(slug) and self.pattern.count("slug0") == 1:
            return self.pattern.replace("slug0", slug)
        return reverse("stats:agency", args=[slug])


class _Rows:
    """The table's rows as the template writes them, formatted when the template loops over them
    (not at all when the fragment comes from the cache): per row its status, its header (the first
    column, with the agency link) and its other cells, the "status" cell a badge."""

    def __init__(self, table, agency_url):
        self.table = table
        self.agency_url = agency_url

    def __len__(self) -> int:
        return len(self.table.rows)

    def __iter__(self):
        numbers = _Numbers()
        columns = [(column.key, column.kind, column.label) for column in self.table.columns]
        for row in self.table.rows:
            status = row.get("status_code")
            cells = []
            for key, kind, label in columns:
                value = row.get(key)
                text = (
                    numbers.format(value)
                    if type(value) is int and kind in ("int", "text")
                    else _value(value, kind, numbers)
                )
                cells.append({"kind": kind, "label": label, "text": text})
            header = cells.pop(0) if cells else {}
            if self.agency_url and row.get("slug"):
                header["link"] = self.agency_url(row["slug"])
            if status:
                for (key, _kind, _label), cell in zip(columns[1:], cells, strict=True):
                    if key == "status":
                        cell["badge"] = status
            yield {"status": status, "header": header, "cells": cells}


_PLAIN = (int, float, bool, str, Decimal, datetime.date, datetime.datetime, type(None))


def _plain(value):
    """A value as its type and what identifies it (lazy texts as their text, in the language)."""
    return (type(value).__name__, value if type(value) in _PLAIN else str(value))


def _digest(table, agency_url) -> str:
    """What the table's markup depends on: its texts, every shown value, the row statuses and
    links, and the language (formats, translated words). Equal digests, equal markup."""
    keys = [column.key for column in table.columns]
    content = (
        get_language(),
        _plain(table.slug),
        _plain(table.title),
        _plain(table.note),
        [(column.key, column.kind, _plain(column.label)) for column in table.columns],
        agency_url.pattern if agency_url else None,
        [
            (
                _plain(row.get("status_code")),
                _plain(row.get("slug")) if agency_url else None,
                *(_plain(row.get(key)) for key in keys),
            )
            for row in table.rows
        ],
    )
    return hashlib.blake2b(repr(content).encode(), digest_size=16).hexdigest()


@register.inclusion_tag("stats/includes/table.html")
def stats_table(table, link_agencies: bool = False):
    """A statistics table (stats/includes/table.html): caption, one header row, a row header per
    row, `data-label` on each cell (the stacked layout on phones shows it), status badges, links to
    agency pages. The fragment is cached under a digest of everything it shows (_digest), so a
    table with the same figures is not written again."""
    agency_url = _AgencyUrls() if link_agencies else None
    return {
        "table": table,
        "rows": _Rows(table, agency_url),
        "digest": _digest(table, agency_url),
        "timeout": TABLE_CACHE_SECONDS,
    }


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
