from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    label = "stats"
    verbose_name = _("Thống kê")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Refresh a dossier's usage summary after each status change (stats/signals.py).
        # Every write of an input of the cached figures bumps the statistics data version.
        from . import signals

        signals.connect_version_bumps()
