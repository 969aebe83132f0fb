"""Admin for the catalog: fields (lĩnh vực), the "incomplete records" report, agency-scoped page form.

Agencies and administrative units are registered in agencies/wagtail_hooks.py; the agency rule for
page permissions is in procedures/permissions.py.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from agencies.models import Agency

from .completeness import REQUIRED_FIELDS, missing_labels
from .forms import AgencyScopedPageFormMixin, OnlineLevelFormMixin
from .models import Field, ProcedurePage
from .permissions import editable_agency_ids, is_reviewer

# --- the page form ------------------------------------------------------------------------------
# Wagtail assigns Page.base_form_class from its own AppConfig (wagtail/admin/apps.py); we extend the
# procedure page's form the same way, composing with whatever form class it already has.
_base_form = getattr(ProcedurePage, "base_form_class", None) or WagtailAdminPageForm
if not issubclass(_base_form, AgencyScopedPageFormMixin):
    ProcedurePage.base_form_class = type(
        "ProcedurePageForm", (OnlineLevelFormMixin, AgencyScopedPageFormMixin, _base_form), {}
    )


# --- fields (lĩnh vực) ----------------------------------------------------------------------------
class FieldFilterSet(WagtailFilterSet):
    has_procedures = django_filters.BooleanFilter(
        label=_("Có thủ tục"), field_name="procedures", lookup_expr="isnull", exclude=True, distinct=True
    )

    class Meta:
        model = Field
        fields = ["has_procedures"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = _("Lĩnh vực")
    menu_name = "linh-vuc"
    menu_order = 260
    add_to_admin_menu = True
    filterset_class = FieldFilterSet
    search_fields = ["name", "code", "slug"]
    search_backend_name = None
    ordering = ["name"]
    list_per_page = 50
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("code", label=_("Mã lĩnh vực")),
        NumberColumn("procedure_count", label=_("Số thủ tục"), sort_key="procedure_count"),
    ]
    list_export = ["name", "code", "slug", "procedure_count"]
    export_headings = {
        "name": _("Tên lĩnh vực"),
        "code": _("Mã lĩnh vực"),
        "slug": _("Đường dẫn"),
        "procedure_count": _("Số thủ tục"),
    }
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("slug")]),
        FieldPanel("description"),
    ]

    def get_queryset(self, request):
        return Field.objects.annotate(procedure_count=Count("procedures"))


register_snippet(FieldViewSet)


# --- report: live procedures whose record is incomplete -------------------------------------------
class MissingFieldsColumn(Column):
    def get_value(self, instance):
        return missing_labels(instance.missing_info)


class IncompleteProceduresFilterSet(WagtailFilterSet):
    implementing_agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan thực hiện"),
        queryset=lambda request: Agency.objects.filter(implements__isnull=False).distinct().order_by("name"),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        queryset=lambda request: Field.objects.filter(procedures__isnull=False).distinct().order_by("name"),
    )
    missing = django_filters.ChoiceFilter(
        label=_("Thiếu thông tin"),
        choices=[(key, label) for key, label in REQUIRED_FIELDS.items()],
        method="filter_missing",
        empty_label=_("Bất kỳ"),
    )

    class Meta:
        model = ProcedurePage
        fields = ["implementing_agency", "field", "missing"]

    def filter_missing(self, queryset, name, value):
        # The JSON list holds plain keys; a quoted substring test works on SQLite and PostgreSQL alike.
        return queryset.filter(missing_info__icontains=f'"{value}"') if value else queryset


class IncompleteProceduresView(ReportView):
    page_title = _("Thủ tục chưa đủ thông tin")
    header_icon = "warning"
    index_url_name = "procedures_incomplete"
    index_results_url_name = "procedures_incomplete_results"
    filterset_class = IncompleteProceduresFilterSet
    model = ProcedurePage
    export_filename = "thu-tuc-chua-du-thong-tin"
    paginate_by = 50
    columns = [
        TitleColumn(
            "title", label=_("Thủ tục"), url_name="wagtailadmin_pages:edit", sort_key="title", width="35%"
        ),
        Column("code", label=_("Mã thủ tục"), sort_key="code"),
        Column("implementing_agency", label=_("Cơ quan thực hiện")),
        Column("field", label=_("Lĩnh vực")),
        MissingFieldsColumn("missing_info", label=_("Còn thiếu")),
        DateColumn("last_published_at", label=_("Xuất bản lần cuối"), sort_key="last_published_at"),
    ]
    list_export = [
        "code",
        "title",
        "implementing_agency",
        "field",
        "missing_info",
        "last_published_at",
        "public_url",
    ]
    export_headings = {
        "code": _("Mã thủ tục"),
        "title": _("Tên thủ tục"),
        "implementing_agency": _("Cơ quan thực hiện"),
        "field": _("Lĩnh vực"),
        "missing_info": _("Còn thiếu"),
        "last_published_at": _("Xuất bản lần cuối"),
        "public_url": _("Địa chỉ trang"),
    }
    custom_field_preprocess = {
        "missing_info": {ReportView.FORMAT_CSV: missing_labels, ReportView.FORMAT_XLSX: missing_labels},
    }
    default_ordering = "code"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_incomplete_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = (
            ProcedurePage.objects.live()
            .exclude(missing_info=[])
            .select_related("implementing_agency", "field")
        )
        allowed = editable_agency_ids(self.request.user)
        if allowed is not None:
            queryset = queryset.filter(implementing_agency__in=allowed)
        ordering = self.request.GET.get("ordering", self.default_ordering)
        if ordering.lstrip("-") in {"title", "code", "last_published_at"}:
            queryset = queryset.order_by(ordering, "code")
        else:
            queryset = queryset.order_by("code")
        return queryset


def user_can_see_incomplete_report(user) -> bool:
    """Editors (DoJ and agencies: anyone with page permissions) and reviewers."""
    if not user.is_active or not user.is_authenticated:
        return False
    return page_permission_policy.user_has_any_permission(user, {"add", "change", "publish"}) or is_reviewer(
        user
    )


class IncompleteReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_incomplete_report(request.user)


@hooks.register("register_admin_urls")
def register_incomplete_report_urls():
    return [
        path(
            "reports/thu-tuc-chua-du-thong-tin/",
            IncompleteProceduresView.as_view(),
            name="procedures_incomplete",
        ),
        path(
            "reports/thu-tuc-chua-du-thong-tin/results/",
            IncompleteProceduresView.as_view(results_only=True),
            name="procedures_incomplete_results",
        ),
    ]


# --- report: content health by agency (procedures.health) -----------------------------------------
class ContentHealthView(WagtailAdminTemplateMixin, TemplateView):
    """The four checks by agency, each count linking to the pages it counts; one check's pages with
    `?kiem-tra=<check>&co-quan=<agency id, 0: none>`, each linking to its edit screen."""

    page_title = _("Sức khỏe nội dung")
    header_icon = "warning"
    template_name = "procedures/admin/health.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_incomplete_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from . import health

        context = super().get_context_data(**kwargs)
        allowed = editable_agency_ids(self.request.user)
        check = self.request.GET.get("kiem-tra", "")
        context["checks"] = health.CHECKS
        if check in health.CHECKS:
            try:
                agency_id = int(self.request.GET.get("co-quan", ""))
            except ValueError:
                agency_id = None
            context["check"], context["check_label"] = check, health.CHECKS[check]
            context["pages"] = health.problem_pages(check, agency_id=agency_id, agency_ids=allowed)
        else:
            context["rows"] = health.agency_counts(allowed)
        return context


@hooks.register("register_admin_urls")
def register_health_report_url():
    return [path("reports/suc-khoe-noi-dung/", ContentHealthView.as_view(), name="procedures_health")]


@hooks.register("register_reports_menu_item")
def register_health_report_menu_item():
    return IncompleteReportMenuItem(
        _("Sức khỏe nội dung"), reverse("procedures_health"), icon_name="warning", order=49
    )


@hooks.register("register_reports_menu_item")
def register_incomplete_report_menu_item():
    return IncompleteReportMenuItem(
        _("Thủ tục chưa đủ thông tin"),
        reverse("procedures_incomplete"),
        icon_name="warning",
        order=50,
    )
