"""Forms of the procedure catalog: the page form's agency rule for agency editors.

Wagtail builds ProcedurePage's admin form; procedures/wagtail_hooks.py mixes this in.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .permissions import editable_agency_ids

__all__ = ["AgencyScopedPageFormMixin"]


class AgencyScopedPageFormMixin:
    """Limits the implementing agency of a procedure to the editor's agencies (and makes it required)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = editable_agency_ids(getattr(self, "for_user", None))
        field = self.fields.get("implementing_agency")
        if allowed is None or field is None:
            return
        from agencies.models import Agency

        current = getattr(self.instance, "implementing_agency_id", None)
        field.widget = forms.Select()
        field.queryset = Agency.objects.filter(pk__in=allowed).filter(
            Q(pk__in=Agency.objects.active_on()) | Q(pk=current)
        )
        field.required = True
        field.empty_label = None
        field.help_text = _("Bạn là biên tập viên của cơ quan này nên chỉ chọn được cơ quan của mình.")
        field.error_messages["invalid_choice"] = _(
            "Bạn chỉ được chọn cơ quan mà bạn là biên tập viên. Nội dung đã nhập vẫn được giữ trên biểu mẫu."
        )
