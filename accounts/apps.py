from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = _("Tài khoản công dân")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from .security import count_failed_signin

        user_login_failed.connect(count_failed_signin, dispatch_uid="accounts.count_failed_signin")

        # Names in Vietnamese order in Wagtail's admin and anywhere Django's own method is used
        # (history, "edited by", the users list, workflow e-mails): family name first (core/names.py).
        from django.contrib.auth import get_user_model

        from core.names import full_name

        get_user_model().get_full_name = full_name
