"""Public roadmap pages (/lo-trinh/): the decisions, their targets, items and progress. The roadmap
app keeps the records (models, admin, services); these pages show figures about them (stats.services)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from roadmap.constants import Tier
from roadmap.models import Roadmap

from ..presentation import export_links, picker_context
from ..services import item_progress, parse_query
from ..services.figure_cache import cached_figures, query_params
from ..services.tables import targets_table, years_of


@require_GET
def roadmap_list(request):
    roadmaps = Roadmap.objects.select_related("monitoring_agency").order_by("-issued_on")
    return render(request, "stats/roadmap_list.html", {"roadmaps": roadmaps})


@require_GET
def roadmap_detail(request, slug):
    roadmap = get_object_or_404(Roadmap.objects.select_related("monitoring_agency"), slug=slug)
    query = parse_query(request.GET, roadmap=roadmap)
    context = {
        "roadmap": roadmap,
        "query": query,
        "picker": picker_context(query, action=reverse("roadmap:detail", args=[slug]), with_agency=False),
        **cached_figures("roadmap", query_params(query), lambda: _roadmap_figures(query)),
        "exports": export_links(query, ["muc-tieu", "hang-muc", "thu-tuc-hang-muc"]),
    }
    return render(request, "stats/roadmap_detail.html", context)


def _roadmap_figures(query) -> dict:
    """Targets, items by tier with their links and the report years (kept by the statistics data
    version, stats.services.figure_cache)."""
    progress = item_progress(query.roadmap, day=query.day, with_links=True)
    tiers = [
        (tier.value, tier.label, [p for p in progress if p.item.tier == tier.value])
        for tier in Tier
        if any(p.item.tier == tier.value for p in progress)
    ]
    return {"targets": targets_table(query), "tiers": tiers, "report_years": years_of(query)}
