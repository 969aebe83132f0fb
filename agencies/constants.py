from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh / thành phố")
    DISTRICT = "district", _("Huyện / thị xã / thành phố thuộc tỉnh (trước 01/7/2025)")
    COMMUNE = "commune", _("Xã / phường / đặc khu")


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Bộ, cơ quan ngang bộ")
    PEOPLES_COMMITTEE = "committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    ADMIN_CENTRE = "centre", _("Trung tâm phục vụ hành chính công")
    OTHER = "other", _("Cơ quan khác")
