"""`{{ amount|money }}`: a whole number of đồng with thousands grouped as readers expect,
150.000 in Vietnamese, 150,000 in English (Django's Vietnamese formats do not group digits)."""

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def money(value) -> str:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "" if value is None else str(value)
    grouped = f"{number:,}"
    return grouped if translation.get_language() == "en" else grouped.replace(",", ".")
