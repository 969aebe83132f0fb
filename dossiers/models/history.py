"""Append-only records of a dossier's life: status changes, internal notes, file accesses.

Rows are inserted and never changed: `save()` on a stored row, `delete()`, and the queryset's
`update()` / `delete()` raise `AppendOnlyError`; a dossier that has a history cannot be deleted
(`on_delete=PROTECT`). Corrections are new rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import Action, DossierStatus

__all__ = ["AppendOnlyError", "DossierNote", "DossierTransfer", "FileAccess", "StatusChange"]


class AppendOnlyError(Exception):
    """An attempt to change or delete an append-only record."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} is append-only: rows are never updated")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} is append-only: rows are never deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model.__name__} is append-only: rows are never updated")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only: rows are never updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only: rows are never deleted")


class StatusChange(AppendOnlyModel):
    """One step of a dossier's history: from what, to what, by which action, who (an officer, the
    citizen, or a connected system), when and why.

    Column names kept from online submission: `status` is the status entered (alias `to_status`),
    `by` the user who acted (alias `actor`), `note` the reason shown to the citizen (alias
    `reason`). The first row of a dossier (submission) has an empty `from_status` and `action`.
    `data` holds what the action carried: supplement list, amount, new due date, transfer units.
    """

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="history")
    from_status = models.CharField(
        _("từ trạng thái"), max_length=2, choices=DossierStatus.choices, blank=True
    )
    status = models.CharField(_("trạng thái"), max_length=2, choices=DossierStatus.choices)
    action = models.CharField(_("thao tác"), max_length=24, choices=Action.choices, blank=True)
    at = models.DateTimeField(_("thời điểm"))
    note = models.TextField(_("lý do / nội dung"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    system = models.CharField(_("hệ thống"), max_length=100, blank=True)
    actor_name = models.CharField(_("người thực hiện"), max_length=255, blank=True)
    data = models.JSONField(_("dữ liệu kèm theo"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lịch sử trạng thái")
        verbose_name_plural = _("lịch sử trạng thái")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.get_status_display()}"

    @property
    def to_status(self) -> str:
        return self.status

    def get_to_status_display(self) -> str:
        return self.get_status_display()

    @property
    def actor(self):
        return self.by

    @property
    def reason(self) -> str:
        return self.note

    @property
    def who(self) -> str:
        """A label for the history: the officer's name, the system, or the citizen."""
        if self.system:
            return self.system
        return self.actor_name or (str(self.by) if self.by_id else "")


class DossierNote(AppendOnlyModel):
    """An internal note on a dossier, for officers only (never shown to the citizen)."""

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=255, blank=True)
    text = models.TextField(_("ghi chú nội bộ"))
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("ghi chú nội bộ")
        verbose_name_plural = _("ghi chú nội bộ")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.text[:40]}"


class FileAccess(AppendOnlyModel):
    """Who opened which dossier file, when (every staff access; citizens' own accesses too)."""

    file = models.ForeignKey("dossiers.DossierFile", on_delete=models.PROTECT, related_name="accesses")
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="file_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    as_officer = models.BooleanField(_("truy cập với tư cách cán bộ"), default=False)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt truy cập tệp")
        verbose_name_plural = _("lượt truy cập tệp")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.file_id} ({self.at:%Y-%m-%d %H:%M})"


class DossierTransfer(AppendOnlyModel):
    """A transfer (liên thông) of a dossier from one competent agency to another, written by
    `lifecycle.perform()` with the status change that carries it. The agency a dossier left keeps
    read-only access to it (`access.transferred_from`), and its officers find it under the
    queue's "Đã chuyển liên thông" tab."""

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="transfers")
    change = models.OneToOneField(StatusChange, on_delete=models.PROTECT, related_name="transfer")
    from_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("liên thông hồ sơ")
        verbose_name_plural = _("liên thông hồ sơ")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["from_agency", "dossier"], name="dossier_transfer_from")]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.from_agency_id} → {self.to_agency_id}"
