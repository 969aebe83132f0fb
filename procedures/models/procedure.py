"""The procedure page: every field of the national record of an administrative procedure."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.urls import page_absolute_url

from ..completeness import missing_fields
from ..constants import ChannelKind, ComponentMode, LegacyLevel, OnlineLevel, ProcedureStatus, TimeUnit


class ProcedurePage(Page):
    code = models.CharField(
        _("mã thủ tục"),
        max_length=64,
        unique=True,
        help_text=_("Mã quốc gia (1.000178) hoặc mã có hậu tố của tỉnh (1.005461.000.00.00.H36)."),
    )
    base_code = models.CharField(_("mã quốc gia"), max_length=32, db_index=True, editable=False)
    official_name = models.TextField(_("tên đầy đủ của thủ tục"))
    field = models.ForeignKey(
        "procedures.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procedures",
    )
    levels = ParentalManyToManyField(
        "procedures.ImplementationLevelRecord",
        verbose_name=_("cấp thực hiện"),
        blank=True,
        related_name="procedures",
    )
    procedure_type = models.CharField(_("loại thủ tục"), max_length=255, blank=True)
    publishing_decision = models.CharField(_("quyết định công bố"), max_length=500, blank=True)
    issuing_agency_text = models.CharField(_("cơ quan ban hành"), max_length=500, blank=True)
    competent_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan có thẩm quyền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competent_for",
    )
    competent_agency_text = models.TextField(_("cơ quan có thẩm quyền (văn bản)"), blank=True)
    implementing_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implements",
        help_text=_("Cơ quan chịu trách nhiệm nội dung trang này; biên tập viên của cơ quan được sửa."),
    )
    implementing_agency_text = models.TextField(_("cơ quan thực hiện (văn bản)"), blank=True)
    delegated_agency_text = models.TextField(_("cơ quan được ủy quyền"), blank=True)
    coordinating_agency_text = models.TextField(_("cơ quan phối hợp"), blank=True)
    submission_place = models.TextField(_("địa chỉ tiếp nhận hồ sơ"), blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    results_text = models.TextField(_("kết quả thực hiện (văn bản)"), blank=True)
    legal_basis_text = models.TextField(_("căn cứ pháp lý (văn bản)"), blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    keywords = models.TextField(_("từ khóa"), blank=True, help_text=_("Cách nhau bởi dấu phẩy."))
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
        db_index=True,
    )
    legacy_level = models.CharField(
        _("mức độ (theo Nghị định 43/2011)"),
        max_length=10,
        choices=LegacyLevel.choices,
        default=LegacyLevel.NONE,
        blank=True,
    )
    record_online_level = models.CharField(
        _("mức độ theo hồ sơ quốc gia"),
        max_length=10,
        choices=OnlineLevel.choices,
        blank=True,
        editable=False,
        help_text=_(
            "Mức độ mà bản ghi nhập vào ghi; mức độ công bố trên cổng chỉ là trực tuyến khi nhận được hồ sơ."
        ),
    )
    record_legacy_level = models.CharField(
        _("mức độ (NĐ 43/2011) theo hồ sơ quốc gia"),
        max_length=10,
        choices=LegacyLevel.choices,
        blank=True,
        editable=False,
    )
    fee_at_submission = models.BooleanField(
        _("thu phí, lệ phí khi nộp hồ sơ"),
        default=False,
        help_text=_(
            "Người nộp trực tuyến thanh toán phí, lệ phí của kênh trực tuyến ngay sau khi gửi hồ sơ. "
            "Bỏ chọn khi cơ quan chỉ yêu cầu nộp tiền sau khi xem xét hồ sơ."
        ),
    )
    status = models.CharField(
        _("tình trạng"),
        max_length=12,
        choices=ProcedureStatus.choices,
        default=ProcedureStatus.ACTIVE,
        db_index=True,
    )
    effective_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("thủ tục thay thế"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    source_url = models.URLField(_("nguồn"), max_length=1000, blank=True)
    source_label = models.CharField(_("nguồn dữ liệu"), max_length=255, blank=True)
    missing_info = models.JSONField(
        _("thông tin còn thiếu"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Các trường Nghị định 63/2010 Điều 8 yêu cầu mà trang chưa có."),
    )
    import_notes = models.JSONField(_("ghi chú nhập liệu"), default=list, blank=True, editable=False)

    search_fields = Page.search_fields + [
        index.SearchField("official_name", boost=3),
        index.SearchField("code"),
        index.SearchField("keywords", boost=2),
        index.SearchField("applicants"),
        index.SearchField("steps"),
        index.FilterField("code"),
        index.FilterField("base_code"),
        index.FilterField("status"),
        index.FilterField("online_level"),
        index.FilterField("field_id"),
        index.FilterField("implementing_agency_id"),
        index.RelatedFields("field", [index.SearchField("name")]),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("field")]),
                FieldPanel("official_name"),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("procedure_type"), FieldPanel("publishing_decision")]),
                FieldRowPanel([FieldPanel("online_level"), FieldPanel("legacy_level")]),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("implementing_agency"),
                FieldPanel("implementing_agency_text"),
                FieldPanel("competent_agency"),
                FieldPanel("competent_agency_text"),
                FieldPanel("issuing_agency_text"),
                FieldPanel("delegated_agency_text"),
                FieldPanel("coordinating_agency_text"),
                FieldPanel("submission_place"),
            ],
            heading=_("Cơ quan"),
        ),
        FieldPanel("applicants"),
        FieldPanel("steps"),
        InlinePanel("channels", heading=_("Cách thức thực hiện"), label=_("kênh nộp")),
        FieldPanel("fee_at_submission"),
        InlinePanel("components", heading=_("Thành phần hồ sơ"), label=_("giấy tờ")),
        InlinePanel("documents", heading=_("Mẫu đơn, tờ khai"), label=_("mẫu")),
        FieldPanel("requirements"),
        InlinePanel("results", heading=_("Kết quả thực hiện"), label=_("kết quả")),
        FieldPanel("results_text"),
        InlinePanel("legal_bases", heading=_("Căn cứ pháp lý"), label=_("văn bản")),
        FieldPanel("legal_basis_text"),
        FieldPanel("description"),
        FieldPanel("keywords"),
    ]
    status_panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("effective_from"), FieldPanel("effective_to")]),
                FieldPanel("successor"),
                FieldPanel("source_url"),
                FieldPanel("source_label"),
            ],
            heading=_("Tình trạng hiệu lực"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList(status_panels, heading=_("Hiệu lực")),
            ObjectList(Page.promote_panels, heading=_("Quảng bá")),
            ObjectList(Page.settings_panels, heading=_("Cài đặt")),
        ]
    )

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def display_name(self) -> str:
        return self.official_name or self.title

    @property
    def public_url(self) -> str | None:
        """The page's address under SITE_BASE_URL, for exports and open data (core.urls)."""
        return page_absolute_url(self)

    @property
    def is_active(self) -> bool:
        return self.status != ProcedureStatus.ABOLISHED

    @property
    def is_online(self) -> bool:
        """Advertised as an online service; such a procedure always takes a dossier (procedures/online.py)."""
        from ..online import marks_online

        return marks_online(self.online_level, self.legacy_level)

    @property
    def takes_dossiers_online(self) -> bool:
        """Whether a citizen can file a dossier for it now (the "Nộp hồ sơ trực tuyến" button)."""
        from ..online import acceptance_problems

        return self.live and self.is_online and not acceptance_problems(self)

    def permissions_for_user(self, user):
        """Agency editors may edit only their agency's procedures (logic in procedures/permissions.py)."""
        from ..permissions import ProcedurePermissionTester

        return ProcedurePermissionTester(user, self)

    def save(self, *args, **kwargs):
        from ..codes import base_code

        self.code = self.code.strip()
        self.base_code = base_code(self.code)
        if not self.official_name:
            self.official_name = self.title
        self.missing_info = missing_fields(self)
        return super().save(*args, **kwargs)


