from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "roadmap"
    label = "roadmap"
    verbose_name = _("Lộ trình cung cấp dịch vụ công trực tuyến")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Wagtail's documented page_published / page_unpublished signals: level history.
        from . import signals  # noqa: F401
