"""Admin menu "Liên thông": connected systems and the API call log (administrators)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ListMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.admin_columns import yes_no

from .admin import ApiClientCreateView, ApiClientForm, RotateTokenView
from .models import ApiCallLog, ApiClient


class ApiClientIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListMenuItem(
                _("Cấp khóa mới"),
                url=reverse("interop_clients:rotate", args=[instance.pk]),
                icon_name="key",
                priority=5,
            )
        )
        return buttons


class ApiClientViewSet(ModelViewSet):
    model = ApiClient
    icon = "key"
    menu_label = _("Hệ thống liên thông")
    form_fields = ["name", "description", "scopes", "all_units", "units", "active"]
    list_display = ["name", "description", yes_no("active", ApiClient), "token_issued_at", "last_used_at"]
    list_filter = ["active"]
    search_fields = ["name", "description"]
    copy_view_enabled = False
    index_view_class = ApiClientIndexView
    add_view_class = ApiClientCreateView

    def get_form_class(self, for_update=False):
        return ApiClientForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/khoa-moi/", RotateTokenView.as_view(), name="rotate"),
        ]


class ApiCallLogViewSet(ModelViewSet):
    """Read only: the log is append-only; no add, edit or delete views."""

    model = ApiCallLog
    icon = "list-ul"
    menu_label = _("Nhật ký gọi API")
    list_display = ["at", "client_name", "method", "path", "status_code", "duration_ms", "remote_addr"]
    list_filter = ["client", "method", "status_code"]
    search_fields = ["path", "client_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []  # no form view is routed (get_urlpatterns)

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]

    def get_common_view_kwargs(self, **kwargs):
        no_views = dict.fromkeys(
            ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"]
        )
        return super().get_common_view_kwargs(**{**no_views, **kwargs})


class InteropGroup(ModelViewSetGroup):
    menu_label = _("Liên thông")
    menu_icon = "link"
    menu_order = 270
    items = (ApiClientViewSet("interop_clients"), ApiCallLogViewSet("interop_calls"))


@hooks.register("register_admin_viewset")
def register_interop_viewsets():
    return InteropGroup()
