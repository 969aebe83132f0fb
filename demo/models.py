"""Bookkeeping for `load_demo`: what the demo loader created, and from which version of its data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoRecord(models.Model):
    """One object the demo loader made (a page, a form document), with a digest of the data it came from.

    A second run compares digests and leaves unchanged objects alone: no new revisions, fast re-runs.
    """

    key = models.CharField(_("khóa"), max_length=200, unique=True)
    digest = models.CharField(_("dấu vân tay dữ liệu"), max_length=64)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("bản ghi dữ liệu mẫu")
        verbose_name_plural = _("bản ghi dữ liệu mẫu")

    def __str__(self) -> str:
        return self.key
