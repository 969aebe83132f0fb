from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What a connected system may do through the API (/api/v1/)."""

    DOSSIERS_READ = "dossiers:read", _("Đọc hồ sơ (danh sách, chi tiết)")
    DOSSIERS_WRITE = "dossiers:write", _("Cập nhật trạng thái hồ sơ")
    RESULTS_WRITE = "results:write", _("Đính kèm tệp kết quả")
    DOCUMENTS_VERIFY = "documents:verify", _("Xác thực văn bản đã ký số")


# Tokens look like "dvc_<8-character id>_<secret>": the id (kept in clear) finds the client, the
# whole token is compared by its SHA-256 digest (a random 256-bit secret needs no slow hash).
TOKEN_PREFIX = "dvc_"
PAGE_SIZE_DEFAULT = 50
PAGE_SIZE_MAX = 200
