from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    label = "feedback"
    verbose_name = _("Góp ý")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Public pages show published questions and answers and the surveys offered (core.pagecache).
        from .signals import connect_page_cache

        connect_page_cache()
