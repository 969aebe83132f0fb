"""A roadmap decision, its targets per period, its items and the procedures that realise each item."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from ..constants import Comparison, ItemKind, LinkOrigin, RoadmapStatus, TargetKind, TargetLevels, Tier


def _revisions():
    return GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )


class Roadmap(RevisionMixin, index.Indexed, ClusterableModel):
    """A decision that sets a roadmap (e.g. Decision 1396/QĐ-UBND of 2015). Later plans are new rows."""

    number = models.CharField(
        _("số quyết định"), max_length=60, unique=True, help_text=_("Ví dụ: 1396/QĐ-UBND.")
    )
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    title = models.TextField(_("tên lộ trình"))
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    monitoring_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan theo dõi, đôn đốc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitored_roadmaps",
    )
    monitoring_agency_text = models.CharField(_("cơ quan theo dõi (văn bản)"), max_length=255, blank=True)
    level2_owner_text = models.CharField(_("cơ quan chủ trì thông tin mức độ 2"), max_length=255, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=RoadmapStatus.choices, default=RoadmapStatus.IN_FORCE
    )
    baseline = models.JSONField(
        _("số liệu nền"),
        default=dict,
        blank=True,
        help_text=_("Số liệu tại thời điểm ban hành (số huyện, xã, thủ tục…), như quyết định ghi."),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    revisions = _revisions()

    search_fields = [index.SearchField("number"), index.SearchField("title")]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("slug")]),
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("issuer")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")]),
                FieldPanel("monitoring_agency"),
                FieldRowPanel([FieldPanel("monitoring_agency_text"), FieldPanel("level2_owner_text")]),
            ],
            heading=_("Quyết định"),
        ),
        InlinePanel("targets", heading=_("Mục tiêu theo giai đoạn"), label=_("mục tiêu")),
        FieldPanel("baseline"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("lộ trình")
        verbose_name_plural = _("lộ trình")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} ({self.start_year}–{self.end_year})"

    def clean(self):
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau hoặc bằng năm bắt đầu.")})

    @property
    def end_date(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)


class RoadmapTarget(Orderable):
    """One measurable target of one period, e.g. "by end 2018: at least 20% of services at level 3".

    Shares are stored in percent (20.00 = 20%), counts as numbers. The period ends on 31 December
    of `period_end`; the target is evaluated on that day (or today while the period runs).
    """

    roadmap = ParentalKey(Roadmap, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("chỉ tiêu"), max_length=32, choices=TargetKind.choices)
    comparison = models.CharField(
        _("so sánh"), max_length=8, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    threshold = models.DecimalField(
        _("ngưỡng"), max_digits=9, decimal_places=2, help_text=_("Tỷ lệ tính bằng %, số lượng tính bằng số.")
    )
    threshold_max = models.DecimalField(
        _("ngưỡng trên"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Chỉ dùng với so sánh “từ … đến …”."),
    )
    period_start = models.PositiveSmallIntegerField(_("giai đoạn từ năm"))
    period_end = models.PositiveSmallIntegerField(_("đến hết năm"))
    text = models.TextField(_("nội dung (như quyết định ghi)"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel(
            [
                FieldPanel("kind"),
                FieldPanel("comparison"),
                FieldPanel("threshold"),
                FieldPanel("threshold_max"),
            ]
        ),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start}–{self.period_end}"

    @property
    def is_share(self) -> bool:
        return self.kind in TargetKind.share_kinds()

    @property
    def period_end_date(self) -> datetime.date:
        return datetime.date(self.period_end, 12, 31)

    @property
    def period_start_date(self) -> datetime.date:
        return datetime.date(self.period_start, 1, 1)

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("Năm kết thúc phải sau hoặc bằng năm bắt đầu.")
        if self.threshold is not None:
            if self.threshold < 0:
                errors["threshold"] = _("Ngưỡng không được âm.")
            elif self.is_share and self.threshold > Decimal(100):
                errors["threshold"] = _("Tỷ lệ không quá 100%.")
        if self.comparison == Comparison.BETWEEN:
            if self.threshold_max is None:
                errors["threshold_max"] = _("So sánh “từ … đến …” cần ngưỡng trên.")
            elif self.threshold is not None and self.threshold_max < self.threshold:
                errors["threshold_max"] = _("Ngưỡng trên phải lớn hơn hoặc bằng ngưỡng dưới.")
        if errors:
            raise ValidationError(errors)


class RoadmapItem(RevisionMixin, index.Indexed, models.Model):
    """A service or a group of services the roadmap asks to bring online, with its period and levels."""

    roadmap = models.ForeignKey(
        Roadmap, verbose_name=_("lộ trình"), on_delete=models.CASCADE, related_name="items"
    )
    tier = models.CharField(_("cấp"), max_length=10, choices=Tier.choices, default=Tier.PROVINCE)
    number = models.PositiveSmallIntegerField(
        _("số thứ tự trong quyết định"), help_text=_("Theo văn bản gốc (có thể không liên tục).")
    )
    kind = models.CharField(_("loại"), max_length=10, choices=ItemKind.choices, default=ItemKind.SERVICE)
    service = models.TextField(_("dịch vụ / nhóm dịch vụ"))
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roadmap_items",
    )
    agency_text = models.CharField(_("cơ quan thực hiện (như quyết định ghi)"), max_length=255, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    period_text = models.CharField(_("thời gian thực hiện (văn bản)"), max_length=40, blank=True)
    target_levels = models.CharField(
        _("mức độ mục tiêu"), max_length=4, choices=TargetLevels.choices, default=TargetLevels.LEVEL_3_4
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    revisions = _revisions()

    search_fields = [
        index.SearchField("service"),
        index.SearchField("agency_text"),
        index.FilterField("roadmap_id"),
        index.FilterField("agency_id"),
        index.FilterField("tier"),
    ]

    panels = [
        FieldPanel("roadmap"),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("number"), FieldPanel("kind")]),
        FieldPanel("service"),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("agency_text")]),
        FieldRowPanel(
            [
                FieldPanel("start_year"),
                FieldPanel("end_year"),
                FieldPanel("period_text"),
                FieldPanel("target_levels"),
            ]
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("hạng mục lộ trình")
        verbose_name_plural = _("hạng mục lộ trình")
        ordering = ["roadmap", "tier", "number"]
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "tier", "number"], name="roadmap_item_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.get_tier_display()} {self.number}. {self.service}"

    def clean(self):
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau hoặc bằng năm bắt đầu.")})

    @property
    def min_level(self) -> int:
        """The lowest level that fulfils the item: "3,4" → 3, "4" → 4."""
        return min(int(part) for part in self.target_levels.split(","))

    @property
    def end_date(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)


class ItemProcedureLink(models.Model):
    """A catalog procedure that realises a roadmap item. Exists only once a person has confirmed it."""

    item = models.ForeignKey(
        RoadmapItem, verbose_name=_("hạng mục"), on_delete=models.CASCADE, related_name="links"
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="roadmap_links",
    )
    origin = models.CharField(
        _("nguồn gợi ý"), max_length=10, choices=LinkOrigin.choices, default=LinkOrigin.MANUAL
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thủ tục thuộc hạng mục")
        verbose_name_plural = _("thủ tục thuộc hạng mục")
        ordering = ["item", "procedure__code"]
        constraints = [
            models.UniqueConstraint(fields=["item", "procedure"], name="roadmap_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.item} ↔ {self.procedure.code}"
