"""Django forms for lifecycle actions (staff area and the citizen's dossier page).

One form class per action, built by `action_form()`; the form only collects and types the input,
`dossiers.lifecycle.perform()` decides (a form that validates may still be refused there).
"""

from __future__ import annotations

from django import forms as djforms
from django.utils.translation import gettext_lazy as _

from ..constants import Action
from ..services.fees import record_fee
from ..transitions import REASON_REQUIRED

__all__ = ["ACTION_FIELDS", "MultipleFileField", "action_form", "perform_kwargs"]

REASON_LABELS = {
    Action.REFUSE: _("Lý do không tiếp nhận"),
    Action.REQUEST_SUPPLEMENT: _("Giấy tờ cần bổ sung (mỗi dòng một loại giấy tờ)"),
    Action.STOP: _("Lý do dừng xử lý"),
    Action.TRANSFER: _("Lý do chuyển liên thông"),
    Action.APOLOGIZE: _("Nội dung xin lỗi gửi công dân (lý do chậm)"),
    Action.REQUEST_PAYMENT: _("Nội dung nghĩa vụ tài chính (phí, lệ phí, thuế…)"),
    Action.REQUEST_WITHDRAWAL: _("Lý do rút hồ sơ (không bắt buộc)"),
    Action.SUPPLY: _("Ghi chú gửi cơ quan (không bắt buộc)"),
}
# Which extra inputs each action takes (the names perform() expects).
ACTION_FIELDS = {
    Action.ACCEPT: ["due_date"],
    Action.REQUEST_PAYMENT: ["amount"],
    Action.SUPPLY: ["files"],
    Action.FINISH: ["result_files"],
    Action.TRANSFER: ["to_agency"],
    Action.APOLOGIZE: ["new_due_date"],
}


class MultipleFileInput(djforms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(djforms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item] or single(None, initial)
        return [single(data, initial)] if data else single(None, initial)


class DateInput(djforms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def action_form(action, dossier, *, data=None, files=None, prefix: str | None = None) -> djforms.Form:
    """An unbound or bound form for `action` on `dossier`."""
    action = Action(action)
    fields: dict[str, djforms.Field] = {}
    if action in REASON_REQUIRED or action in REASON_LABELS:
        fields["reason"] = djforms.CharField(
            label=REASON_LABELS.get(action, _("Lý do")),
            required=action in REASON_REQUIRED,
            max_length=4000,
            widget=djforms.Textarea(attrs={"rows": 3}),
            error_messages={"required": _("Nhập nội dung này.")},
        )
    else:
        fields["reason"] = djforms.CharField(
            label=_("Ghi chú (không bắt buộc)"), required=False, max_length=4000
        )
    if action == Action.ACCEPT:
        fields["due_date"] = djforms.DateField(
            label=_("Ngày hẹn trả kết quả"),
            required=dossier.appointment_date is None,
            initial=dossier.appointment_date,
            widget=DateInput(),
            help_text=_("Để nguyên nếu giữ ngày hẹn đã tính khi nộp."),
        )
    elif action == Action.REQUEST_PAYMENT:
        fee = record_fee(dossier)
        fields["amount"] = djforms.IntegerField(
            label=_("Số tiền (đồng)"),
            min_value=1,
            initial=fee,
            help_text=_("Theo phí, lệ phí công bố của thủ tục; sửa khi mức thu thay đổi theo hồ sơ.")
            if fee
            else _("Thủ tục chưa công bố mức phí cố định: nhập số tiền của hồ sơ này."),
            error_messages={"required": _("Nhập số tiền.")},
        )
    elif action == Action.SUPPLY:
        fields["files"] = MultipleFileField(
            label=_("Giấy tờ bổ sung (PDF, JPG, PNG)"),
            error_messages={"required": _("Chọn ít nhất một tệp.")},
        )
    elif action == Action.FINISH:
        fields["result_files"] = MultipleFileField(
            label=_("Tệp kết quả giải quyết (PDF, JPG, PNG)"),
            error_messages={"required": _("Đính kèm tệp kết quả.")},
        )
    elif action == Action.TRANSFER:
        from agencies.models import Agency

        fields["to_agency"] = djforms.ModelChoiceField(
            label=_("Chuyển đến cơ quan"),
            queryset=Agency.objects.active_on().exclude(pk=dossier.competent_agency_id).order_by("name"),
            error_messages={"required": _("Chọn cơ quan nhận.")},
        )
    elif action == Action.APOLOGIZE:
        fields["new_due_date"] = djforms.DateField(
            label=_("Ngày hẹn trả kết quả mới"),
            widget=DateInput(),
            error_messages={"required": _("Nhập ngày hẹn mới.")},
        )
    form_class = type(f"{action.name.title()}Form", (djforms.Form,), dict(fields))
    return form_class(data=data, files=files, prefix=prefix or action.value)


def perform_kwargs(form) -> dict:
    """The keyword arguments for lifecycle.perform() from a valid action form."""
    kwargs = {"reason": form.cleaned_data.get("reason", "")}
    for name in ("due_date", "amount", "files", "result_files", "to_agency", "new_due_date"):
        value = form.cleaned_data.get(name)
        if value not in (None, "", []):
            kwargs[name] = value
    return kwargs
