"""Admin: a "Góp ý" menu with feedback moderation and the survey builder (with results, exports)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .forms import SurveyAdminForm
from .models import ServiceRating, Survey
from .views.admin import (
    ModerationDetailView,
    ModerationIndexView,
    SurveyExportView,
    SurveyResultsView,
    may_moderate,
)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return may_moderate(request.user)


class ModerationViewSet(ViewSet):
    name = "feedback_moderation"
    url_prefix = "gop-y"
    icon = "comment"
    menu_label = _("Góp ý, hỏi đáp")
    menu_item_class = ModerationMenuItem

    def get_urlpatterns(self):
        return [
            path("", ModerationIndexView.as_view(), name="index"),
            path("<int:pk>/", ModerationDetailView.as_view(), name="detail"),
        ]


class SurveyIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        from django.urls import reverse
        from wagtail.admin.ui.menus import MenuItem as ListMenuItem

        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListMenuItem(
                _("Kết quả"),
                url=reverse("feedback_surveys:results", args=[instance.pk]),
                icon_name="list-ul",
                priority=5,
            )
        )
        return buttons


class SurveyViewSet(ModelViewSet):
    model = Survey
    name = "feedback_surveys"
    url_prefix = "khao-sat"
    icon = "list-ul"
    menu_label = _("Khảo sát mức độ hài lòng")
    index_view_class = SurveyIndexView
    list_display = ["title", "year", "opens_on", "closes_on"]
    list_filter = ["year"]
    search_fields = ["title"]
    copy_view_enabled = False
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyAdminForm)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/ket-qua/", SurveyResultsView.as_view(), name="results"),
            path("<int:pk>/ket-qua.csv", SurveyExportView.as_view(fmt="csv"), name="results_csv"),
            path("<int:pk>/ket-qua.xlsx", SurveyExportView.as_view(fmt="xlsx"), name="results_xlsx"),
        ]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Ratings are the citizens' words: nobody adds, edits or deletes them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ServiceRatingViewSet(ModelViewSet):
    """Ratings of dossiers, to read (reasons of dissatisfaction included) with the "view" permission."""

    model = ServiceRating
    name = "feedback_ratings"
    url_prefix = "danh-gia"
    icon = "pick"
    menu_label = _("Đánh giá hồ sơ")
    list_display = ["dossier", "level", "agency", "created_at"]
    list_filter = ["level", "agency"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["level", "reason"]


register_permission_policy(ServiceRating, ReadOnlyPolicy(ServiceRating))


class FeedbackGroup(ViewSetGroup):
    menu_label = _("Góp ý")
    menu_icon = "comment"
    menu_order = 300
    items = (ModerationViewSet, SurveyViewSet, ServiceRatingViewSet)


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return FeedbackGroup()
