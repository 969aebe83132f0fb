from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentStatus(models.TextChoices):
    CREATED = "created", _("Mới tạo")
    PENDING = "pending", _("Đang chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Không thành công")
    CANCELLED = "cancelled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn")
    REFUNDED = "refunded", _("Đã hoàn tiền")


class Purpose(models.TextChoices):
    REQUEST = "request", _("Theo yêu cầu thực hiện nghĩa vụ tài chính")
    SUBMISSION = "submission", _("Phí, lệ phí nộp cùng hồ sơ")


# Statuses a gateway answer may still change; the others are final (a refund aside).
OPEN_STATUSES = (PaymentStatus.CREATED, PaymentStatus.PENDING)


class EventKind(models.TextChoices):
    CREATE = "create", _("Tạo giao dịch")
    IPN = "ipn", _("Thông báo từ cổng (IPN)")
    RETURN = "return", _("Người dùng quay lại")
    QUERY = "querydr", _("Truy vấn kết quả")
    EXPIRE = "expire", _("Hết hạn")
    REFUND = "refund", _("Hoàn tiền")
    MISMATCH = "mismatch", _("Lệch so với cổng")
