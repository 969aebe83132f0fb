from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    """The 10 national dossier status codes (Decree 61/2018, 107/2021, 118/2025)."""

    NEW = "1", _("Mới đăng ký")
    ACCEPTED = "2", _("Được tiếp nhận")
    REFUSED = "3", _("Không được tiếp nhận")
    PROCESSING = "4", _("Đang xử lý")
    SUPPLEMENT_REQUESTED = "5", _("Yêu cầu bổ sung giấy tờ")
    PAYMENT_REQUESTED = "6", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWAL_REQUESTED = "7", _("Công dân yêu cầu rút hồ sơ")
    STOPPED = "8", _("Dừng xử lý")
    DONE = "9", _("Đã xử lý xong")
    RETURNED = "10", _("Đã trả kết quả")


class DraftStatus(models.TextChoices):
    OPEN = "open", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp")


class ScanStatus(models.TextChoices):
    CLEAN = "clean", _("Đã quét, không có mã độc")
    NOT_SCANNED = "not_scanned", _("Không quét (máy quét tắt)")


class FileKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    JPEG = "jpg", _("Ảnh JPEG")
    PNG = "png", _("Ảnh PNG")
