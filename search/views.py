"""The results page and the autocomplete endpoint. Logic lives in `search.services`."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from . import services
from .presentation import FACET_PARAMS, INCLUDE_INACTIVE_VALUE, PARAM_INCLUDE_INACTIVE, PARAM_PAGE


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 10_000))
    except (TypeError, ValueError):
        return 1


def _feedback_url() -> str:
    try:
        return reverse("feedback:form")
    except NoReverseMatch:
        return "/gop-y/"


@require_GET
def search(request):
    query = request.GET.get("q", "")
    filters = services.filters_from_params(request.GET)
    outcome = services.run_search(
        query=query, filters=filters, page=_page_number(request.GET.get(PARAM_PAGE)), params=request.GET
    )
    if query.strip():
        services.log_query(query, result_count=outcome.total)
    if outcome.redirect_url:
        return redirect(outcome.redirect_url)
    base_params = request.GET.copy()
    base_params.pop(PARAM_PAGE, None)
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "page_query": base_params.urlencode(),
        "param_page": PARAM_PAGE,
        "param_include_inactive": PARAM_INCLUDE_INACTIVE,
        "include_inactive_value": INCLUDE_INACTIVE_VALUE,
        "facet_params": FACET_PARAMS,
        "feedback_url": _feedback_url(),
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    query = request.GET.get("q", "")
    return JsonResponse({"query": query, "results": services.autocomplete(query=query)})
