"""Admin menu entry and URLs for the statistics (monitors; agency staff for their own agencies)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from roadmap.models import RoadmapItem

from . import admin_urls


class StatsMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(RoadmapItem).user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_stats_admin_urls():
    return [path("thong-ke/", include((admin_urls, "stats_admin"), namespace="stats_admin"))]


@hooks.register("register_admin_menu_item")
def register_stats_menu_item():
    return StatsMenuItem(
        _("Thống kê lộ trình"), reverse("stats_admin:dashboard"), icon_name="table", order=260
    )
