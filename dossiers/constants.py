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


class Action(models.TextChoices):
    """What moves a dossier from one status to another (dossiers.transitions.TRANSITIONS)."""

    ACCEPT = "accept", _("Tiếp nhận")
    REFUSE = "refuse", _("Từ chối tiếp nhận")
    START = "start", _("Bắt đầu xử lý")
    REQUEST_SUPPLEMENT = "request_supplement", _("Yêu cầu bổ sung giấy tờ")
    SUPPLY = "supply", _("Công dân nộp bổ sung")
    REQUEST_PAYMENT = "request_payment", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    CONFIRM_PAYMENT = "confirm_payment", _("Xác nhận đã thực hiện nghĩa vụ tài chính")
    REQUEST_WITHDRAWAL = "request_withdrawal", _("Công dân yêu cầu rút hồ sơ")
    STOP = "stop", _("Dừng xử lý")
    FINISH = "finish", _("Hoàn thành xử lý")
    RETURN = "return", _("Trả kết quả")
    TRANSFER = "transfer", _("Chuyển liên thông")
    APOLOGIZE = "apologize", _("Xin lỗi và hẹn lại ngày trả kết quả")


class OfficerRole(models.TextChoices):
    """Roles of civil servants in the back office (dossiers.models.OfficerAssignment)."""

    RECEPTION = "reception", _("Cán bộ tiếp nhận (bộ phận một cửa)")
    PROCESSING = "processing", _("Cán bộ xử lý (cơ quan có thẩm quyền)")
    LEADER = "leader", _("Lãnh đạo phê duyệt")
    ADMIN = "admin", _("Quản trị hồ sơ")


class Channel(models.TextChoices):
    """How a dossier reached the agency: online (the portal's wizard), at the one-stop counter, or
    by post (both registered by a reception officer in the back office). Stats count by it."""

    ONLINE = "online", _("Trực tuyến")
    COUNTER = "counter", _("Trực tiếp tại bộ phận một cửa")
    POSTAL = "postal", _("Bưu chính")


# The channels a reception officer registers in the back office ("Tiếp nhận hồ sơ trực tiếp").
OFFICER_CHANNELS = (Channel.COUNTER, Channel.POSTAL)


class FilePurpose(models.TextChoices):
    SUBMITTED = "submitted", _("Nộp cùng hồ sơ")
    SUPPLEMENT = "supplement", _("Nộp bổ sung")
    RESULT = "result", _("Kết quả giải quyết")


# Statuses in which nothing more happens to a dossier.
FINAL_STATUSES = frozenset({DossierStatus.REFUSED, DossierStatus.STOPPED, DossierStatus.RETURNED})
# Statuses of a dossier still in the officers' hands, in the national order. The queue's default tab
# filters on exactly this list, and two partial indexes (Dossier.Meta) carry it as their condition.
OPEN_STATUSES = tuple(s for s in DossierStatus.values if s not in FINAL_STATUSES)
# Statuses in which the processing clock runs (overdue is possible). Status 5 pauses the clock
# (docs/backoffice.md, "Clock rules"); 9 is done, waiting only for the result to be collected.
CLOCK_RUNNING_STATUSES = frozenset(
    {
        DossierStatus.NEW,
        DossierStatus.ACCEPTED,
        DossierStatus.PROCESSING,
        DossierStatus.PAYMENT_REQUESTED,
        DossierStatus.WITHDRAWAL_REQUESTED,
    }
)
# Actions only the dossier's owner (the citizen), or a system on their behalf, performs.
CITIZEN_ACTIONS = frozenset({Action.SUPPLY, Action.REQUEST_WITHDRAWAL})
