from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    label = "agencies"
    verbose_name = _("Cơ quan và đơn vị hành chính")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Agencies and administrative units appear on public pages: writing them replaces the page
        # cache's content version (core.pagecache).
        from core.pagecache import watch_models

        watch_models(*self.get_models())
