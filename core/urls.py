"""Absolute links, all from one setting (SITE_BASE_URL): e-mails, PDFs and their QR codes, open data
and exports name the portal by the address it is published at, never by the host a request or a
Wagtail Site row happened to carry (`make run` sets SITE_BASE_URL to the address it serves)."""

from __future__ import annotations

from django.conf import settings

__all__ = ["absolute_url", "page_absolute_url"]


def absolute_url(path: str) -> str:
    """SITE_BASE_URL followed by `path` (an absolute path such as reverse() gives)."""
    return settings.SITE_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_absolute_url(page) -> str | None:
    """A Wagtail page's public address under SITE_BASE_URL (None for a page outside every site)."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    _site_id, _root_url, page_path = parts
    return absolute_url(page_path)
