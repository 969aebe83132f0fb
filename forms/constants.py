from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldKind(models.TextChoices):
    TEXT = "text", _("Văn bản ngắn")
    TEXTAREA = "textarea", _("Văn bản dài")
    NUMBER = "number", _("Số")
    DATE = "date", _("Ngày")
    CHOICE = "choice", _("Chọn một trong danh sách")
    CHECKBOX = "checkbox", _("Ô đánh dấu (đồng ý / có)")
    EMAIL = "email", _("Thư điện tử")
    PHONE = "phone", _("Số điện thoại Việt Nam")
    CITIZEN_ID = "citizen_id", _("Số định danh cá nhân (CCCD 12 số)")
    ADDRESS = "address", _("Địa chỉ (tỉnh/thành phố, phường/xã, số nhà)")


APPLICANT_STEP_KEY = "nguoi-nop"
RECEIVING_UNIT_KEY = "receiving_unit"  # a field of the applicant step when the citizen chooses the unit
UPLOADS_STEP_KEY = "giay-to"
REVIEW_STEP_KEY = "xac-nhan"
