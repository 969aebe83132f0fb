"""Settings shared by every environment. Environment variables are read here, once each."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# --- Environment -----------------------------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
# PostgreSQL's connection pool (psycopg-pool, Django's "pool" option): each worker keeps between
# DATABASE_POOL_MIN and DATABASE_POOL_MAX connections open instead of one per request. It replaces
# persistent connections (DATABASE_CONN_MAX_AGE must stay 0).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", False):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN", 2),
        "max_size": env_int("DATABASE_POOL_MAX", 10),
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cổng dịch vụ công <no-reply@localhost>")
SEARCH_URL = env_str("SEARCH_URL", "")  # empty: the in-process engine (an in-memory index per process)
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "portal")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
SHARED_DATA_DIR = Path(env_str("SHARED_DATA_DIR", str(BASE_DIR.parent / "shared" / "data")))

# --- Applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    # First, so that the serialized test database (transactional tests) restores content types before
    # the rows whose constructors look them up (Wagtail's tasks call get_for_model in __init__).
    "django.contrib.contenttypes",
    "core",  # no models: template filters (money), middleware, the page cache's version bumps
    "csp",
    "home",
    "agencies",
    "procedures",
    "forms",
    "search",
    "feedback",
    "accounts",
    "axes",
    "dossiers",
    "appointments",
    "payments",
    "signing",
    "workdays",
    "notifications",
    "demo",
    "roadmap",
    "stats",
    "interop",
    "backoffice",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_rq",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: an anonymous public page kept in the cache is answered before anything else runs
    # (core.pagecache); it stores only what FrontCacheMiddleware marked `public`.
    "core.pagecache.PageCacheMiddleware",
    # Then: it sees each answer last, with every cookie the others added (core.middleware).
    "core.middleware.FrontCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: answers a locked-out sign-in (django-axes) with accounts/locked_out.html.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time: Vietnamese first, English second ---------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media files ------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The language cookie: not readable by scripts, not sent cross-site (Secure in production settings).
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Browser features no page of the portal uses, switched off for every page (core.middleware).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=(), payment=(), interest-cohort=()"

# --- Third-party configuration (small included files) ----------------------------------------
from .components.accounts import *  # noqa: E402,F403
from .components.caches import *  # noqa: E402,F403
from .components.dossiers import *  # noqa: E402,F403
from .components.email import *  # noqa: E402,F403
from .components.feedback import *  # noqa: E402,F403
from .components.payments import *  # noqa: E402,F403
from .components.search import *  # noqa: E402,F403
from .components.security import *  # noqa: E402,F403
from .components.signing import *  # noqa: E402,F403
from .components.tasks import *  # noqa: E402,F403
from .components.wagtail import *  # noqa: E402,F403

# Forms may lead to the payment gateway and the national sign-in provider (components/security.py).
CONTENT_SECURITY_POLICY = content_security_policy(  # noqa: F405
    form_targets=[PAYMENT_VNPAY["PAY_URL"], globals().get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")]  # noqa: F405
)
