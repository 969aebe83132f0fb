"""Admin: roadmaps, items (agency-scoped, read-only for agencies), links, level history, one-stop records."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.admin_columns import yes_no

from . import admin_urls
from .constants import LevelSource
from .models import AgencyAccess, OneStopRecord, ProcedureLevelRecord, Roadmap, RoadmapItem
from .permissions import AgencyScopedPolicy, agencies_for_user, is_monitor


class ManualRecordPolicy(ModelPermissionPolicy):
    """History records written by publication or import are kept as they are; manual ones may be fixed."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and instance.source != LevelSource.MANUAL:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


register_permission_policy(RoadmapItem, AgencyScopedPolicy(RoadmapItem))
register_permission_policy(ProcedureLevelRecord, ManualRecordPolicy(ProcedureLevelRecord))


class InstancePermissionMixin:
    """Wagtail's generic views check model permissions; these also check the instance (policy above)."""

    instance_action = "change"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, obj
        ):
            raise PermissionDenied
        return obj


class ScopedInspectView(InstancePermissionMixin, InspectView):
    instance_action = "view"


class ScopedEditView(InstancePermissionMixin, EditView):
    instance_action = "change"


class ScopedDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"


class RecordedByCreateView(CreateView):
    """Manual records: source "manual", recorded by the signed-in monitor."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        if hasattr(instance, "source"):
            instance.source = LevelSource.MANUAL
        instance.recorded_by = self.request.user
        instance.save()
        return instance


class RoadmapViewSet(SnippetViewSet):
    model = Roadmap
    icon = "date"
    menu_label = _("Lộ trình")
    list_display = ["number", "title", "start_year", "end_year", "status"]
    list_filter = ["status"]
    search_fields = ["number", "title"]
    inspect_view_enabled = True


class RoadmapItemViewSet(SnippetViewSet):
    model = RoadmapItem
    icon = "list-ul"
    menu_label = _("Hạng mục lộ trình")
    list_display = ["service", "tier", "number", "agency", "start_year", "end_year", "target_levels"]
    list_filter = ["roadmap", "tier", "agency", "target_levels"]
    search_fields = ["service", "agency_text"]
    ordering = ["roadmap", "tier", "number"]
    list_per_page = 60
    inspect_view_enabled = True
    inspect_view_class = ScopedInspectView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_queryset(self, request):
        qs = RoadmapItem.objects.select_related("roadmap", "agency")
        if is_monitor(request.user):
            return qs
        return qs.filter(agency__in=agencies_for_user(request.user))


class ProcedureLevelRecordViewSet(SnippetViewSet):
    model = ProcedureLevelRecord
    icon = "history"
    menu_label = _("Lịch sử mức độ thủ tục")
    add_view_class = RecordedByCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    list_display = [
        "procedure",
        "effective_date",
        "online_level",
        "legacy_level",
        "complete",
        "in_force",
        "source",
    ]
    list_filter = ["source", "online_level", "complete", "in_force"]
    search_fields = ["note"]
    ordering = ["-effective_date", "-id"]
    copy_view_enabled = False


class OneStopRecordViewSet(SnippetViewSet):
    model = OneStopRecord
    icon = "tasks"
    menu_label = _("Một cửa điện tử của cơ quan")
    add_view_class = RecordedByCreateView
    list_display = ["agency", "effective_date", yes_no("running", OneStopRecord), "note"]
    list_filter = ["running"]
    ordering = ["agency", "-effective_date"]
    copy_view_enabled = False


class AgencyAccessViewSet(SnippetViewSet):
    model = AgencyAccess
    icon = "group"
    menu_label = _("Quyền xem của cơ quan")
    list_display = ["group", "agency"]
    copy_view_enabled = False


class RoadmapGroup(SnippetViewSetGroup):
    items = (
        RoadmapViewSet,
        RoadmapItemViewSet,
        ProcedureLevelRecordViewSet,
        OneStopRecordViewSet,
        AgencyAccessViewSet,
    )
    menu_icon = "date"
    menu_label = _("Giám sát lộ trình")
    menu_name = "roadmap"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_roadmap_viewsets():
    return RoadmapGroup()


@hooks.register("register_admin_urls")
def register_roadmap_admin_urls():
    return [path("lo-trinh/", include((admin_urls, "roadmap_admin"), namespace="roadmap_admin"))]


@hooks.register("register_snippet_listing_buttons")
def item_link_button(snippet, user, next_url=None):
    if isinstance(snippet, RoadmapItem) and is_monitor(user):
        yield Button(
            _("Thủ tục thực hiện"),
            url=reverse("roadmap_admin:item_links", args=[snippet.pk]),
            icon_name="link",
            priority=15,
        )


@hooks.register("register_log_actions")
def register_link_actions(actions):
    actions.register_action(
        "roadmap.link", _("Liên kết thủ tục"), _("Đã xác nhận thủ tục thực hiện hạng mục")
    )
    actions.register_action("roadmap.unlink", _("Bỏ liên kết thủ tục"), _("Đã bỏ liên kết thủ tục"))
