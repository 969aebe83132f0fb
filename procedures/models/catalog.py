"""The catalog index page: one listing view, reachable with GET filters or readable preset routes."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..constants import ImplementationLevel, OnlineLevel

# Readable route slugs -> filter values. Model values are accepted in routes as well.
LEVEL_SLUGS = {
    "bo": ImplementationLevel.MINISTRY.value,
    "tinh": ImplementationLevel.PROVINCE.value,
    "huyen": ImplementationLevel.DISTRICT.value,
    "xa": ImplementationLevel.COMMUNE.value,
    "khac": ImplementationLevel.OTHER.value,
}
ONLINE_SLUGS = {
    "truc-tuyen": "online",
    "toan-trinh": OnlineLevel.FULL.value,
    "mot-phan": OnlineLevel.PARTIAL.value,
    "chua-truc-tuyen": OnlineLevel.NONE.value,
}
ONLINE_HEADINGS = {
    "online": gettext_lazy("Dịch vụ công trực tuyến"),
    OnlineLevel.FULL.value: gettext_lazy("Dịch vụ công trực tuyến toàn trình"),
    OnlineLevel.PARTIAL.value: gettext_lazy("Dịch vụ công trực tuyến một phần"),
    OnlineLevel.NONE.value: gettext_lazy("Thủ tục chưa cung cấp trực tuyến"),
}


def _slug_for(mapping: dict[str, str], value: str) -> str:
    return next((slug for slug, mapped in mapping.items() if mapped == value), value)


class ProcedureIndexPage(RoutablePageMixin, Page):
    """The catalog: lists procedures, filterable by field, agency, level and online service level.

    `/` takes GET filters (?field=&agency=&level=&online=&status=&page=); the routes below are the
    same listing with one filter preset, for readable, shareable URLs:
    `linh-vuc/<slug>/`, `co-quan/<slug>/`, `cap/<level>/`, `muc-do/<online level>/`;
    `linh-vuc/` and `co-quan/` list every field / agency with its number of procedures.
    """

    intro = RichTextField(gettext_lazy("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["procedures.ProcedurePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = gettext_lazy("danh mục thủ tục hành chính")

    # --- URLs of the preset routes (used by templates and other pages) -------------------------
    def route_url(self, name: str, value: str, request=None) -> str:
        """URL of the listing preset to one value: route_url("level", "province") -> …/cap/tinh/."""
        if name == "level":
            value = _slug_for(LEVEL_SLUGS, value)
        elif name == "online":
            value = _slug_for(ONLINE_SLUGS, value)
        return (self.get_url(request=request) or "/") + self.reverse_subpage(name, args=(value,))

    def browse_url(self, name: str, request=None) -> str:
        """URL of the page listing every field ("fields") or agency ("agencies") with counts."""
        return (self.get_url(request=request) or "/") + self.reverse_subpage(name)

    # --- Views ---------------------------------------------------------------------------------
    def _listing(self, request, *, preset: dict[str, str], heading: str = "", lead: str = ""):
        from ..listing import CatalogFilters, list_procedures

        base_url = self.get_url(request=request) or ""
        filters = CatalogFilters.from_params(request.GET, **preset)
        listing = list_procedures(
            filters=filters,
            root=self,
            page_number=request.GET.get("page") or 1,
            per_page=self.per_page,
            base_url=base_url,
        )
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "catalog_url": base_url,
                "heading": heading or self.title,
                "lead": lead,
                "preset": preset,
                "is_route": bool(preset),
            },
        )

    @path("", name="index")
    def index_view(self, request):
        return self._listing(request, preset={})

    @path("linh-vuc/<slug:slug>/", name="field")
    def field_view(self, request, slug):
        from ..models import Field

        field = get_object_or_404(Field, slug=slug)
        return self._listing(
            request,
            preset={"field": field.slug},
            heading=_("Thủ tục lĩnh vực %(name)s") % {"name": field.name},
            lead=field.description,
        )

    @path("co-quan/<slug:slug>/", name="agency")
    def agency_view(self, request, slug):
        from agencies.models import Agency

        agency = get_object_or_404(Agency, slug=slug)
        return self._listing(
            request,
            preset={"agency": agency.slug},
            heading=_("Thủ tục do %(name)s thực hiện") % {"name": agency.name},
        )

    @path("cap/<str:level>/", name="level")
    def level_view(self, request, level):
        value = LEVEL_SLUGS.get(level, level)
        if value not in ImplementationLevel.values:
            raise Http404
        label = ImplementationLevel(value).label
        return self._listing(
            request,
            preset={"level": value},
            heading=_("Thủ tục hành chính %(level)s") % {"level": str(label).lower()},
        )

    @path("muc-do/<str:level>/", name="online")
    def online_view(self, request, level):
        value = ONLINE_SLUGS.get(level, level)
        if value not in ONLINE_HEADINGS:
            raise Http404
        return self._listing(request, preset={"online": value}, heading=str(ONLINE_HEADINGS[value]))

    @path("linh-vuc/", name="fields")
    def fields_view(self, request):
        return self._browse(request, "field", _("Thủ tục theo lĩnh vực"))

    @path("co-quan/", name="agencies")
    def agencies_view(self, request):
        return self._browse(request, "agency", _("Thủ tục theo cơ quan thực hiện"))

    def _browse(self, request, name: str, heading: str):
        from ..listing import catalog_facets

        facet = catalog_facets(root=self, names=(name,))[name]
        for option in facet.options:
            option.url = self.route_url(name, option.value, request=request)
        return self.render(
            request,
            template="procedures/procedure_index_browse.html",
            context_overrides={"facet": facet, "heading": heading, "catalog_url": self.get_url(request)},
        )
