"""Cache from CACHE_URL: locmem:// (default), redis://host:6379/0, or dummy://."""

from ..env import env_int, env_str

_url = env_str("CACHE_URL", "locmem://")

if _url.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _url}}
elif _url.startswith("dummy://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- The front cache (Varnish or nginx in front of the portal; docs/deployment.md) ---------------
# core.middleware.FrontCacheMiddleware marks an anonymous GET that set no cookie as storable by a
# shared cache: `public, max-age=<FRONT_CACHE_BROWSER_SECONDS>, s-maxage=<seconds of its rule>`.
# Rules are tried in order, the first prefix that matches wins; None: never stored by a shared cache.
# Procedure pages are purged on publish (Wagtail's frontend cache, below), so their rule can be long;
# listings, search and statistics are not purged and live for minutes.
FRONT_CACHE_BROWSER_SECONDS = env_int("FRONT_CACHE_BROWSER_SECONDS", 60)
FRONT_CACHE_RULES = [
    # Personal, transactional or administrative: never in a shared cache.
    ("/admin/", None),
    ("/tai-khoan/", None),
    ("/ho-so/", None),
    ("/lich-hen/", None),
    ("/thanh-toan/", None),
    ("/xac-thuc/", None),
    ("/api/", None),
    ("/documents/", None),
    ("/i18n/", None),
    ("/gop-y/tra-cuu/", None),
    # Public pages that change without a publish: minutes.
    ("/tim-kiem/", env_int("FRONT_CACHE_SEARCH_SECONDS", 60)),
    ("/thong-ke/", env_int("FRONT_CACHE_STATS_SECONDS", 600)),
    ("/lo-trinh/", env_int("FRONT_CACHE_STATS_SECONDS", 600)),
    ("/du-lieu-mo/", env_int("FRONT_CACHE_STATS_SECONDS", 600)),
    # Everything else public (home, catalog, procedure pages, feedback Q&A): purged on publish.
    ("/", env_int("FRONT_CACHE_SECONDS", 3600)),
]

# The page cache (core.pagecache): anonymous public pages rendered once and kept in Django's cache
# under the public content version, for at most this many seconds (and never longer than their front
# cache rule). Its version token must be shared by every process: on by default only with Redis.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if _url.startswith(("redis://", "rediss://")) else 0)
# Addresses whose copies also carry another version (address prefix, dotted path of a function
# returning it): the statistics pages change with the statistics data (stats.services.figure_cache).
PAGE_CACHE_MORE_VERSIONS = [
    (prefix, "stats.services.figure_cache.stats_version")
    for prefix in ("/thong-ke/", "/lo-trinh/", "/du-lieu-mo/")
]

# Wagtail's frontend cache: publishing a page sends PURGE for its address to the front cache
# (Varnish's own address, e.g. http://127.0.0.1:6081). Unset: nothing to purge (development).
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