class ProcedureChannel(Orderable):
    """A submission channel: channel × time limit × fee × description (the national table)."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(
        _("hình thức nộp"), max_length=10, choices=ChannelKind.choices, default=ChannelKind.DIRECT
    )
    label = models.CharField(_("tên hình thức (văn bản gốc)"), max_length=255, blank=True)
    time_limit_text = models.TextField(_("thời hạn giải quyết"), blank=True)
    time_limit_value = models.DecimalField(
        _("thời hạn (số)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    time_limit_unit = models.CharField(
        _("đơn vị thời hạn"),
        max_length=16,
        choices=TimeUnit.choices,
        blank=True,
    )
    fee_text = models.TextField(_("phí, lệ phí"), blank=True)
    fee_amount = models.BigIntegerField(_("phí, lệ phí (đồng)"), null=True, blank=True)
    unsplit_text = models.TextField(
        _("thời hạn và phí chưa tách được"),
        blank=True,
        help_text=_("Văn bản gốc có thời hạn và phí dính liền; hãy tách vào hai ô trên."),
    )
    description = models.TextField(_("mô tả"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("label")]),
        FieldPanel("time_limit_text"),
        FieldRowPanel([FieldPanel("time_limit_value"), FieldPanel("time_limit_unit")]),
        FieldPanel("fee_text"),
        FieldPanel("fee_amount"),
        FieldPanel("unsplit_text"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cách thức thực hiện")


class DossierComponent(Orderable):
    """A document of the dossier: group, name, number of originals and copies, form template."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="components")
    group = models.TextField(_("nhóm"), blank=True)
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("số bản chính"), null=True, blank=True)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), null=True, blank=True)
    quantity_text = models.CharField(_("số lượng (văn bản gốc)"), max_length=255, blank=True)
    form_name = models.CharField(_("tên mẫu đơn"), max_length=500, blank=True)
    form_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp mẫu đơn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_mode = models.CharField(
        _("khi nộp trực tuyến"),
        max_length=12,
        choices=ComponentMode.choices,
        blank=True,
        help_text=_(
            "Để trống: tự xác định từ tên giấy tờ (“nếu có”, “trường hợp…” → không bắt buộc; "
            "“xuất trình” → chỉ xuất trình khi đến cơ quan; “không phải nộp” → không yêu cầu)."
        ),
    )

    panels = [
        FieldPanel("group"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies"), FieldPanel("quantity_text")]),
        FieldRowPanel([FieldPanel("form_name"), FieldPanel("form_document")]),
        FieldPanel("online_mode"),
    ]

    @property
    def effective_online_mode(self) -> str:
        """The editor's choice, else what the record's text says (procedures.online.classify_component)."""
        from ..online import classify_component

        return self.online_mode or classify_component(
            self.name, self.quantity_text, self.originals, self.copies
        )

    class Meta(Orderable.Meta):
        verbose_name = _("thành phần hồ sơ")


class ProcedureResult(Orderable):
    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="results")
    name = models.TextField(_("tên kết quả"))
    code = models.CharField(_("mã kết quả"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("kết quả thực hiện")


class LegalBasis(Orderable):
    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="legal_bases")
    number = models.CharField(_("số ký hiệu"), max_length=255, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    issued_on = models.CharField(_("ngày ban hành"), max_length=60, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("summary"),
        FieldPanel("issuer"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")


class ProcedureDocument(Orderable):
    """A downloadable form (mẫu đơn, tờ khai) stored as a Wagtail document."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tên mẫu"), max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("mẫu đơn, tờ khai")
