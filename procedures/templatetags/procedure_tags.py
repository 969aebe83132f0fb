"""Display helpers for the catalog: Vietnamese numbers and money, time limits, text paragraphs."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..presentation import (
    build_procedure_view,
    format_amount,
    format_fee,
    format_file_size,
    format_number,
    format_time_limit,
)

register = template.Library()


@register.filter
def vn_number(value):
    """`{{ 1234567|vn_number }}` -> "1.234.567" (in English: "1,234,567")."""
    return format_number(value)


@register.filter
def vnd(value):
    """`{{ 50000|vnd }}` -> "50.000 đồng"."""
    return format_amount(value)


@register.filter
def fee(channel):
    """A channel's fee: "Miễn phí", "50.000 đồng" or the source text."""
    return format_fee(channel.fee_amount, channel.fee_text)


@register.filter
def time_limit(channel):
    """A channel's time limit: "15 ngày làm việc" or the source text."""
    return format_time_limit(channel.time_limit_value, channel.time_limit_unit, channel.time_limit_text)


@register.filter
def file_size(value):
    return format_file_size(value)


_INDENTED = re.compile(r"^(\s+|[+•*]\s?)")


@register.filter(needs_autoescape=True)
def paragraphs(text, autoescape=True):
    """Source text as paragraphs, one per line; sub-items ("+ ...", indented lines) are indented."""
    escape = conditional_escape if autoescape else (lambda s: s)
    out = []
    for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        css = ' class="sub"' if _INDENTED.match(line) else ""
        out.append(f"<p{css}>{escape(line.strip())}</p>")
    return mark_safe("\n".join(out))  # every line is escaped above


@register.simple_tag
def procedure_view(page):
    """`{% procedure_view page as view %}`: the prepared content of a procedure page."""
    return build_procedure_view(page)


@register.simple_tag(takes_context=True)
def catalog_page(context):
    """The live catalog index page (for links to the catalog and its listing routes), or None."""
    request = context.get("request")
    cache = getattr(request, "_catalog_page", None) if request is not None else None
    if cache is not None:
        return cache or None
    from core.pagecache import cached_by_content

    from ..models import ProcedureIndexPage

    # Every page's header links to it: kept per content version (False: there is none).
    page = cached_by_content("catalog-page", (), lambda: ProcedureIndexPage.objects.live().first() or False)
    page = page or None
    if request is not None:
        request._catalog_page = page or False
    return page


@register.simple_tag(takes_context=True)
def catalog_route(context, name, value=""):
    """`{% catalog_route "field" field.slug %}`: URL of a listing route ('' without a catalog)."""
    page = catalog_page(context)
    if page is None:
        return ""
    # Without the request: Wagtail then takes the site root paths from its cache instead of looking
    # the request's site up in the database (the link is relative while the portal has one site).
    if not value:
        return page.browse_url(name)
    return page.route_url(name, value)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page, *extra):
    """[(label, url), ...] from the home page down to `page`, then `extra` labels (no url).

    `{% breadcrumb_trail page as crumbs %}`; on a listing route
    `{% breadcrumb_trail page heading as crumbs %}` makes `page` a link and `heading` the current item.
    """
    request = context.get("request")
    crumbs = [(a.title, a.get_url(request=request)) for a in page.get_ancestors().filter(depth__gt=1)]
    if crumbs:
        crumbs[0] = (_("Trang chủ"), crumbs[0][1])
    if page.depth <= 2:
        return []  # the home page has no trail
    crumbs.append((page.title, page.get_url(request=request)))
    crumbs += [(label, "") for label in extra if label]
    return crumbs


@register.simple_tag
def content_lang():
    """` lang="vi"` on published content when the interface is in another language (WCAG 3.1.2)."""
    if (get_language() or "vi").split("-")[0] == "vi":
        return ""
    return mark_safe(' lang="vi"')
