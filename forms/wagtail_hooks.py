from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_columns import yes_no
from procedures.models import DossierComponent

from .models import OnlineForm


def _component_label(component) -> str:
    prefix = f"{component.group}: " if component.group else ""
    return (prefix + component.name)[:160]


class OnlineFormAdminForm(WagtailAdminModelForm):
    """Upload slots may only point at the dossier components of the form's own procedure."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        procedure_id = self.instance.procedure_id if self.instance else None
        components = (
            DossierComponent.objects.filter(page_id=procedure_id)
            if procedure_id
            else DossierComponent.objects.none()
        )
        formset = self.formsets.get("upload_slots")
        if formset is not None:
            for form in [*formset.forms, formset.empty_form]:
                if "component" in form.fields:
                    form.fields["component"].queryset = components
                    form.fields["component"].label_from_instance = _component_label
                    if not procedure_id:
                        form.fields["component"].help_text = _(
                            "Lưu biểu mẫu trước để chọn trong các thành phần hồ sơ của thủ tục."
                        )


class OnlineFormViewSet(ModelViewSet):
    model = OnlineForm
    icon = "form"
    menu_label = _("Biểu mẫu trực tuyến")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "procedure",
        yes_no("is_active", OnlineForm, yes=_("Đang nhận hồ sơ"), no=_("Tạm dừng")),
        "updated_at",
    ]
    list_filter = ["is_active"]
    search_fields = ["procedure__title", "procedure__code"]

    def get_edit_handler(self):
        return ObjectList(OnlineForm.panels, base_form_class=OnlineFormAdminForm).bind_to_model(OnlineForm)


@hooks.register("register_admin_viewset")
def register_online_form_viewset():
    return OnlineFormViewSet("online_forms")
