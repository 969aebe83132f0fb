"""The shapes of API version 1, as django-ninja Schemas: what clients send (checked, with Vietnamese
messages per field) and what they get (described in /api/v1/openapi.json, generated from these).

Input is parsed as the portal's Django forms parse it: dates `YYYY-MM-DD`, date-times as Django's
DateTimeField reads them (naive ones in the portal's time zone), blanks as absent, text stripped.
interop.views.api turns pydantic's errors into the same Vietnamese messages Django's forms give.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from dossiers.constants import Action, DossierStatus, FilePurpose

from .constants import PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX

__all__ = [
    "DossierDetail",
    "DossierListQuery",
    "DossierPage",
    "DossierSummary",
    "Error",
    "ResultFiles",
    "StatusChangeRequest",
    "StatusChangeResult",
]


# --- Input ---------------------------------------------------------------------------------------
def _parsed_by(field: forms.Field):
    """Parse a text value with a Django form field: its formats, its Vietnamese message."""

    def parse(value: Any) -> Any:
        if value is None or isinstance(value, date):
            return value
        try:
            if not isinstance(value, str):
                raise forms.ValidationError(field.error_messages["invalid"])
            return field.clean(value)
        except forms.ValidationError as refused:
            raise PydanticCustomError("portal", str(refused.messages[0])) from None

    return BeforeValidator(parse)


# Dates a dossier can have: the portal's records start after 1990, and far ends (year 1, year 9999)
# overflow when a date is turned into an instant in another time zone (found by schemathesis).
EARLIEST, LATEST = date(1990, 1, 1), date(2999, 12, 31)


def _in_range(value: date | datetime | None) -> date | datetime | None:
    day = value.date() if isinstance(value, datetime) else value
    if day is not None and not EARLIEST <= day <= LATEST:
        raise _refuse(
            _("Ngày phải trong khoảng %(start)s đến %(end)s.")
            % {"start": EARLIEST.strftime("%d/%m/%Y"), "end": LATEST.strftime("%d/%m/%Y")}
        )
    return value


InputDate = Annotated[
    date | None,
    _parsed_by(forms.DateField(required=False, input_formats=["%Y-%m-%d"])),
    AfterValidator(_in_range),
]
InputDateTime = Annotated[
    datetime | None, _parsed_by(forms.DateTimeField(required=False)), AfterValidator(_in_range)
]


def _refuse(message) -> PydanticCustomError:
    return PydanticCustomError("portal", str(message))


class Input(BaseModel):
    """What a client sends: text is stripped, and blank values count as absent (as in Django's forms).
    (A pydantic model rather than a ninja Schema, which would hand the validator a wrapped object.)"""

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        stripped = {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        return {k: v for k, v in stripped.items() if v not in ("", None)}


class DossierListQuery(Input):
    unit: str | None = Field(
        None, max_length=40, description="Mã đơn vị (tiếp nhận hoặc giải quyết).", examples=["000.00.31.H80"]
    )
    status: str | None = Field(
        None, max_length=40, description="Mã trạng thái, nhiều mã cách nhau bằng dấu phẩy.", examples=["1,2"]
    )
    procedure: str | None = Field(None, max_length=64, description="Mã thủ tục.", examples=["1.001234"])
    submitted_from: InputDate = Field(None, description="Nộp từ ngày (YYYY-MM-DD).")
    submitted_to: InputDate = Field(None, description="Nộp đến ngày (YYYY-MM-DD).")
    updated_since: InputDateTime = Field(
        None, description="Chỉ hồ sơ nộp hoặc đổi trạng thái từ thời điểm này (ISO 8601)."
    )
    page: int = Field(1, ge=1, description="Trang, từ 1.")
    page_size: int = Field(PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX, description="Số hồ sơ mỗi trang.")

    @field_validator("status")
    @classmethod
    def _known_statuses(cls, value: str | None) -> str | None:
        unknown = [v for v in _split(value) if v not in DossierStatus.values]
        if unknown:
            raise _refuse(
                _("Trạng thái không hợp lệ: %(values)s (dùng mã 1 đến 10, cách nhau bằng dấu phẩy).")
                % {"values": ", ".join(unknown)}
            )
        return value

    @field_validator("submitted_to")
    @classmethod
    def _after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("submitted_from")
        if start and value and start > value:
            raise _refuse(_("Ngày kết thúc phải sau ngày bắt đầu."))
        return value

    @property
    def statuses(self) -> list[str]:
        return _split(self.status)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


# Which optional fields an action takes (and the lifecycle's name for each), which it requires, and
# the actions that do not go through this endpoint.
TAKES = {
    Action.ACCEPT: {"due_date": "due_date"},
    Action.REQUEST_PAYMENT: {"amount": "amount"},
    Action.TRANSFER: {"to_unit": "to_agency"},
    Action.APOLOGIZE: {"due_date": "new_due_date"},
}
REQUIRES = {
    Action.REQUEST_PAYMENT: ("amount",),
    Action.TRANSFER: ("to_unit",),
    Action.APOLOGIZE: ("due_date",),
}
NOT_HERE = {
    Action.FINISH: _("Gửi kết quả kèm tệp qua POST /api/v1/dossiers/<mã>/results/."),
    Action.SUPPLY: _("Công dân nộp bổ sung giấy tờ trên trang hồ sơ của mình."),
    Action.REQUEST_WITHDRAWAL: _("Chỉ công dân được yêu cầu rút hồ sơ, trên trang hồ sơ của mình."),
}


class StatusChangeRequest(Input):
    """A status change pushed by a connected system. The shape is checked per action (a required
    reason, the fields the action takes); whether the action is possible now is the lifecycle's call."""

    action: Action = Field(description="Thao tác của bộ phận một cửa (docs/api.md).")
    reason: str = Field("", max_length=2000, description="Lý do, gửi cho công dân.", validate_default=True)
    due_date: InputDate = Field(
        None,
        description="Ngày hẹn trả kết quả: khi tiếp nhận (accept, không bắt buộc) hoặc ngày hẹn mới khi "
        "xin lỗi (apologize, bắt buộc).",
        validate_default=True,
    )
    amount: int | None = Field(
        None, ge=1, description="Số tiền (nghĩa vụ tài chính), đồng.", validate_default=True
    )
    to_unit: str | None = Field(
        None, max_length=40, description="Mã đơn vị nhận hồ sơ liên thông (chuyển).", validate_default=True
    )

    @field_validator("action")
    @classmethod
    def _here(cls, action: Action) -> Action:
        if action in NOT_HERE:
            raise _refuse(NOT_HERE[action])
        return action

    @field_validator("reason")
    @classmethod
    def _reason_when_required(cls, reason: str, info: ValidationInfo) -> str:
        from dossiers.lifecycle import REASON_REQUIRED

        if info.data.get("action") in REASON_REQUIRED and not reason:
            raise _refuse(_("Thao tác này cần lý do / nội dung gửi công dân."))
        return reason

    @field_validator("due_date", "amount", "to_unit")
    @classmethod
    def _taken_by_the_action(cls, value: Any, info: ValidationInfo) -> Any:
        action = info.data.get("action")
        if action is None:
            return value
        if info.field_name == "due_date" and value is not None and value < timezone.localdate():
            raise _refuse(_("Ngày hẹn không được trước hôm nay."))
        if value is not None and info.field_name not in TAKES.get(action, {}):
            raise _refuse(_("Thao tác này không nhận trường này."))
        if value is None and info.field_name in REQUIRES.get(action, ()):
            raise _refuse(_("Trường này là bắt buộc với thao tác này."))
        return value

    def perform_data(self) -> dict:
        """The keyword arguments for dossiers.lifecycle.perform (to_unit still a code)."""
        takes = TAKES.get(self.action, {})
        return {
            target: getattr(self, name) for name, target in takes.items() if getattr(self, name) is not None
        }


# --- Output --------------------------------------------------------------------------------------
class Unit(Schema):
    code: str
    name: str


class _DossierFields(Schema):
    code: str
    status: DossierStatus
    status_label: str
    procedure_code: str
    procedure_name: str
    receiving_unit: Unit | None
    competent_agency: Unit | None
    submitted_at: datetime
    status_changed_at: datetime | None
    due_date: date | None
    applicant_name: str

    @staticmethod
    def resolve_status_label(dossier) -> str:
        return str(dossier.get_status_display())

    @staticmethod
    def resolve_due_date(dossier) -> date | None:
        return dossier.appointment_date


class DossierSummary(_DossierFields):
    url: str

    @staticmethod
    def resolve_url(dossier) -> str:
        return reverse("interop:dossier", args=[dossier.code])


class StatusChange(Schema):
    from_status: DossierStatus | None
    status: DossierStatus
    status_label: str
    action: Action | None
    at: datetime
    reason: str
    by: str
    system: str | None

    @staticmethod
    def resolve_from_status(change) -> str | None:
        return change.from_status or None

    @staticmethod
    def resolve_status_label(change) -> str:
        return str(change.get_status_display())

    @staticmethod
    def resolve_action(change) -> str | None:
        return change.action or None

    @staticmethod
    def resolve_reason(change) -> str:
        return change.note

    @staticmethod
    def resolve_by(change) -> str:
        return change.who

    @staticmethod
    def resolve_system(change) -> str | None:
        return change.system or None


class File(Schema):
    """A file's metadata; never the file itself or where it is stored."""

    id: UUID
    purpose: FilePurpose
    component: str
    name: str
    content_type: str
    size: int
    sha256: str
    scan_status: str
    uploaded_at: datetime

    @staticmethod
    def resolve_component(upload) -> str:
        return upload.slot_label

    @staticmethod
    def resolve_name(upload) -> str:
        return upload.original_name


class Applicant(Schema):
    name: str
    phone: str
    email: str
    citizen_id: str
    address: str


class Answer(Schema):
    step: str
    key: str
    label: str
    kind: str
    value: Any = Field(description="Giá trị đã khai (kiểu tùy trường).")
    display: str

    @staticmethod
    def resolve_step(answer) -> str:
        return answer.step_title


class DossierDetail(_DossierFields):
    applicant: Applicant
    time_limit_rule: str
    answers: list[Answer]
    files: list[File]
    history: list[StatusChange]

    @staticmethod
    def resolve_applicant(dossier) -> dict:
        return {
            "name": dossier.applicant_name,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "citizen_id": dossier.applicant_citizen_id,
            "address": dossier.applicant_address,
        }


class DossierPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    server_time: datetime = Field(
        description="Thời điểm máy chủ trả lời: dùng làm updated_since cho lần đồng bộ sau."
    )
    results: list[DossierSummary]


class StatusChangeResult(Schema):
    dossier: DossierSummary
    status_change: StatusChange


class ResultFiles(Schema):
    dossier: DossierSummary
    files: list[File]


class ErrorBody(Schema):
    status: int
    message: str = Field(description="Thông báo bằng tiếng Việt.")
    # Absent (never null) when no field is at fault.
    fields: dict[str, list[str]] = Field(
        None, description="Lỗi theo từng trường (khi dữ liệu gửi lên không hợp lệ)."
    )


class Error(Schema):
    error: ErrorBody


class SignatureCheck(Schema):
    signer: str = Field(description="Tên trong chứng thư số của người/cơ quan ký.")
    organisation: str
    signed_at: datetime | None = Field(
        description="Thời điểm ký: theo dấu thời gian nếu có, nếu không theo máy ký."
    )
    timestamped: bool = Field(description="Thời điểm ký có dấu thời gian tin cậy.")
    intact: bool = Field(description="Các byte được ký không bị thay đổi.")
    changed_after: bool = Field(description="Có nội dung được thêm hoặc sửa sau khi ký.")
    trusted: bool = Field(description="Chứng thư số nối tới một tổ chức cấp chứng thư mà Cổng tin cậy.")
    valid_at_signing: bool = Field(description="Chứng thư số còn hiệu lực tại thời điểm ký.")
    revoked: bool = Field(description="Chứng thư số đã bị thu hồi trước thời điểm ký.")
    dossier_code: str | None = Field(
        description="Mã hồ sơ khi văn bản có trong sổ văn bản Cổng đã ký; không có dữ liệu cá nhân."
    )
    problems: list[str] = Field(description="Các vấn đề, bằng tiếng Việt.")


class VerificationResult(Schema):
    valid: bool = Field(
        description="Mọi chữ ký nguyên vẹn, không bị sửa sau khi ký, chứng thư tin cậy và còn hiệu lực."
    )
    error: str = Field(
        description="Lý do không kiểm tra được (không phải PDF, không có chữ ký…); rỗng khi kiểm tra được."
    )
    sha256: str
    signatures: list[SignatureCheck]
