"""Rendered public pages kept in Django's cache, so that a page the front cache does not hold (a miss,
another language, a purge, an application server reached directly) is not rendered again for every
anonymous visitor (issue 18, item 3; docs/deployment.md, "The page cache").

`PageCacheMiddleware`, first in MIDDLEWARE, answers an anonymous GET of a public address from the
cache when it can, and stores what the portal answered when the answer is one a shared cache may keep
(`FrontCacheMiddleware` marked it `public`, it sets no cookie). The same rules as the front cache's
decide what is eligible (settings.FRONT_CACHE_RULES), for at most settings.PAGE_CACHE_SECONDS.

A copy is found by: the public content version, the language, the host and the full address (with
its query). The content version is a token in Django's cache that every write of published content
replaces (`bump_content_version`: connected here to Wagtail's pages, sites, documents and images, and
by each app whose rows appear on public pages, in its AppConfig.ready(): `watch_models`), so
publishing makes every older copy unreachable at once. Addresses listed in
settings.PAGE_CACHE_MORE_VERSIONS also carry another version (the statistics pages: the statistics
data version, stats.services.figure_cache). Other figures
shown on pages (a procedure's measured processing time, counts on the home page) may be as old as the
copy's lifetime, as they may in the front cache.

The version must be shared by every process that serves pages: the cache is Redis in production
(CACHE_URL). With the local-memory cache, each process would keep its own version, so production
settings enable the page cache only with a shared cache.

A request with a session, CSRF or messages cookie (as in deploy/varnish/portal.vcl), or an
Authorization header, is never answered from the cache
nor stored: signed-in users and visitors in the middle of a form see their own page.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.module_loading import import_string

__all__ = [
    "PageCacheMiddleware",
    "bump_content_version",
    "cached_by_content",
    "connect_wagtail_content",
    "content_version",
    "watch_models",
]

VERSION_KEY = "pages:content-version"
HEADER = "X-Page-Cache"


def _new_version() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(3)}"


def content_version() -> str:
    """The current public content version (created on first use, or after the cache lost it: every
    copy stored before is then out of reach, never stale)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs) -> None:
    """A new version now and again when the surrounding transaction commits (a page rendered in
    between from the data of before the write is stored under the old version). A signal receiver."""

    def bump():
        cache.set(VERSION_KEY, _new_version(), None)

    bump()
    transaction.on_commit(bump)


def cached_by_content(kind: str, params, compute, *, timeout: int = 3600):
    """`compute()`, kept in the cache under the public content version, `kind`, `params` and the
    language: for what is derived from published content only (catalog facets, the catalog's order).
    Any write of content makes the copy unreachable; `params` must name everything else it depends
    on, and the value must be picklable."""
    digest = hashlib.blake2b(repr((params, translation.get_language())).encode(), digest_size=16).hexdigest()
    key = f"content:{content_version()}:{kind}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def watch_models(*models, uid: str = "") -> None:
    """Every write of these models' rows (save, delete, many-to-many changes) replaces the content
    version. Each app whose rows appear on public pages calls it from its AppConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in models:
        key = f"pages_version_{model._meta.label_lower}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{key}_save", weak=False)
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{key}_delete", weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump_content_version,
                sender=field.remote_field.through,
                dispatch_uid=f"{key}_{field.name}_m2m",
                weak=False,
            )


def connect_wagtail_content() -> None:
    """Wagtail's own content: pages (publishing, unpublishing, moves, and every write of a page row),
    sites, documents and images."""
    from django.apps import apps
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for label in ("wagtailcore", "wagtaildocs", "wagtailimages"):
        watch_models(*apps.get_app_config(label).get_models())
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(bump_content_version, dispatch_uid=f"pages_version_page_{name}", weak=False)


def _rule_seconds(path: str) -> int | None:
    return next((s for prefix, s in settings.FRONT_CACHE_RULES if path.startswith(prefix)), None)


class PageCacheMiddleware:
    """See the module's docstring. Answers carry `X-Page-Cache: hit` or `miss` when eligible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key, seconds = self._key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(response):
            headers = [(n, v) for n, v in response.items() if n.lower() not in ("content-length", "date")]
            cache.set(key, (response.content, headers), seconds)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _key(request) -> tuple[str | None, int]:
        limit = settings.PAGE_CACHE_SECONDS
        if not limit or request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
            return None, 0
        cookies = request.COOKIES
        if any(
            name in cookies for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")
        ):
            return None, 0
        path = request.path_info
        seconds = _rule_seconds(path)
        if not seconds or path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None, 0
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: the portal's own answer (400) follows
            return None, 0
        language = translation.get_language_from_request(request)
        version = content_version()
        for prefix, provider in settings.PAGE_CACHE_MORE_VERSIONS:
            if path.startswith(prefix):
                version = f"{version}:{import_string(provider)()}"
        address = f"{host}{request.get_full_path()}"
        digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
        return f"pages:{version}:{language}:{digest}", min(seconds, limit)

    @staticmethod
    def _storable(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        )
