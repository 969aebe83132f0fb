"""Statistics in the Wagtail admin: the public tables plus the records behind every figure.

Monitors see the province and every agency; an agency's staff (roadmap AgencyAccess) see their own
agencies only. Figures come from stats.services, so they match the public pages and exports.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from roadmap.models import RoadmapItem
from roadmap.permissions import agencies_for_user, is_monitor

from ..presentation import yearly_chart
from ..services import FIGURE_FILTERS, build_table, figure_records, parse_query, usage_period
from ..services.usage import usage_records

FIGURE_LABELS = {
    "total": gettext_lazy("Thủ tục đang áp dụng"),
    "complete": gettext_lazy("Đủ thông tin mức độ 2"),
    "incomplete": gettext_lazy("Chưa đủ thông tin mức độ 2"),
    "level3plus": gettext_lazy("Từ mức độ 3"),
    "level3": gettext_lazy("Mức độ 3 (một phần)"),
    "level4": gettext_lazy("Mức độ 4 (toàn trình)"),
    "below3": gettext_lazy("Dưới mức độ 3"),
}
DRILL_COLUMNS = {
    "total": "total",
    "complete": "complete",
    "level3plus": "level3plus",
    "level3": "level3",
    "level4": "level4",
}


def _allowed(request):
    """(is monitor, agency ids the user may read) or PermissionDenied."""
    user = request.user
    if is_monitor(user):
        return True, None
    policy = policy_registry.get_by_type(RoadmapItem)
    if not policy.user_has_permission(user, "view"):
        raise PermissionDenied
    return False, set(agencies_for_user(user).values_list("pk", flat=True))


class StatsAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.monitor, self.agency_ids = _allowed(request)
        self.query = parse_query(request.GET)
        if self.agency_ids is not None:
            if self.query.agency is None or self.query.agency.pk not in self.agency_ids:
                from agencies.models import Agency

                self.query.agency = Agency.objects.filter(pk__in=self.agency_ids).order_by("name").first()
        return super().dispatch(request, *args, **kwargs)

    def drill_url(self, figure: str, agency_slug: str | None) -> str:
        params = self.query.params(co_quan=agency_slug or None)
        params["chi_so"] = figure
        return f"{reverse('stats_admin:records')}?{urlencode(params)}"


class DashboardView(StatsAdminMixin, TemplateView):
    template_name = "stats/admin/dashboard.html"
    page_title = gettext_lazy("Thống kê lộ trình")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.query
        agencies = build_table("co-quan", query)
        if self.agency_ids is not None:
            allowed = {a.slug for a in agencies_for_user(self.request.user)}
            agencies.rows = [row for row in agencies.rows if row.get("slug") in allowed]
        for row in agencies.rows:
            row["drill"] = {key: self.drill_url(key, row.get("slug") or None) for key in DRILL_COLUMNS}
        yearly = build_table("theo-nam", query)
        context.update(
            query=query,
            monitor=self.monitor,
            targets=build_table("muc-tieu", query),
            yearly=yearly,
            yearly_chart=yearly_chart(
                yearly, query=query, scope=query.agency.name if query.agency else _("toàn tỉnh")
            ),
            agencies=agencies,
            items=build_table("hang-muc", query),
            usage=self._usage(query),
            usage_labels=list(USAGE_LABELS.items()),
            drill_labels=[(key, FIGURE_LABELS[key]) for key in DRILL_COLUMNS],
            scope_drill=[
                (FIGURE_LABELS[key], self.drill_url(key, query.agency.slug if query.agency else None))
                for key in FIGURE_FILTERS
            ],
        )
        return context

    def _usage(self, query):
        table = build_table("su-dung-co-quan", query)
        allowed = None
        if self.agency_ids is not None:
            allowed = {a.slug for a in agencies_for_user(self.request.user)}
            table.rows = [row for row in table.rows if row.get("slug") in allowed]
        for row in table.rows:
            params = query.params(co_quan=row.get("slug") or None)
            row["drill"] = {
                key: f"{reverse('stats_admin:dossiers')}?{urlencode({**params, 'chi_so': key})}"
                for key in USAGE_LABELS
            }
        return table


class RecordsView(StatsAdminMixin, TemplateView):
    template_name = "stats/admin/records.html"
    page_title = gettext_lazy("Hồ sơ thủ tục đứng sau số liệu")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figure = self.request.GET.get("chi_so", "total")
        if figure not in FIGURE_FILTERS:
            figure = "total"
        records = figure_records(self.query.day, figure, agency_id=self.query.agency_id)
        page = Paginator(records, 50).get_page(self.request.GET.get("page"))
        context.update(
            query=self.query,
            figure=figure,
            figure_label=FIGURE_LABELS[figure],
            page_obj=page,
            count=page.paginator.count,
            back=f"{reverse('stats_admin:dashboard')}?{urlencode(self.query.params())}",
            base_params=urlencode({**self.query.params(), "chi_so": figure}),
        )
        return context


USAGE_LABELS = {
    "submitted": gettext_lazy("Hồ sơ nộp"),
    "accepted": gettext_lazy("Được tiếp nhận"),
    "refused": gettext_lazy("Không được tiếp nhận"),
    "finished": gettext_lazy("Đã xử lý xong"),
    "on_time": gettext_lazy("Đúng hạn"),
    "late": gettext_lazy("Trễ hạn"),
    "open_past_due": gettext_lazy("Chưa xong, đã quá hạn"),
}


class DossierRecordsView(StatsAdminMixin, TemplateView):
    """The dossiers behind a usage count: code, procedure, agency, dates, status. No applicant data."""

    template_name = "stats/admin/dossiers.html"
    page_title = gettext_lazy("Hồ sơ đứng sau số liệu sử dụng")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figure = self.request.GET.get("chi_so", "submitted")
        if figure not in USAGE_LABELS:
            figure = "submitted"
        page = Paginator(usage_records(self.query, figure), 50).get_page(self.request.GET.get("page"))
        context.update(
            query=self.query,
            figure_label=USAGE_LABELS[figure],
            period=usage_period(self.query),
            page_obj=page,
            count=page.paginator.count,
            back=f"{reverse('stats_admin:dashboard')}?{urlencode(self.query.params())}",
            base_params=urlencode({**self.query.params(), "chi_so": figure}),
        )
        return context
