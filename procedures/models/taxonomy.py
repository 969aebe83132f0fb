from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from ..constants import ImplementationLevel


class Field(index.Indexed, models.Model):
    """A field of administrative procedures (lĩnh vực), e.g. "Hộ tịch", "Đất đai"."""

    name = models.CharField(_("tên lĩnh vực"), max_length=255, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True)
    code = models.CharField(_("mã lĩnh vực"), max_length=40, blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImplementationLevelRecord(models.Model):
    """One row per level of implementation (cấp thực hiện); rows are created by a migration."""

    code = models.CharField(_("mã"), max_length=20, unique=True, choices=ImplementationLevel.choices)

    class Meta:
        verbose_name = _("cấp thực hiện")
        verbose_name_plural = _("cấp thực hiện")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.get_code_display())
