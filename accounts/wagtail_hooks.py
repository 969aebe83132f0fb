"""Admin: the sign-in lockouts screen (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import lockouts, may_unlock


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("khoa-dang-nhap/", lockouts, name="accounts_lockouts")]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Khóa đăng nhập"), reverse("accounts_lockouts"), icon_name="lock", order=900)
