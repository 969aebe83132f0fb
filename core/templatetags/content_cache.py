"""`{% content_version as version %}`: the public content version (core.pagecache), for fragment
caches of what depends on published content only: `{% cache 3600 name version LANGUAGE_CODE … %}`."""

from django import template

from ..pagecache import content_version as current_content_version

register = template.Library()


@register.simple_tag
def content_version():
    return current_content_version()
