"""The staff area, inside the Wagtail admin (/admin/mot-cua/): an officer's queue, a dossier's
detail with its history, notes and the forms of the actions allowed now, slips as PDF.

Views stay thin: the queue is backoffice.services, every status change is
dossiers.lifecycle.perform(), every file goes through dossiers.views.public.serve_file (logged).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers.access import officer_roles
from dossiers.clock import accept_deadline, due_state, working_hours_between
from dossiers.constants import Action, DossierStatus, FilePurpose
from dossiers.forms.actions import action_form, perform_kwargs
from dossiers.lifecycle import TransitionRefused, allowed_actions, perform
from dossiers.models import DossierNote, FileAccess, OfficerAssignment
from dossiers.slips import SLIP_ACTIONS, slip_download
from forms.models import OnlineForm
from signing.services import mark_signed
from workdays.services import Calendar

from ..services import (
    SORTS,
    TABS,
    add_note,
    dossier_for_officer,
    officer_queue,
    parse_queue_query,
    tab_counts,
)

PAGE_SIZE = 25


def is_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or OfficerAssignment.objects.for_user(user).exists())


class OfficerMixin(WagtailAdminTemplateMixin):
    header_icon = "folder-open-inverse"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("backoffice:queue"), "label": _("Hồ sơ một cửa")}]
        if self.get_page_title() != items[-1]["label"]:
            items.append({"url": "", "label": self.get_page_title()})
        return items

    def dispatch(self, request, *args, **kwargs):
        if not is_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QueueView(OfficerMixin, TemplateView):
    template_name = "backoffice/queue.html"
    page_title = gettext_lazy("Hồ sơ một cửa")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        query = parse_queue_query(self.request.GET)
        paginator = Paginator(officer_queue(user=user, query=query, today=today), PAGE_SIZE)
        # `p` was the paging parameter's name before `page` everywhere: old links still work.
        page = paginator.get_page(self.request.GET.get("page", self.request.GET.get("p")))
        now = timezone.now()
        # One holiday calendar for the whole page (it loads further ranges once, as rows need them).
        calendar = Calendar(today - timedelta(days=31), today + timedelta(days=120))
        rows = []
        for dossier in page:
            due = due_state(dossier, today=today, calendar=calendar)
            accept_by = accept_deadline(dossier, calendar=calendar)
            rows.append(
                {
                    "dossier": dossier,
                    "due": due,
                    "late_days": -due.working_days_left if due.overdue else 0,
                    "accept_by": accept_by,
                    "accept_late": accept_by is not None and accept_by < now,
                    "accept_hours": _hours(accept_by, now, calendar),
                }
            )
        counts = tab_counts(user=user, today=today)
        # Procedures that take online dossiers (a small table), not a DISTINCT over the dossiers.
        procedures = OnlineForm.objects.order_by("procedure__code").values_list(
            "procedure__code", "procedure__title"
        )
        context.update(
            query=query,
            page_obj=page,
            rows=rows,
            tabs=[
                (key, label, counts.get(key), urlencode(query.params(tab=key)), key == query.tab)
                for key, label in TABS.items()
            ],
            sorts=SORTS.items(),
            statuses=DossierStatus.choices,
            procedures=procedures,
            base_params=urlencode(query.params()),
            today=today,
            roles=OfficerAssignment.objects.for_user(user).select_related("agency"),
        )
        return context


def _hours(deadline, now, calendar=None):
    """Working hours left before the acceptance deadline (negative: late), one decimal."""
    return None if deadline is None else round(working_hours_between(now, deadline, calendar), 1)


def countdown_text(hours: float) -> str:
    """“còn 3,5 giờ làm việc” / “trễ 1 giờ làm việc”: the acceptance countdown, as the page and
    its live refresh (CountdownView) show it."""
    shown = floatformat(abs(hours), "-1")
    if hours < 0:
        return _("trễ %(h)s giờ làm việc") % {"h": shown}
    return _("còn %(h)s giờ làm việc") % {"h": shown}


def _history(dossier):
    return list(dossier.history.select_related("by").order_by("at", "pk"))


class DossierView(OfficerMixin, TemplateView):
    template_name = "backoffice/detail.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_officer(request.user):
            raise PermissionDenied
        self.dossier = dossier_for_officer(user=request.user, code=kwargs["code"])
        if self.dossier is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Hồ sơ %(code)s") % {"code": self.dossier.code}

    def get_context_data(self, forms=None, note_error=None, **kwargs):
        context = super().get_context_data(**kwargs)
        dossier = self.dossier
        user = self.request.user
        actions = allowed_actions(dossier, user)
        forms = forms or {}
        history = _history(dossier)
        files = list(dossier.files.select_related("status_change").order_by("uploaded_at"))
        accept_by = accept_deadline(dossier)
        accept_hours = _hours(accept_by, timezone.now())
        roles = sorted(officer_roles(user, dossier))
        context.update(
            dossier=dossier,
            due=due_state(dossier),
            accept_by=accept_by,
            accept_hours=accept_hours,
            accept_text=countdown_text(accept_hours) if accept_hours is not None else "",
            roles=roles,
            # After a transfer the agency the dossier left may read it, nothing more.
            read_only=not roles,
            answers=dossier.answers.all(),
            submitted_files=[f for f in files if f.purpose == FilePurpose.SUBMITTED],
            supplement_files=[f for f in files if f.purpose == FilePurpose.SUPPLEMENT],
            result_files=mark_signed(dossier.code, [f for f in files if f.purpose == FilePurpose.RESULT]),
            history=history,
            slips=[c for c in history if c.action in SLIP_ACTIONS],
            notes=DossierNote.objects.filter(dossier=dossier).order_by("at", "pk"),
            note_error=note_error,
            accesses=FileAccess.objects.filter(dossier=dossier).select_related("user", "file")[:50],
            action_forms=[
                (action, forms.get(action) or action_form(action, dossier), action in (Action.FINISH,))
                for action in actions
            ],
            back_url=reverse("backoffice:queue"),
        )
        return context


class CountdownView(DossierView):
    """The acceptance countdown, recomputed on the server (working hours, holidays): the dossier
    page refreshes it every minute when JavaScript runs."""

    http_method_names = ["get"]

    def get(self, request, code):
        accept_by = accept_deadline(self.dossier)
        hours = _hours(accept_by, timezone.now())
        if hours is None:
            return JsonResponse({"hours": None, "late": False, "text": ""})
        return JsonResponse({"hours": hours, "late": hours < 0, "text": countdown_text(hours)})


class ActionView(DossierView):
    http_method_names = ["post"]

    def post(self, request, code, action):
        try:
            action = Action(action)
        except ValueError:
            raise Http404 from None
        form = action_form(action, self.dossier, data=request.POST, files=request.FILES)
        if form.is_valid():
            try:
                perform(self.dossier, action, actor=request.user, **perform_kwargs(form))
            except TransitionRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("Đã thực hiện “%(action)s”: hồ sơ %(code)s chuyển sang “%(status)s”.")
                    % {
                        "action": action.label,
                        "code": self.dossier.code,
                        "status": self.dossier.get_status_display(),
                    },
                )
                if dossier_for_officer(user=request.user, code=self.dossier.code) is None:
                    return redirect("backoffice:queue")  # transferred out of this officer's units
                return redirect("backoffice:dossier", code=self.dossier.code)
        messages.error(
            request, _("Chưa thực hiện được “%(action)s”; xem lỗi bên dưới.") % {"action": action.label}
        )
        context = self.get_context_data(forms={action: form})
        context["open_action"] = action
        return self.render_to_response(context, status=400)


class NoteView(DossierView):
    http_method_names = ["post"]

    def post(self, request, code):
        try:
            add_note(dossier=self.dossier, author=request.user, text=request.POST.get("text", ""))
        except TransitionRefused as refused:
            return self.render_to_response(self.get_context_data(note_error=refused.message), status=400)
        messages.success(request, _("Đã thêm ghi chú nội bộ."))
        return redirect(reverse("backoffice:dossier", args=[self.dossier.code]) + "#ghi-chu")


@never_cache
def slip_pdf(request, code, change_id):
    if not is_officer(request.user):
        raise PermissionDenied
    dossier = dossier_for_officer(user=request.user, code=code)
    if dossier is None:
        raise Http404
    return slip_download(dossier, change_id)
