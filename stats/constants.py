from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.constants import Channel  # the dossier's channel (kênh nộp), defined with the dossier

__all__ = ["Channel", "ItemStatus", "TargetStatus"]


class TargetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa đến giai đoạn")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm tiến độ")
    MET = "met", _("Đạt")
    MISSED = "missed", _("Không đạt")
    NO_DATA = "no_data", _("Chưa có số liệu")
    NOT_APPLICABLE = "n_a", _("Chỉ tiêu toàn tỉnh")


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    LATE = "late", _("Trễ hạn")
