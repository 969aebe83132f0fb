"""Formatting statistics for people: Vietnamese number format, dates d/m/Y, "—" for no value."""

import datetime
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def stat_value(value, kind: str = "text"):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or kind == "bool":
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    if kind == "int" or isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, Decimal | float):
        return number_format(value, decimal_pos=2, force_grouping=True)
    return value


@register.filter
def cell(row: dict, column):
    return stat_value(row.get(column.key), column.kind)


@register.inclusion_tag("stats/includes/table.html", takes_context=True)
def stats_table(context, table, caption_level: int = 0, link_agencies: bool = False):
    return {
        "table": table,
        "link_agencies": link_agencies,
        "request": context.get("request"),
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
