"""The citizen's rating of one dossier's service (once per dossier): Decision 766's satisfaction input."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import REASON_MAX_LENGTH, Satisfaction


class ServiceRating(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.CASCADE,
        related_name="service_rating",
    )
    # Copied from the dossier when rated, so figures per agency and procedure stay put.
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_ratings",
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_ratings",
    )
    level = models.CharField(_("mức độ hài lòng"), max_length=10, choices=Satisfaction.choices, db_index=True)
    reason = models.TextField(_("lý do không hài lòng"), blank=True, max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("đánh giá lúc"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("đánh giá hồ sơ")
        verbose_name_plural = _("đánh giá hồ sơ")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.level}"
