"""Counter and postal dossiers ("Tiếp nhận hồ sơ trực tiếp", /admin/mot-cua/tiep-nhan/).

A reception officer (or an admin) of a receiving unit registers a dossier handed in at the counter
or received by post: pick the unit (when they have several) and the procedure (GET, so the page
works without JavaScript), then the applicant, the channel, the paper documents received (the
procedure's dossier components) with optional scans, and whether it is accepted at once (POST).
The form only types the input; `dossiers.services.counter.register_counter_dossier` decides and writes
everything in one transaction. Then the receipt-and-appointment slip is shown, with its PDF.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.validators import normalize_phone, validate_citizen_id, validate_phone
from dossiers.appointments import time_limit_of
from dossiers.constants import OFFICER_CHANNELS, Channel
from dossiers.forms.actions import DateInput, MultipleFileField
from dossiers.receipts import receipt_context
from dossiers.services.counter import (
    RegistrationRefused,
    component_label,
    counter_procedures,
    counter_units,
    counter_upload_rules,
    register_counter_dossier,
)
from dossiers.uploads import TYPE_LABELS

from .services import dossier_for_officer
from .views import OfficerMixin

__all__ = ["CounterDoneView", "CounterForm", "CounterView"]

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
        self._describe()

    @property
    def scan_bound_fields(self):
        return [self[name] for name in self.scan_fields]

    def _post_clean(self):
        super()._post_clean()
        self._describe()

    def _describe(self):
        """Each input points at its help and error (aria-describedby); inputs in error are
        marked aria-invalid."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            described = [f"id_{name}-help"] if field.help_text else []
            if name in errors:
                field.widget.attrs["aria-invalid"] = "true"
                described.insert(0, f"id_{name}-error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

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
        self._describe()

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


class CounterView(OfficerMixin, TemplateView):
    """Step 1 (GET): unit and procedure. Step 2 (GET with both): the form. POST: register."""

    template_name = "backoffice/counter.html"
    page_title = gettext_lazy("Tiếp nhận hồ sơ trực tiếp")

    def dispatch(self, request, *args, **kwargs):
        # Reception officers and admins of a receiving unit only (every unit for a superuser or a
        # province-wide admin); other officers and citizens are refused.
        self.units = list(counter_units(request.user))
        if not self.units:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _choice(self, params):
        """(unit, procedure, errors) from the query string; a unit not of this officer is 404."""
        errors = []
        unit = None
        raw_unit = (params.get("don_vi") or "").strip()
        if raw_unit:
            unit = next((u for u in self.units if str(u.pk) == raw_unit), None)
            if unit is None:
                raise Http404
        elif len(self.units) == 1:
            unit = self.units[0]
        procedure = None
        code = (params.get("thu_tuc") or "").strip()[:64]
        if code and unit is not None:
            procedure = counter_procedures(unit).filter(code=code).first()
            if procedure is None:
                errors.append(_("Đơn vị %(unit)s không tiếp nhận thủ tục %(code)s; chọn thủ tục trong danh sách.")
                              % {"unit": unit.name, "code": code})  # fmt: skip
        elif code:
            errors.append(_("Chọn đơn vị tiếp nhận trước."))
        return unit, procedure, errors

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        unit, procedure, errors = self._choice(self.request.GET)
        if procedure is not None and form is None:
            form = CounterForm(procedure=procedure, initial={"token": uuid.uuid4()})
        context.update(
            units=self.units,
            unit=unit,
            procedure=procedure,
            procedures=counter_procedures(unit).only("code", "title", "official_name") if unit else [],
            choice_errors=errors,
            form=form,
            error_summary=form.error_summary() if form is not None and form.is_bound else [],
            back_url=reverse("backoffice:queue"),
        )
        return context

    def post(self, request, *args, **kwargs):
        unit, procedure, _errors = self._choice(request.GET)
        if unit is None or procedure is None:
            raise Http404
        form = CounterForm(request.POST, request.FILES, procedure=procedure)
        if form.is_valid():
            try:
                dossier, created = register_counter_dossier(
                    officer=request.user, unit=unit, procedure=procedure, **form.service_kwargs()
                )
            except RegistrationRefused as refused:
                form.add_refusal(refused)
            else:
                if created:
                    messages.success(
                        request,
                        _("Đã tiếp nhận hồ sơ %(code)s (%(status)s).")
                        % {"code": dossier.code, "status": dossier.get_status_display()},
                    )
                else:
                    messages.info(
                        request,
                        _("Hồ sơ %(code)s đã được lưu trước đó; không tạo trùng.") % {"code": dossier.code},
                    )
                return redirect("backoffice:counter_done", code=dossier.code)
        messages.error(request, _("Chưa tiếp nhận được hồ sơ; xem lỗi bên dưới."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CounterDoneView(OfficerMixin, TemplateView):
    """The receipt-and-appointment slip of the dossier just registered (PDF link to print)."""

    template_name = "backoffice/counter_done.html"
    page_title = gettext_lazy("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.dossier = dossier_for_officer(user=request.user, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if getattr(self, "dossier", None) is None:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(receipt_context(self.dossier, base_url=self.request.build_absolute_uri("/")))
        unit = self.dossier.receiving_unit_id
        context["again_url"] = reverse("backoffice:counter") + (f"?don_vi={unit}" if unit else "")
        return context
