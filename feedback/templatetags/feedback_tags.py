from django import template
from django.template.loader import render_to_string

from ..satisfaction import rating_state
from ..services import published_questions

register = template.Library()

PROCEDURE_QA_LIMIT = 5


@register.simple_tag(takes_context=True)
def procedure_feedback(context, procedure):
    """The feedback block under a procedure: its published Q&A and the link to ask about it."""
    request = context.get("request")
    items = list(published_questions(procedure=procedure)[: PROCEDURE_QA_LIMIT + 1])
    return render_to_string(
        "feedback/_procedure_feedback_block.html",
        {
            "procedure": procedure,
            "items": items[:PROCEDURE_QA_LIMIT],
            "has_more": len(items) > PROCEDURE_QA_LIMIT,
        },
        request=request,
    )


@register.inclusion_tag("feedback/_dossier_rating.html")
def dossier_rating(dossier):
    """On the citizen's dossier pages (receipt, lookup result): the link to rate the service, the
    rating already given, or when rating becomes possible. Logic: feedback.satisfaction.rating_state."""
    state, rating = rating_state(dossier)
    return {"dossier": dossier, "state": state, "rating": rating}
