"""Wagtail admin screens: feedback moderation, survey results and their exports."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from agencies.models import Agency

from .. import services
from ..charts import Bar, bar_chart
from ..constants import FeedbackKind, FeedbackStatus, ModerationAction, QuestionKind
from ..forms import AssignForm, NoteForm, PublishForm, ReplyForm
from ..models import Survey
from ..surveys import (
    NO_AGENCY,
    agency_breakdown,
    export_csv,
    export_xlsx,
    response_years,
    survey_results,
)


def may_moderate(user) -> bool:
    return services.is_central_moderator(user) or bool(services.moderator_agency_ids(user))


class ModerationMixin(WagtailAdminTemplateMixin):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def index_url(self):
        return reverse("feedback_moderation:index")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": self.index_url(), "label": _("Góp ý, hỏi đáp")}]


class ModerationIndexView(ModerationMixin, TemplateView):
    template_name = "feedback/admin/index.html"
    page_title = gettext_lazy("Góp ý, hỏi đáp")

    def get_context_data(self, **kwargs):
        user = self.request.user
        items = services.moderation_queryset(user)
        params = self.request.GET
        status = params.get("status", "")
        if status in FeedbackStatus.values:
            items = items.filter(status=status)
        kind = params.get("kind", "")
        if kind in FeedbackKind.values:
            items = items.filter(kind=kind)
        central = services.is_central_moderator(user)
        agency = params.get("agency", "")
        if central and agency == NO_AGENCY:
            items = items.filter(agency__isnull=True)
        elif central and agency.isdigit():
            items = items.filter(agency_id=int(agency))
        query = params.get("q", "").strip()[:100]
        if query:
            code = services.normalize_code(query)
            items = items.filter(Q(tracking_code__icontains=code) | Q(message__icontains=query))
        # `p` was the paging parameter's name before `page` everywhere: old links still work.
        number = params.get("page", params.get("p"))
        page = Paginator(items.order_by("-created_at", "-pk"), 30).get_page(number)
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "page_obj": page,
                "items": page.object_list,
                "statuses": FeedbackStatus.choices,
                "kinds": FeedbackKind.choices,
                "agencies": Agency.objects.filter(feedback_items__isnull=False).distinct() if central else [],
                "central": central,
                "filters": {"status": status, "kind": kind, "agency": agency, "q": query},
                "no_agency": NO_AGENCY,
            }
        )
        return context


class ModerationDetailView(ModerationMixin, TemplateView):
    template_name = "feedback/admin/detail.html"

    FORMS = {
        ModerationAction.ASSIGN: AssignForm,
        ModerationAction.REPLY: ReplyForm,
        ModerationAction.PUBLISH: PublishForm,
    }

    @cached_property
    def feedback(self):
        return get_object_or_404(services.moderation_queryset(self.request.user), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Góp ý %(code)s") % {"code": self.feedback.tracking_code}

    def _initial(self, action):
        feedback = self.feedback
        if action == ModerationAction.ASSIGN:
            return {"agency": feedback.agency_id}
        if action == ModerationAction.REPLY:
            return {"reply": feedback.reply}
        if action == ModerationAction.PUBLISH:
            return {"public_question": feedback.public_question or feedback.message}
        return {}

    def action_forms(self, bound_action=None, bound_form=None):
        forms = []
        for action in services.allowed_actions(user=self.request.user, feedback=self.feedback):
            if action == bound_action and bound_form is not None:
                form = bound_form
            else:
                form = self.FORMS.get(action, NoteForm)(initial=self._initial(action), prefix=action)
            forms.append({"action": action, "label": ModerationAction(action).label, "form": form})
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "feedback": self.feedback,
                "events": self.feedback.events.select_related("actor", "agency"),
                "action_forms": kwargs.get("action_forms") or self.action_forms(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in ModerationAction.values:
            raise Http404
        form = self.FORMS.get(action, NoteForm)(request.POST, prefix=action)
        feedback = self.feedback
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == ModerationAction.ASSIGN:
                    services.assign_feedback(
                        feedback=feedback, agency=data["agency"], actor=request.user, note=data["note"]
                    )
                elif action == ModerationAction.REPLY:
                    services.reply_to_feedback(
                        feedback=feedback, reply=data["reply"], actor=request.user, note=data["note"]
                    )
                elif action == ModerationAction.PUBLISH:
                    services.publish_feedback(
                        feedback=feedback, actor=request.user, public_question=data["public_question"]
                    )
                elif action == ModerationAction.UNPUBLISH:
                    services.unpublish_feedback(feedback=feedback, actor=request.user, note=data["note"])
                elif action in (ModerationAction.REJECT_SPAM, ModerationAction.REJECT_ABUSIVE):
                    services.reject_feedback(
                        feedback=feedback, actor=request.user, status=action, note=data["note"]
                    )
                else:
                    services.reopen_feedback(feedback=feedback, actor=request.user, note=data["note"])
            except services.ModerationError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("%(action)s: xong (%(code)s).")
                    % {"action": ModerationAction(action).label, "code": feedback.tracking_code},
                )
                return redirect("feedback_moderation:detail", pk=feedback.pk)
        context = self.get_context_data(action_forms=self.action_forms(action, form))
        return self.render_to_response(context, status=400)


# --- surveys ----------------------------------------------------------------------------------------


class SurveyResultsMixin:
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.has_perm("feedback.view_survey") or user.has_perm("feedback.change_survey")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def survey(self):
        return get_object_or_404(Survey, pk=self.kwargs["pk"])

    @cached_property
    def filters(self):
        params = self.request.GET
        agency = None
        agency_param = params.get("agency", "")
        if agency_param == NO_AGENCY:
            agency = NO_AGENCY
        elif agency_param.isdigit():
            agency = Agency.objects.filter(pk=int(agency_param)).first()
        year_param = params.get("year", "")
        year = int(year_param) if year_param.isdigit() else None
        return {"agency": agency, "year": year, "agency_param": agency_param, "year_param": year_param}

    def results(self):
        return survey_results(self.survey, agency=self.filters["agency"], year=self.filters["year"])


def question_chart(result) -> str:
    kind_label = QuestionKind(result.kind).label
    numbers = "; ".join(f"{o.label}: {o.count} ({number_format(o.percent, 1)} %)" for o in result.options)
    description = _("%(kind)s, %(n)d người trả lời. %(numbers)s") % {
        "kind": kind_label,
        "n": result.answered,
        "numbers": numbers,
    }
    bars = [
        Bar(label=o.label, value=o.count, text=f"{o.count} ({number_format(o.percent, 1)} %)")
        for o in result.options
    ]
    return bar_chart(title=f"{result.number}. {result.question.text}", description=description, bars=bars)


class SurveyResultsView(SurveyResultsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "feedback/admin/survey_results.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return _("Kết quả: %(title)s") % {"title": self.survey.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("feedback_surveys:index"), "label": _("Khảo sát")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = self.results()
        for question in results.questions:
            question.chart = question_chart(question) if question.options else ""
        rating_questions, agency_rows = agency_breakdown(self.survey, year=self.filters["year"])
        query = self.request.GET.urlencode()
        context.update(
            {
                "survey": self.survey,
                "results": results,
                "years": response_years(self.survey),
                "agencies": Agency.objects.filter(survey_responses__survey=self.survey).distinct(),
                "filters": self.filters,
                "no_agency": NO_AGENCY,
                "rating_questions": rating_questions,
                "agency_rows": agency_rows,
                "csv_url": reverse("feedback_surveys:results_csv", args=[self.survey.pk])
                + (f"?{query}" if query else ""),
                "xlsx_url": reverse("feedback_surveys:results_xlsx", args=[self.survey.pk])
                + (f"?{query}" if query else ""),
            }
        )
        return context


class SurveyExportView(SurveyResultsMixin, TemplateView):
    fmt = "csv"

    def get(self, request, *args, **kwargs):
        results = self.results()
        name = f"khao-sat-{self.survey.slug}"
        if self.filters["year"]:
            name += f"-{self.filters['year']}"
        if self.fmt == "xlsx":
            response = HttpResponse(
                export_xlsx(results),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            response = HttpResponse("\ufeff" + export_csv(results), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.{self.fmt}"'
        return response
