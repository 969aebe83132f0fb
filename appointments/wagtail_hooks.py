"""Admin: each unit's appointment schedule (administrators), and the officers' day list."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_columns import yes_no

from .models import AppointmentSchedule
from .views import officer_day_view


class AppointmentScheduleViewSet(ModelViewSet):
    model = AppointmentSchedule
    icon = "date"
    menu_label = _("Lịch tiếp công dân")
    add_to_settings_menu = True
    form_fields = ["agency", "is_active", "slot_minutes", "capacity", "days_ahead", "place"]
    list_display = [
        "agency",
        yes_no("is_active", AppointmentSchedule),
        "slot_minutes",
        "capacity",
        "days_ahead",
    ]
    search_fields = ["agency__name"]


@hooks.register("register_admin_viewset")
def register_schedule_viewset():
    return AppointmentScheduleViewSet("appointment_schedules")


class DayListMenuItem(MenuItem):
    def is_shown(self, request):
        from backoffice.views.staff import is_officer

        return is_officer(request.user)


@hooks.register("register_admin_urls")
def register_day_list_url():
    return [path("lich-hen/", officer_day_view, name="appointments_day")]


@hooks.register("register_admin_menu_item")
def register_day_list_menu_item():
    return DayListMenuItem(_("Lịch hẹn trong ngày"), reverse("appointments_day"), icon_name="date", order=155)
