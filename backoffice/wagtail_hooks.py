"""The staff area in the Wagtail admin: menu entry and URLs for officers, and the admin screens
for officer assignments and the e-mail templates (administrators)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_columns import yes_no
from dossiers.models import NotificationTemplate, OfficerAssignment

from . import urls
from .views.staff import is_officer


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return is_officer(request.user)


@hooks.register("register_admin_urls")
def register_backoffice_urls():
    return [path("mot-cua/", include((urls, "backoffice"), namespace="backoffice"))]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        _("Hồ sơ một cửa"), reverse("backoffice:queue"), icon_name="folder-open-inverse", order=150
    )


class OfficerAssignmentViewSet(ModelViewSet):
    model = OfficerAssignment
    icon = "user"
    menu_label = _("Phân công cán bộ")
    add_to_settings_menu = True
    form_fields = ["user", "agency", "role", "active"]
    list_display = ["user", "role", "agency", yes_no("active", OfficerAssignment)]
    list_filter = ["role", "active"]
    search_fields = ["user__username", "user__last_name", "agency__name"]


@hooks.register("register_admin_viewset")
def register_officer_viewset():
    return OfficerAssignmentViewSet("officer_assignments")


class NotificationTemplateViewSet(SnippetViewSet):
    model = NotificationTemplate
    icon = "mail"
    menu_label = _("Mẫu thư thông báo hồ sơ")
    add_to_settings_menu = True
    list_display = ["action", "subject", "enabled", "updated_at"]
    list_filter = ["enabled"]


register_snippet(NotificationTemplateViewSet)
