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
        from core.pagecache import cached_by_content
        from procedures.constants import ProcedureStatus
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

        context.update(cached_by_content("home-browse", (self.pk, catalog.pk), lambda: self._browse(catalog)))
        context["fields_url"] = catalog.browse_url("fields", request=request)
        context["agencies_url"] = catalog.browse_url("agencies", request=request)
        return context

    def _browse(self, catalog) -> dict:
        """The browse blocks' options and counts (the most used fields and agencies, levels, online),
        with links for the options shown only. Derived from published content alone: kept per content
        version (core.pagecache.cached_by_content)."""
        from procedures.constants import OnlineLevel
        from procedures.listing import ONLINE_ANY, catalog_facets

        facets = catalog_facets(root=catalog, names=("field", "agency", "level", "online"))

        def by_count(option):
            return (-option.count, option.label)

        browse = {
            "fields": sorted(facets["field"].options, key=by_count)[: self.browse_limit],
            "field_total": len(facets["field"].options),
            "agencies": sorted(facets["agency"].options, key=by_count)[: self.browse_limit],
            "agency_total": len(facets["agency"].options),
            "levels": [option for option in facets["level"].options if option.count],
            "online": next(o for o in facets["online"].options if o.value == ONLINE_ANY),
            "online_full": next(o for o in facets["online"].options if o.value == OnlineLevel.FULL),
            "procedure_total": sum(o.count for o in facets["online"].options if o.value != ONLINE_ANY),
        }
        for name, options in (
            ("field", browse["fields"]),
            ("agency", browse["agencies"]),
            ("level", browse["levels"]),
            ("online", [browse["online"], browse["online_full"]]),
        ):
            for option in options:
                option.url = catalog.route_url(name, option.value)
        return browse


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
