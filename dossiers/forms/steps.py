"""The submission wizard's form classes, built from a frozen form schema (forms.schema): one per step,
then the uploads and the review with the declaration."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms as dj
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import numberformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.validators import normalize_phone, validate_citizen_id, validate_phone
from forms.addresses import commune_choices, commune_name, format_address, province_choices, province_name
from forms.constants import FieldKind
from forms.widgets import QuickSelect

from ..services.drafts import remove_upload, save_upload
from ..services.submission import AnswerData

__all__ = ["ReviewForm", "StepForm", "UploadsForm", "step_form_class"]

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


def _required_message(label: str) -> dict:
    return {"required": _("Vui lòng nhập “%(label)s”.") % {"label": label}}


_THOUSANDS_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


class VietnameseDecimalField(dj.DecimalField):
    """Accepts Vietnamese writing: "1.000.000" (dots group thousands), "12,5" (comma for decimals)
    as well as "12.5"."""

    def to_python(self, value):
        if isinstance(value, str):
            text = value.strip().replace(" ", "").replace("\u00a0", "")
            if _THOUSANDS_DOTS.match(text):
                text = text.replace(".", "")
            value = text.replace(",", ".")
        return super().to_python(value)


class PhoneField(dj.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        if value:
            validate_phone(value)
            value = normalize_phone(value)
        return value


class CitizenIdField(dj.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})

    def clean(self, value):
        value = super().clean(value)
        value = (value or "").replace(" ", "")
        if value:
            validate_citizen_id(value)
        return value


def _fields_for(spec: dict) -> list[tuple[str, dj.Field]]:
    kind = spec["kind"]
    label = spec["label"]
    common = {
        "label": label,
        "required": spec.get("required", False),
        "help_text": spec.get("help_text", ""),
        "error_messages": _required_message(label),
    }
    key = spec["key"]
    if kind == FieldKind.TEXTAREA:
        field = dj.CharField(
            widget=dj.Textarea(attrs={"rows": 4}), max_length=spec.get("max_length") or 5000, **common
        )
    elif kind == FieldKind.NUMBER:
        field = VietnameseDecimalField(
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            max_digits=18,
            decimal_places=4,
            widget=dj.TextInput(attrs={"inputmode": "decimal"}),
            **common,
        )
        field.error_messages["invalid"] = _("Vui lòng nhập một số, ví dụ 12 hoặc 12,5.")
    elif kind == FieldKind.DATE:
        field = dj.DateField(
            input_formats=DATE_FORMATS,
            widget=dj.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            **common,
        )
        field.error_messages["invalid"] = _(
            "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 25/12/1990."
        )
    elif kind == FieldKind.CHOICE:
        choices = [(c, c) for c in spec.get("choices", [])]
        if len(choices) <= 4:
            field = dj.ChoiceField(choices=choices, widget=dj.RadioSelect, **common)
        else:
            field = dj.ChoiceField(choices=[("", _("— Chọn —")), *choices], widget=QuickSelect, **common)
        field.error_messages["invalid_choice"] = _("Vui lòng chọn một giá trị trong danh sách.")
    elif kind == FieldKind.CHECKBOX:
        common["error_messages"] = {"required": _("Vui lòng đánh dấu “%(label)s”.") % {"label": label}}
        field = dj.BooleanField(**common)
    elif kind == FieldKind.EMAIL:
        field = dj.EmailField(max_length=254, **common)
        field.error_messages["invalid"] = _("Địa chỉ thư điện tử không hợp lệ, ví dụ ten@example.vn.")
        field.widget.attrs["autocomplete"] = "email"
    elif kind == FieldKind.PHONE:
        field = PhoneField(**common)
    elif kind == FieldKind.CITIZEN_ID:
        field = CitizenIdField(**common)
    elif kind == FieldKind.ADDRESS:
        required = spec.get("required", False)
        return [
            (
                f"{key}__province",
                dj.ChoiceField(
                    label=_("Tỉnh/thành phố"),
                    required=required,
                    choices=[("", _("— Chọn tỉnh/thành phố —")), *province_choices()],
                    widget=QuickSelect,
                    error_messages={
                        "required": _("Vui lòng chọn tỉnh/thành phố."),
                        "invalid_choice": _("Tỉnh/thành phố không hợp lệ."),
                    },
                ),
            ),
            (
                f"{key}__commune",
                dj.CharField(
                    label=_("Phường/xã/đặc khu"),
                    required=required,
                    widget=QuickSelect,
                    error_messages={"required": _("Vui lòng chọn phường/xã.")},
                ),
            ),
            (
                f"{key}__street",
                dj.CharField(
                    label=_("Số nhà, đường, thôn/ấp/khu phố"),
                    required=required,
                    max_length=255,
                    error_messages={"required": _("Vui lòng nhập số nhà, đường hoặc thôn/ấp.")},
                ),
            ),
        ]
    else:
        field = dj.CharField(max_length=spec.get("max_length") or 255, **common)
    return [(key, field)]


class StepForm(dj.Form):
    """A step of the online form. `schema_step` is set on each generated subclass."""

    schema_step: dict = {}
    required_css_class = "is-required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in self.address_specs:
            self._set_communes(spec["key"])

    @property
    def address_specs(self) -> list[dict]:
        return [s for s in self.schema_step["fields"] if s["kind"] == FieldKind.ADDRESS]

    def _province_value(self, key: str) -> str:
        name = f"{key}__province"
        if self.is_bound:
            value = self.data.get(self.add_prefix(name))
            if value:
                return value
        return str(self.initial.get(name) or settings.ADDRESS_DEFAULT_PROVINCE_CODE)

    def _set_communes(self, key: str) -> None:
        province = self._province_value(key)
        self.fields[f"{key}__commune"].widget.choices = [
            ("", _("— Chọn phường/xã —")),
            *commune_choices(province),
        ]
        if not self.is_bound and not self.initial.get(f"{key}__province"):
            self.initial[f"{key}__province"] = province

    def clean(self):
        cleaned = super().clean()
        for spec in self.address_specs:
            key = spec["key"]
            province, commune = cleaned.get(f"{key}__province"), cleaned.get(f"{key}__commune")
            if province and commune and not commune_name(province, commune):
                self.add_error(
                    f"{key}__commune",
                    _("Phường/xã không thuộc %(province)s; danh sách đã được cập nhật, vui lòng chọn lại.")
                    % {"province": province_name(province)},
                )
        birth = cleaned.get("date_of_birth")
        cid = cleaned.get("citizen_id")
        if birth and cid:
            try:
                validate_citizen_id(cid, date_of_birth=birth)
            except ValidationError as exc:
                self.add_error("citizen_id", exc)
        return cleaned

    def answers(self) -> list[AnswerData]:
        step = self.schema_step
        result = []
        for spec in step["fields"]:
            key, kind = spec["key"], spec["kind"]
            if kind == FieldKind.ADDRESS:
                province = self.cleaned_data.get(f"{key}__province") or ""
                commune = self.cleaned_data.get(f"{key}__commune") or ""
                street = self.cleaned_data.get(f"{key}__street") or ""
                value = {
                    "province_code": province,
                    "province": province_name(province),
                    "commune_code": commune,
                    "commune": commune_name(province, commune),
                    "street": street,
                }
                display = format_address(street=street, province_code=province, commune_code=commune)
            else:
                raw = self.cleaned_data.get(key)
                if kind == FieldKind.CHECKBOX:
                    value, display = bool(raw), str(_("Có") if raw else _("Không"))
                elif raw is None or raw == "":
                    value, display = None, ""
                elif kind == FieldKind.DATE:
                    value, display = raw.isoformat(), raw.strftime("%d/%m/%Y")
                elif isinstance(raw, Decimal):
                    value = format(raw.normalize(), "f")
                    display = numberformat.format(
                        value, ",", grouping=3, thousand_sep=".", force_grouping=True
                    )
                else:
                    value, display = raw, str(raw)
            result.append(AnswerData(step["key"], step["title"], key, spec["label"], kind, value, display))
        return result


def step_form_class(step: dict) -> type[StepForm]:
    attrs: dict = {"schema_step": step}
    for spec in step["fields"]:
        attrs.update(dict(_fields_for(spec)))
    return type(f"Step_{step['key'].replace('-', '_')}", (StepForm,), attrs)


class MultipleFileInput(dj.FileInput):
    allow_multiple_selected = True


class MultipleFileField(dj.Field):
    """Returns the list of uploaded files as they came; uploads.inspect_upload judges them."""

    widget = MultipleFileInput

    def to_python(self, data):
        if not data:
            return []
        return [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]

    def bound_data(self, data, initial):
        return initial


class UploadsForm(dj.Form):
    """One file input per upload slot. Valid files are stored at once (so nothing is lost when
    another slot has an error); refused files get a Vietnamese message next to their slot."""

    remove = dj.MultipleChoiceField(
        required=False, widget=dj.CheckboxSelectMultiple, label=gettext_lazy("Xóa tệp")
    )

    def __init__(self, *args, draft, slots: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.slots = slots
        for slot in slots:
            accept = ",".join(
                {"pdf": ".pdf,application/pdf", "jpg": ".jpg,.jpeg,image/jpeg", "png": ".png,image/png"}[t]
                for t in slot["accept"]
            )
            self.fields[slot["key"]] = MultipleFileField(
                label=slot["label"], required=False, help_text=slot.get("help_text", "")
            )
            self.fields[slot["key"]].widget.attrs["accept"] = accept
        self.fields["remove"].choices = [(str(f.pk), f.original_name) for f in self.draft.files.all()]

    @property
    def refused(self) -> list[str]:
        """Why each file sent with this form was not kept (too many for its slot, wrong type, too
        large, a virus...): said again on the next page when the citizen leaves the step with
        "Lưu nháp" or "Quay lại", where the form's own errors are not shown."""
        return list(getattr(self, "_refused", []))

    def files_by_slot(self) -> dict[str, list]:
        grouped: dict[str, list] = {slot["key"]: [] for slot in self.slots}
        for upload in self.draft.files.filter(dossier__isnull=True).order_by("uploaded_at"):
            grouped.setdefault(upload.slot_key, []).append(upload)
        return grouped

    def clean(self):
        cleaned = super().clean()
        self._refused = []
        for file_id in cleaned.get("remove") or []:
            remove_upload(draft=self.draft, file_id=file_id)
        existing = self.files_by_slot()
        for slot in self.slots:
            key = slot["key"]
            count = len(existing.get(key, []))
            for uploaded in cleaned.get(key) or []:
                if count >= slot["max_files"]:
                    message = _("“%(label)s” nhận tối đa %(n)s tệp; tệp “%(name)s” chưa được lưu.") % {
                        "label": slot["label"],
                        "n": slot["max_files"],
                        "name": uploaded.name,
                    }
                    self.add_error(key, message)
                    self._refused.append(message)
                    continue
                try:
                    save_upload(draft=self.draft, slot=slot, uploaded=uploaded)
                    count += 1
                except ValidationError as exc:
                    self.add_error(key, exc)
                    self._refused.extend(exc.messages)
            if slot["required"] and count == 0 and key not in self.errors:
                self.add_error(key, _("Vui lòng tải lên “%(label)s”.") % {"label": slot["label"]})
        return cleaned


class ReviewForm(dj.Form):
    declaration = dj.BooleanField(
        required=True,
        label=gettext_lazy("Tôi đã kiểm tra thông tin và xin cam đoan như trên."),
        error_messages={"required": gettext_lazy("Vui lòng đánh dấu lời cam đoan trước khi nộp hồ sơ.")},
    )
    submission_token = dj.UUIDField(widget=dj.HiddenInput)
