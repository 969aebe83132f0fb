from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Holiday


class HolidayViewSet(ModelViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Lịch nghỉ lễ")
    add_to_settings_menu = True
    form_fields = ["date", "name", "kind", "note"]
    list_display = ["date", "name", "kind", "source"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["-date"]


@hooks.register("register_admin_viewset")
def register_holiday_viewset():
    return HolidayViewSet("holidays")
