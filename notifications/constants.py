from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ gửi")
    SENT = "sent", _("Đã gửi")
    SKIPPED = "skipped", _("Không cần gửi")
    FAILED = "failed", _("Gửi không được")


# Attempts before a message is given up (status FAILED, shown to administrators).
MAX_ATTEMPTS = 8
# A delivery that started and never finished (a killed worker) may be taken up again after this.
CLAIM_SECONDS = 600
