"""API version 1, mounted at /api/v1/ (portal/urls.py). A change that breaks clients gets /api/v2/.

The routes are django-ninja's (interop/views/), without its root page and without the second
route per address that only answers other methods with a 405 (the address's first route serves both).
"""

from .views import OTHER_METHODS, api

app_name = "interop"

urlpatterns = [pattern for pattern in api.urls[0] if pattern.name not in ("api-root", OTHER_METHODS)]
