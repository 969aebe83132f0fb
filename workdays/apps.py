from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "workdays"
    label = "workdays"
    verbose_name = _("Lịch làm việc")
    default_auto_field = "django.db.models.BigAutoField"
