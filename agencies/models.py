"""Agencies (cơ quan) and administrative units (đơn vị hành chính), with effective dates and successors.

Nothing is deleted when a reform merges or abolishes a unit: the old record gets an end date and a
successor, so old procedures, dossiers and reports still read the structure of their time.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.validators import validate_agency_code

from .constants import AgencyKind, UnitKind


class EffectiveQuerySet(models.QuerySet):
    def active_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )


class Effective(models.Model):
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = EffectiveQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_active_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def is_active(self) -> bool:
        return self.is_active_on()


class AdministrativeUnit(index.Indexed, Effective):
    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("cấp"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )

    search_fields = [index.SearchField("name"), index.FilterField("kind"), index.SearchField("code")]

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Agency(index.Indexed, Effective):
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, allow_unicode=False)
    code = models.CharField(
        _("mã cơ quan"),
        max_length=40,
        blank=True,
        validators=[validate_agency_code],
        help_text=_(
            "Mã định danh điện tử (Quyết định 20/2020/QĐ-TTg), ví dụ 000.00.12.H56; mở đầu mã mọi hồ sơ "
            "đơn vị tiếp nhận. Để trống: đơn vị chưa nhận hồ sơ trực tuyến."
        ),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    editor_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("nhóm biên tập viên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editor_of_agency",
        help_text=_(
            "Thành viên nhóm này chỉ được sửa và gửi duyệt thủ tục do cơ quan này (hoặc cơ quan trực thuộc, "
            "cơ quan tiền thân) thực hiện."
        ),
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        """A code is unique among agencies; it cannot be removed, nor the agency ended, while the
        portal advertises online procedures only this agency can receive (procedures/online.py)."""
        super().clean()
        from django.core.exceptions import ValidationError

        self.code = (self.code or "").strip()
        if self.code and Agency.objects.exclude(pk=self.pk).filter(code=self.code).exists():
            raise ValidationError({"code": _("Mã %(code)s đã dùng cho cơ quan khác.") % {"code": self.code}})
        if self.pk is None:
            return
        stored = Agency.objects.filter(pk=self.pk).values("code", "valid_to").first() or {}
        losing_code = stored.get("code") and not self.code
        ending = self.valid_to is not None and self.valid_to < timezone.localdate()
        if not (losing_code or ending):
            return
        from procedures.online import acceptance_problems, online_q

        stranded = []
        for page in self.implements.live().filter(online_q()):
            page.implementing_agency = self  # as it would be saved
            if acceptance_problems(page):
                stranded.append(page)
        if stranded:
            names = ", ".join(page.code for page in stranded[:5]) + ("…" if len(stranded) > 5 else "")
            raise ValidationError(
                _(
                    "%(count)s thủ tục trực tuyến (%(codes)s) chỉ cơ quan này tiếp nhận: hãy đổi cơ quan "
                    "thực hiện hoặc bỏ mức độ trực tuyến của các thủ tục đó trước."
                )
                % {"count": len(stranded), "codes": names}
            )
