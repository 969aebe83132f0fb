from django.db import models
from django.utils.translation import gettext_lazy as _


class OnlineLevel(models.TextChoices):
    """Online service level under Decree 42/2022/NĐ-CP."""

    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Chưa cung cấp trực tuyến")


class LegacyLevel(models.TextChoices):
    """Online service level label under Decree 43/2011/NĐ-CP, as provincial catalogs still carry it."""

    NONE = "", _("Không ghi")
    LEVEL_1 = "1", _("Mức độ 1")
    LEVEL_2 = "2", _("Mức độ 2")
    LEVEL_3 = "3", _("Mức độ 3")
    LEVEL_4 = "4", _("Mức độ 4")
    OTHER = "other", _("Còn lại")


class ProcedureStatus(models.TextChoices):
    ACTIVE = "active", _("Đang áp dụng")
    AMENDED = "amended", _("Đã sửa đổi, bổ sung")
    ABOLISHED = "abolished", _("Đã bãi bỏ")


class ImplementationLevel(models.TextChoices):
    """Level(s) of government that carry out a procedure (cấp thực hiện)."""

    MINISTRY = "ministry", _("Cấp bộ")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")
    OTHER = "other", _("Cơ quan khác")


class ChannelKind(models.TextChoices):
    DIRECT = "direct", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Dịch vụ bưu chính")
    OTHER = "other", _("Khác")


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("ngày làm việc")
    DAYS = "days", _("ngày")
    HOURS = "hours", _("giờ")
    WORKING_HOURS = "working_hours", _("giờ làm việc")
    MONTHS = "months", _("tháng")
    YEARS = "years", _("năm")


class ComponentMode(models.TextChoices):
    """How a dossier component is asked for in an online submission (procedures/online.py)."""

    REQUIRED = "required", _("Bắt buộc tải lên")
    OPTIONAL = "optional", _("Tải lên nếu có (không bắt buộc)")
    IN_PERSON = "in_person", _("Chỉ xuất trình bản chính khi đến cơ quan")
    NOT_ASKED = "not_asked", _("Không yêu cầu khi nộp trực tuyến")
