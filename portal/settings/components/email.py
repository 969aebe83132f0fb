"""E-mail from EMAIL_URL: console:// (default), locmem://, or smtp[s]://user:password@host:port."""

from urllib.parse import unquote, urlparse

from ..env import env_str

_url = urlparse(env_str("EMAIL_URL", "console://"))

if _url.scheme in ("smtp", "smtps", "submission"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _url.hostname or "localhost"
    EMAIL_PORT = _url.port or (465 if _url.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_url.username or "")
    EMAIL_HOST_PASSWORD = unquote(_url.password or "")
    EMAIL_USE_SSL = _url.scheme == "smtps"
    EMAIL_USE_TLS = _url.scheme == "submission"
elif _url.scheme == "locmem":
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
