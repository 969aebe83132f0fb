from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "backoffice"
    label = "backoffice"
    verbose_name = _("Xử lý hồ sơ (một cửa)")
    default_auto_field = "django.db.models.BigAutoField"
