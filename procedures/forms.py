"""Forms of the procedure catalog: the page form's agency rule for agency editors, and its
"online means online" rule.

Wagtail builds ProcedurePage's admin form; procedures/wagtail_hooks.py mixes this in.
"""

import copy

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .permissions import editable_agency_ids

__all__ = ["AgencyScopedPageFormMixin", "OnlineLevelFormMixin"]


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


class OnlineLevelFormMixin:
    """An editor cannot mark a procedure online (Decree 42/2022 toàn trình / một phần, Decree
    43/2011 level 3/4) unless the portal can take its dossiers, nor toàn trình / level 4 unless its
    fee can be paid online and its result signed; the message says why (procedures/online.py).
    Checked in the admin form, not on every save: the importer lowers such levels itself, and stale
    data is listed by `manage.py check_online`."""

    def clean(self):
        cleaned = super().clean()
        from .constants import OnlineLevel
        from .online import ONLINE_LEGACY_LEVELS, advertised_levels

        level = cleaned.get("online_level", self.instance.online_level)
        legacy = cleaned.get("legacy_level", self.instance.legacy_level)
        probe = copy.copy(self.instance)
        for name in ("implementing_agency", "competent_agency", "status"):
            if name in cleaned:
                setattr(probe, name, cleaned[name])
        allowed_level, allowed_legacy, problems = advertised_levels(probe, level, legacy)
        if not problems:
            return cleaned
        if allowed_level == OnlineLevel.NONE and allowed_legacy not in ONLINE_LEGACY_LEVELS:
            template = _("Chưa thể đánh dấu thủ tục là dịch vụ công trực tuyến: %(why)s")
        else:
            template = _(
                "Chưa thể đánh dấu thủ tục là dịch vụ công trực tuyến toàn trình (mức độ 4): %(why)s"
            )
        message = template % {"why": " ".join(str(p) for p in problems)}
        field = "online_level" if level != allowed_level else "legacy_level"
        self.add_error(field if field in self.fields else None, message)
        return cleaned
