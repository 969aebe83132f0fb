"""Cache from CACHE_URL: locmem:// (default), redis://host:6379/0, or dummy://."""

from ..env import env_str

_url = env_str("CACHE_URL", "locmem://")

if _url.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _url}}
elif _url.startswith("dummy://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
