"""The back office's form classes: `CounterForm`, a counter or postal dossier as the reception
officer types it (backoffice.views.counter); `dossiers.services.counter.register_counter_dossier`
decides and writes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.validators import normalize_phone, validate_citizen_id, validate_phone
from dossiers.appointments import time_limit_of
from dossiers.constants import OFFICER_CHANNELS, Channel
from dossiers.forms.actions import DateInput, MultipleFileField
from dossiers.services.counter import (
    RegistrationRefused,
    component_label,
    counter_upload_rules,
)
from dossiers.uploads import TYPE_LABELS

__all__ = ["CounterForm"]

_SERVICE_FIELDS = {
    "name": "applicant_name",
    "phone": "applicant_phone",
    "email": "applicant_email",
    "citizen_id": "applicant_citizen_id",
    "address": "applicant_address",
    "channel": "channel",
    "documents": "documents",
    "due_date": "due_date",
}


class CounterForm(forms.Form):
    """What the officer types; `procedure` gives the checklist and one scan field per component."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=gettext_lazy("Hình thức nộp"),
        choices=[(c.value, c.label) for c in OFFICER_CHANNELS],
        initial=Channel.COUNTER,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Chọn hình thức nộp."),
            "invalid_choice": gettext_lazy("Chọn hình thức nộp."),
        },
    )
    applicant_name = forms.CharField(
        label=gettext_lazy("Họ và tên người nộp"),
        max_length=150,
        error_messages={"required": gettext_lazy("Nhập họ và tên người nộp.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    applicant_phone = forms.CharField(
        label=gettext_lazy("Số điện thoại"),
        max_length=20,
        help_text=gettext_lazy("Người nộp tra cứu hồ sơ bằng 4 số cuối số điện thoại hoặc số định danh."),
        error_messages={"required": gettext_lazy("Nhập số điện thoại của người nộp.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    applicant_email = forms.EmailField(
        label=gettext_lazy("Thư điện tử (không bắt buộc)"),
        required=False,
        help_text=gettext_lazy(
            "Nếu có, người nộp nhận thư báo đã tiếp nhận và mỗi lần hồ sơ đổi trạng thái."
        ),
        error_messages={"invalid": gettext_lazy("Thư điện tử không hợp lệ, ví dụ ten@example.vn.")},
    )
    applicant_citizen_id = forms.CharField(
        label=gettext_lazy("Số định danh cá nhân (CCCD)"),
        max_length=12,
        error_messages={
            "required": gettext_lazy("Nhập số định danh cá nhân của người nộp."),
            "max_length": gettext_lazy("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    applicant_address = forms.CharField(
        label=gettext_lazy("Địa chỉ"),
        max_length=500,
        error_messages={"required": gettext_lazy("Nhập địa chỉ của người nộp.")},
    )
    documents = forms.MultipleChoiceField(
        label=gettext_lazy("Giấy tờ bản giấy đã nhận"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Giấy tờ đã chọn không thuộc thủ tục này.")},
    )
    other_documents = forms.CharField(
        label=gettext_lazy("Giấy tờ khác đã nhận (mỗi dòng một loại, không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accept = forms.BooleanField(
        label=gettext_lazy("Tiếp nhận ngay (hồ sơ chuyển sang “Được tiếp nhận”)"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Bỏ chọn nếu cần xem xét thêm trước khi tiếp nhận; hồ sơ vào hàng chờ “Mới đăng ký”."
        ),
    )

    def __init__(self, *args, procedure, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        self.components = list(procedure.components.order_by("sort_order", "pk"))
        self.fields["documents"].choices = [(str(c.pk), component_label(c)) for c in self.components]
        rules = counter_upload_rules(procedure)
        self.scan_fields = []
        for component in self.components:
            rule = rules[component.pk]
            name = f"scan_{component.pk}"
            self.fields[name] = MultipleFileField(
                label=_("Bản quét: %(name)s") % {"name": component.name[:200]},
                required=False,
                help_text=_("Không bắt buộc. %(types)s, tối đa %(n)s tệp, mỗi tệp đến %(mb)s MB.")
                % {
                    "types": ", ".join(TYPE_LABELS[t] for t in rule.accept),
                    "n": rule.max_files,
                    "mb": f"{rule.max_bytes / 1048576:g}",
                },
            )
            self.fields[name].widget.attrs["accept"] = ",".join(
                {"pdf": ".pdf", "jpg": ".jpg,.jpeg", "png": ".png"}[t] for t in rule.accept
            )
            self.scan_fields.append(name)
        # Only a procedure without a time limit the portal can count needs a date typed in.
        self.needs_due_date = time_limit_of(procedure) is None
        if self.needs_due_date:
            self.fields["due_date"] = forms.DateField(
                label=gettext_lazy("Ngày hẹn trả kết quả"),
                required=False,
                widget=DateInput(),
                help_text=gettext_lazy(
                    "Thủ tục không có thời hạn giải quyết tính được: nhập ngày hẹn để tiếp nhận ngay."
                ),
                error_messages={"invalid": gettext_lazy("Ngày hẹn không hợp lệ (ngày/tháng/năm).")},
            )

    @property
    def scan_bound_fields(self):
        return [self[name] for name in self.scan_fields]

    def clean_applicant_phone(self):
        value = self.cleaned_data["applicant_phone"]
        validate_phone(value)
        return normalize_phone(value)

    def clean_applicant_citizen_id(self):
        value = self.cleaned_data["applicant_citizen_id"].strip()
        validate_citizen_id(value)
        return value

    def clean(self):
        data = super().clean()
        if not data.get("documents") and not (data.get("other_documents") or "").strip():
            self.add_error("documents", _("Đánh dấu ít nhất một giấy tờ đã nhận (hoặc ghi giấy tờ khác)."))
        if self.needs_due_date and data.get("accept") and not data.get("due_date"):
            self.add_error("due_date", _("Nhập ngày hẹn trả kết quả để tiếp nhận ngay."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "token": data["token"],
            "channel": data["channel"],
            "applicant": {
                "name": data["applicant_name"],
                "phone": data["applicant_phone"],
                "email": data["applicant_email"],
                "citizen_id": data["applicant_citizen_id"],
                "address": data["applicant_address"],
            },
            "documents": [int(pk) for pk in data["documents"]],
            "other_documents": (data.get("other_documents") or "").splitlines(),
            "scans": {int(name.removeprefix("scan_")): data.get(name) or [] for name in self.scan_fields},
            "accept": data["accept"],
            "due_date": data.get("due_date"),
        }

    def add_refusal(self, refused: RegistrationRefused) -> None:
        """Put the service's refusal next to the field it names (the whole form otherwise)."""
        field = refused.field
        if field.startswith("scan:"):
            field = "scan_" + field.removeprefix("scan:")
        else:
            field = _SERVICE_FIELDS.get(field)
        self.add_error(field if field in self.fields else None, refused.message)

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for the summary at the top of the page, in the fields' order."""
        items = [("", str(e)) for e in self.non_field_errors()]
        for name, field in self.fields.items():
            for error in self.errors.get(name, []) if name in self.errors else []:
                anchor = self[name].id_for_label or f"id_{name}"
                if isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                    anchor = f"id_{name}_0"
                items.append((anchor, f"{field.label}: {error}"))
        return items
