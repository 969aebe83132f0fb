"""Wagtail configuration."""

from ..env import env_str

WAGTAIL_SITE_NAME = "Cổng Dịch vụ công"
WAGTAILADMIN_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "rtf", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The embedded default: Wagtail's database search backend (SQLite FTS5 / PostgreSQL full text).
# The portal's own citizen search (search/ app) folds Vietnamese before anything reaches a backend.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

# No call from an officer's browser to a third party: no Gravatar (it would send a hash of each staff
# member's e-mail address to gravatar.com; initials are shown instead) and no check for new Wagtail
# releases from the dashboard (the deployment decides upgrades). Both are also outside the admin's
# Content-Security-Policy (components/security.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
