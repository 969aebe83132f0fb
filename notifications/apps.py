from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = _("Thư gửi công dân")

    def ready(self):
        # Each app declares the e-mails it sends in its own `emails.py` (notifications.registry).
        autodiscover_modules("emails")
