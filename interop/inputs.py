"""Validation of what clients send: list filters (query string) and status changes (JSON body).

Django forms, so every message is Vietnamese (translated with the rest of the portal).
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
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
    """A status change pushed by a connected system (JSON body of POST …/status-changes/).

    Checks the shape per action (required reason, data the action takes) so that bad input gets a
    400 with errors per field; whether the action is possible now is decided by the lifecycle."""

    action = forms.ChoiceField(choices=Action.choices, label=_("thao tác"))
    reason = forms.CharField(required=False, max_length=2000, label=_("lý do"))
    due_date = forms.DateField(required=False, input_formats=["%Y-%m-%d"], label=_("ngày hẹn"))
    amount = forms.IntegerField(required=False, min_value=1, label=_("số tiền (đồng)"))
    to_unit = forms.CharField(required=False, max_length=40, label=_("mã đơn vị nhận liên thông"))

    # Which optional fields an action takes, and the lifecycle's name for each.
    DATA = {
        Action.ACCEPT: {"due_date": "due_date"},
        Action.REQUEST_PAYMENT: {"amount": "amount"},
        Action.TRANSFER: {"to_unit": "to_agency"},
        Action.APOLOGIZE: {"due_date": "new_due_date"},
    }
    REQUIRED = {
        Action.REQUEST_PAYMENT: ("amount",),
        Action.TRANSFER: ("to_unit",),
        Action.APOLOGIZE: ("due_date",),
    }
    # Actions that carry files or belong to the citizen: not through this endpoint.
    NOT_HERE = {
        Action.FINISH: _("Gửi kết quả kèm tệp qua POST /api/v1/dossiers/<mã>/results/."),
        Action.SUPPLY: _("Công dân nộp bổ sung giấy tờ trên trang hồ sơ của mình."),
        Action.REQUEST_WITHDRAWAL: _("Chỉ công dân được yêu cầu rút hồ sơ, trên trang hồ sơ của mình."),
    }

    def __init__(self, data, *, reason_required=frozenset()):
        super().__init__(data)
        self.reason_required = reason_required

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if not action:
            return data
        if action in self.NOT_HERE:
            self.add_error("action", self.NOT_HERE[action])
            return data
        if action in self.reason_required and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Thao tác này cần lý do / nội dung gửi công dân."))
        due = data.get("due_date")
        if due is not None and due < timezone.localdate() and "due_date" not in self.errors:
            self.add_error("due_date", _("Ngày hẹn không được trước hôm nay."))
        takes = self.DATA.get(action, {})
        for name in ("due_date", "amount", "to_unit"):
            given = data.get(name) not in (None, "")
            if given and name not in takes and name not in self.errors:
                self.add_error(name, _("Thao tác này không nhận trường này."))
            elif not given and name in self.REQUIRED.get(action, ()) and name not in self.errors:
                self.add_error(name, _("Trường này là bắt buộc với thao tác này."))
        return data

    def perform_data(self) -> dict:
        """The keyword arguments for dossiers.lifecycle.perform (to_unit still a code)."""
        takes = self.DATA.get(self.cleaned_data["action"], {})
        return {
            target: self.cleaned_data[name]
            for name, target in takes.items()
            if self.cleaned_data.get(name) not in (None, "")
        }
