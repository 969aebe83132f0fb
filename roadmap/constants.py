"""Kinds and statuses of the roadmap app (TextChoices with translatable labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MONITOR_GROUP_NAME = "Giám sát lộ trình"


class RoadmapStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    IN_FORCE = "in_force", _("Đang thực hiện")
    ENDED = "ended", _("Đã kết thúc")
    SUPERSEDED = "superseded", _("Được thay thế")


class TargetKind(models.TextChoices):
    """What a roadmap target measures. Definitions: docs/statistics.md."""

    LEVEL2_COMPLETE_SHARE = "level2_complete_share", _("Tỷ lệ thủ tục có đủ thông tin mức độ 2")
    LEVEL3_COUNT = "level3_count", _("Số dịch vụ từ mức độ 3 trở lên")
    LEVEL3_SHARE = "level3_share", _("Tỷ lệ dịch vụ từ mức độ 3 trở lên")
    LEVEL4_COUNT = "level4_count", _("Số dịch vụ mức độ 4")
    LEVEL4_SHARE = "level4_share", _("Tỷ lệ dịch vụ mức độ 4")
    ONE_STOP_SHARE = "one_stop_share", _("Tỷ lệ sở, ngành vận hành một cửa điện tử")

    @classmethod
    def share_kinds(cls) -> set[str]:
        return {cls.LEVEL2_COMPLETE_SHARE, cls.LEVEL3_SHARE, cls.LEVEL4_SHARE, cls.ONE_STOP_SHARE}


class Comparison(models.TextChoices):
    AT_LEAST = "gte", _("ít nhất (≥)")
    MORE_THAN = "gt", _("trên (>)")
    BETWEEN = "between", _("từ … đến …")


class Tier(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh (sở, ngành)")
    DISTRICT = "district", _("Cấp huyện, cấp xã")


class ItemKind(models.TextChoices):
    SERVICE = "service", _("Dịch vụ")
    GROUP = "group", _("Nhóm dịch vụ")


class TargetLevels(models.TextChoices):
    """Target level(s) of a roadmap item, in the frame of Decree 43/2011 (as the decision writes them)."""

    LEVEL_3 = "3", _("Mức độ 3")
    LEVEL_4 = "4", _("Mức độ 4")
    LEVEL_3_4 = "3,4", _("Mức độ 3, 4")


class LevelSource(models.TextChoices):
    PUBLISH = "publish", _("Xuất bản trang")
    MANUAL = "manual", _("Nhập tay (giám sát)")
    IMPORT = "import", _("Nhập từ dữ liệu / đồng bộ")


class LinkOrigin(models.TextChoices):
    """Where the suggestion that a person confirmed came from."""

    SEARCH = "search", _("Gợi ý của tìm kiếm")
    NAME = "name", _("Gợi ý theo tên")
    MANUAL = "manual", _("Chọn tay")
    DEMO = "demo", _("Dữ liệu mẫu")
