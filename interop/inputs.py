"""Validation of what clients send: list filters (query string) and status changes (JSON body).

Django forms, so every message is Vietnamese (translated with the rest of the portal).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers.constants import Action, DossierStatus

from .constants import PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX

__all__ = ["DossierListQuery", "StatusChangeInput", "field_errors"]


def field_errors(form: forms.Form) -> dict[str, list[str]]:
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


class DossierListQuery(forms.Form):
    unit = forms.CharField(required=False, max_length=40, label=_("mã đơn vị"))
    status = forms.CharField(required=False, max_length=40, label=_("trạng thái"))
    procedure = forms.CharField(required=False, max_length=64, label=_("mã thủ tục"))
    submitted_from = forms.DateField(required=False, input_formats=["%Y-%m-%d"], label=_("nộp từ ngày"))
    submitted_to = forms.DateField(required=False, input_formats=["%Y-%m-%d"], label=_("nộp đến ngày"))
    updated_since = forms.DateTimeField(required=False, label=_("cập nhật từ"))
    page = forms.IntegerField(required=False, min_value=1, label=_("trang"))
    page_size = forms.IntegerField(
        required=False, min_value=1, max_value=PAGE_SIZE_MAX, label=_("số hồ sơ mỗi trang")
    )

    def clean_status(self) -> list[str]:
        raw = self.cleaned_data.get("status") or ""
        values = [v.strip() for v in raw.split(",") if v.strip()]
        unknown = [v for v in values if v not in DossierStatus.values]
        if unknown:
            raise forms.ValidationError(
                _("Trạng thái không hợp lệ: %(values)s (dùng mã 1 đến 10, cách nhau bằng dấu phẩy).")
                % {"values": ", ".join(unknown)}
            )
        return values

    def clean(self):
        data = super().clean()
        start, end = data.get("submitted_from"), data.get("submitted_to")
        if start and end and start > end:
            self.add_error("submitted_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        data["page"] = data.get("page") or 1
        data["page_size"] = data.get("page_size") or PAGE_SIZE_DEFAULT
        return data


class StatusChangeInput(forms.Form):
    action = forms.ChoiceField(choices=Action.choices, label=_("thao tác"))
    reason = forms.CharField(required=False, max_length=2000, label=_("lý do"))
    due_date = forms.DateField(required=False, input_formats=["%Y-%m-%d"], label=_("ngày hẹn mới"))
    missing = forms.JSONField(required=False, label=_("giấy tờ cần bổ sung"))
    amount = forms.IntegerField(required=False, min_value=0, label=_("số tiền (đồng)"))
    to_unit = forms.CharField(required=False, max_length=40, label=_("mã đơn vị nhận liên thông"))

    def clean_missing(self):
        value = self.cleaned_data.get("missing")
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise forms.ValidationError(_("Nhập danh sách tên giấy tờ cần bổ sung (mảng chuỗi)."))
        return [v.strip() for v in value]
