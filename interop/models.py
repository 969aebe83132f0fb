"""Connected systems (the province's other one-stop systems) and the log of every API call.

`ApiClient` holds a system's name, scopes, the units whose dossiers it may see and the SHA-256 digest
of its token (the token itself is shown once, when issued, and never stored). `ApiCallLog` is
append-only: rows are inserted and never changed or deleted through the application.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Scope

__all__ = ["ApiCallLog", "ApiClient", "AppendOnlyError"]


class ApiClient(models.Model):
    name = models.SlugField(
        _("tên hệ thống"),
        max_length=100,
        unique=True,
        help_text=_(
            "Tên ngắn, không dấu, ghi vào lịch sử hồ sơ khi hệ thống đổi trạng thái (ví dụ: mot-cua-tinh)."
        ),
    )
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    scopes = models.JSONField(_("quyền"), default=list, blank=True)
    all_units = models.BooleanField(
        _("mọi đơn vị"), default=False, help_text=_("Được xem hồ sơ của mọi cơ quan, đơn vị trong tỉnh.")
    )
    units = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("đơn vị được xem"),
        blank=True,
        related_name="api_clients",
        help_text=_("Hồ sơ mà các đơn vị này tiếp nhận hoặc giải quyết."),
    )
    token_id = models.CharField(_("mã nhận diện khóa"), max_length=16, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(_("đang hoạt động"), default=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    token_issued_at = models.DateTimeField(_("cấp khóa lúc"), null=True, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hệ thống liên thông")
        verbose_name_plural = _("hệ thống liên thông")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        unknown = [s for s in self.scopes or [] if s not in Scope.values]
        if unknown:
            raise ValidationError({"scopes": _("Quyền không hợp lệ: %(s)s.") % {"s": ", ".join(unknown)}})

    @property
    def is_usable(self) -> bool:
        return self.active and self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])


class AppendOnlyError(Exception):
    """An attempt to change or delete a row of the API call log."""


class ApiCallLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("ApiCallLog is append-only")

    def delete(self):
        raise AppendOnlyError("ApiCallLog is append-only")


class ApiCallLog(models.Model):
    """One call to /api/v1/: who (the client, or none when the token was missing or wrong), what,
    the answer's status code, how long it took, when."""

    client = models.ForeignKey(
        ApiClient,
        verbose_name=_("hệ thống"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
    )
    client_name = models.CharField(_("hệ thống"), max_length=100, blank=True)
    method = models.CharField(_("phương thức"), max_length=10)
    path = models.CharField(_("đường dẫn"), max_length=500)
    query = models.CharField(_("tham số"), max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(_("mã kết quả"))
    duration_ms = models.FloatField(_("thời gian (ms)"))
    at = models.DateTimeField(_("thời điểm"), db_index=True)
    remote_addr = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    objects = ApiCallLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhật ký gọi API")
        verbose_name_plural = _("nhật ký gọi API")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["client", "-at"], name="apicall_client_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.client_name or '-'} {self.method} {self.path} {self.status_code}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("ApiCallLog is append-only: rows are never updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("ApiCallLog is append-only: rows are never deleted")
