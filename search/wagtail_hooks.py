"""Admin: the synonym list (a snippet with search) and the weekly query report."""

from datetime import date

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_columns import yes_no

from .models import QueryStat, Synonym
from .services import weekly_report

REPORT_URL_NAME = "search_query_report"
report_permission_policy = ModelPermissionPolicy(QueryStat)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Từ đồng nghĩa")
    list_display = ["terms", "expansion", yes_no("active", Synonym), "updated_at"]
    list_filter = ["active"]
    search_fields = ["terms", "expansion", "note"]
    search_backend_name = None  # filter the small table with the database, no index needed
    ordering = ["expansion"]
    panels = [FieldPanel("terms"), FieldPanel("expansion"), FieldPanel("active"), FieldPanel("note")]


register_snippet(SynonymViewSet)


class QueryReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = report_permission_policy
    permission_required = "view"
    page_title = _("Từ khóa tìm kiếm theo tuần")
    header_icon = "search"
    template_name = "search/admin/query_report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        week = None
        try:
            week = date.fromisoformat(self.request.GET.get("tuan", ""))
        except ValueError:
            week = None
        context["report"] = weekly_report(week=week)
        return context


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("tim-kiem/thong-ke/", QueryReportView.as_view(), name=REPORT_URL_NAME)]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return report_permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return QueryReportMenuItem(
        _("Từ khóa tìm kiếm"), reverse(REPORT_URL_NAME), icon_name="search", name="search-queries", order=900
    )
