from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The portal's home page: search, most-used procedures, browse by field, agency and life event."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_procedures", heading=_("Thủ tục được dùng nhiều"), label=_("thủ tục")),
        InlinePanel("life_events", heading=_("Sự kiện cuộc sống"), label=_("sự kiện")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")


class FeaturedProcedure(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_procedures")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("procedure")]


class LifeEvent(Orderable):
    """A life event (sự kiện cuộc sống: có con, kết hôn, xây nhà...) that groups procedures via a search."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="life_events")
    title = models.CharField(_("tên sự kiện"), max_length=255)
    description = models.CharField(_("mô tả ngắn"), max_length=500, blank=True)
    query = models.CharField(
        _("từ khóa tìm kiếm"),
        max_length=255,
        help_text=_("Liên kết tới trang tìm kiếm với từ khóa này."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("query")]
