from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    label = "procedures"
    verbose_name = _("Thủ tục hành chính")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The catalog's rows appear on public pages: writing them replaces the page cache's content
        # version (core.pagecache); the importer writes with bulk_create and raw SQL, so its end does too.
        from core.pagecache import bump_content_version, watch_models

        from .signals import catalog_imported

        watch_models(*self.get_models())
        catalog_imported.connect(bump_content_version, dispatch_uid="pages_version_catalog", weak=False)
