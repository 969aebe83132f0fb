from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "forms"
    label = "forms"
    verbose_name = _("Biểu mẫu trực tuyến")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The online forms (a procedure page offers filing online when one is published) appear on public pages: writing them replaces the page
        # cache's content version (core.pagecache).
        from core.pagecache import watch_models

        watch_models(*self.get_models())
