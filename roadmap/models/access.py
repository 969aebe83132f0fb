"""Which Wagtail groups belong to which agency, so that an agency's staff see its roadmap items."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class AgencyAccess(models.Model):
    """Members of `group` may see (read-only) the roadmap items and statistics of `agency`."""

    group = models.ForeignKey(
        "auth.Group", verbose_name=_("nhóm người dùng"), on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("group"), FieldPanel("agency")]

    class Meta:
        verbose_name = _("quyền xem lộ trình của cơ quan")
        verbose_name_plural = _("quyền xem lộ trình của cơ quan")
        constraints = [models.UniqueConstraint(fields=["group", "agency"], name="roadmap_access_unique")]

    def __str__(self) -> str:
        return f"{self.group} → {self.agency}"
