"""Public survey pages: the list of open surveys, a survey's form and its thank-you page."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..abuse import client_ip, honeypot_filled
from ..forms import SurveyForm
from ..models import Survey
from ..surveys import SurveyClosed, record_response
from .public import abuse_error


def survey_list(request):
    surveys = Survey.objects.open_on()
    return TemplateResponse(request, "feedback/survey_list.html", {"surveys": surveys})


@require_http_methods(["GET", "POST"])
def survey_detail(request, slug: str):
    survey = get_object_or_404(Survey, slug=slug)
    if not survey.is_open:
        return TemplateResponse(request, "feedback/survey_closed.html", {"survey": survey}, status=410)
    status = 200
    if request.method == "POST":
        if honeypot_filled(request.POST):
            return redirect("feedback:survey_thanks", slug=survey.slug)
        form = SurveyForm(request.POST, survey=survey)
        if form.is_valid():
            error = abuse_error(request, form, [("survey_ip", f"{survey.pk}:{client_ip(request)}")])
            if error is None:
                try:
                    record_response(
                        survey=survey, answers=form.answers(), agency=form.cleaned_data.get("agency")
                    )
                except SurveyClosed:
                    return TemplateResponse(
                        request, "feedback/survey_closed.html", {"survey": survey}, status=410
                    )
                return redirect("feedback:survey_thanks", slug=survey.slug)
            message, status = error
            form.add_error(None, message)
        else:
            status = 400
            form.add_error(None, _("Vui lòng kiểm tra các câu được đánh dấu bên dưới."))
        form.refresh_challenge()
    else:
        form = SurveyForm(survey=survey)
    return TemplateResponse(
        request, "feedback/survey_form.html", {"survey": survey, "form": form}, status=status
    )


def survey_thanks(request, slug: str):
    survey = get_object_or_404(Survey, slug=slug)
    return TemplateResponse(request, "feedback/survey_thanks.html", {"survey": survey})
