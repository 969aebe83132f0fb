from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Trang chủ")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The home page's featured procedures and life events appear on public pages: writing them replaces the page
        # cache's content version (core.pagecache).
        from core.pagecache import watch_models

        watch_models(*self.get_models())
