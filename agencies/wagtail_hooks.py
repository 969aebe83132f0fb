"""Agencies and administrative units in the Wagtail admin (menu "Cơ quan, địa bàn")."""

from wagtail.snippets.models import register_snippet

from .views import ReferenceDataGroup

register_snippet(ReferenceDataGroup)
