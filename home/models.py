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

    #: How many procedures, fields and agencies the home page shows before "see all".
    featured_limit = 8
    browse_limit = 12

    def get_context(self, request, *args, **kwargs):
        """Everything a citizen reaches in a few clicks (Decree 42/2022): search, most-used
        procedures, browse by field / agency / level / life event, and the online services."""
        from procedures.constants import OnlineLevel, ProcedureStatus
        from procedures.listing import ONLINE_ANY, catalog_facets
        from procedures.models import ProcedureIndexPage, ProcedurePage

        context = super().get_context(request, *args, **kwargs)
        catalog = ProcedureIndexPage.objects.live().descendant_of(self).first()
        context["catalog"] = catalog
        context["life_events"] = list(self.life_events.all())

        featured = [
            row.procedure
            for row in self.featured_procedures.filter(procedure__live=True)
            .exclude(procedure__status=ProcedureStatus.ABOLISHED)
            .select_related("procedure", "procedure__field")
        ]
        if not featured:
            featured = list(
                ProcedurePage.objects.live()
                .exclude(status=ProcedureStatus.ABOLISHED)
                .select_related("field")
                .order_by("-first_published_at", "-pk")[: self.featured_limit]
            )
        context["featured"] = featured[: self.featured_limit]
        if catalog is None:
            return context

        facets = catalog_facets(root=catalog, names=("field", "agency", "level", "online"))
        for name, facet in facets.items():
            for option in facet.options:
                option.url = catalog.route_url(name, option.value, request=request)

        def by_count(option):
            return (-option.count, option.label)

        context["fields"] = sorted(facets["field"].options, key=by_count)[: self.browse_limit]
        context["field_total"] = len(facets["field"].options)
        context["agencies"] = sorted(facets["agency"].options, key=by_count)[: self.browse_limit]
        context["agency_total"] = len(facets["agency"].options)
        context["levels"] = [option for option in facets["level"].options if option.count]
        context["online"] = next(o for o in facets["online"].options if o.value == ONLINE_ANY)
        context["online_full"] = next(o for o in facets["online"].options if o.value == OnlineLevel.FULL)
        context["procedure_total"] = sum(o.count for o in facets["online"].options if o.value != ONLINE_ANY)
        context["fields_url"] = catalog.browse_url("fields", request=request)
        context["agencies_url"] = catalog.browse_url("agencies", request=request)
        return context


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
