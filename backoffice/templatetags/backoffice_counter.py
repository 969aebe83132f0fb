"""`{% load backoffice_counter %}`: whether to offer "Tiếp nhận hồ sơ trực tiếp" to this user."""

from django import template

from dossiers.services.counter import counter_units

register = template.Library()


@register.filter
def may_register_counter(user) -> bool:
    """A reception officer or admin of at least one unit (every unit for province-wide admins)."""
    return counter_units(user).exists()
