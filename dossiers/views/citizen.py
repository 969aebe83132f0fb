"""The citizen's dossier page (/ho-so/<code>/): status, due date, the same history officers
see (without their internal notes), results, slips, and the citizen's own actions — upload the
supplements asked for, ask to withdraw the dossier. Owner only; every change goes through
dossiers.lifecycle.perform()."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from signing.services import mark_signed

from ..clock import due_state
from ..constants import CITIZEN_ACTIONS, Action, DossierStatus, FilePurpose
from ..forms.actions import action_form, perform_kwargs
from ..lifecycle import TransitionRefused, allowed_actions, perform
from ..models import Dossier
from ..slips import SLIP_ACTIONS, slip_download


def _own_dossier(request, code: str) -> Dossier:
    dossier = (
        Dossier.objects.owned_by(request.user).filter(code=code).select_related("competent_agency").first()
    )
    if dossier is None:
        raise Http404
    return dossier


def _render(request, dossier, *, forms=None, status=200):
    forms = forms or {}
    history = list(dossier.history.order_by("at", "pk"))
    files = list(dossier.files.order_by("uploaded_at"))
    supplement_request = None
    if dossier.status == DossierStatus.SUPPLEMENT_REQUESTED:
        supplement_request = next(
            (c for c in reversed(history) if c.action == Action.REQUEST_SUPPLEMENT), None
        )
    actions = [a for a in allowed_actions(dossier, request.user) if a in CITIZEN_ACTIONS]
    result_files = mark_signed(dossier.code, [f for f in files if f.purpose == FilePurpose.RESULT])
    context = {
        "dossier": dossier,
        "due": due_state(dossier),
        "history": history,
        "supplement_request": supplement_request,
        "submitted_files": [f for f in files if f.purpose == FilePurpose.SUBMITTED],
        "supplement_files": [f for f in files if f.purpose == FilePurpose.SUPPLEMENT],
        "result_files": result_files,
        "slips": [c for c in history if c.action in SLIP_ACTIONS],
        "action_forms": [(a, forms.get(a) or action_form(a, dossier)) for a in actions],
    }
    return render(request, "dossiers/dossier.html", context, status=status)


@never_cache
@login_required
def dossier_page(request, code: str):
    return _render(request, _own_dossier(request, code))


@never_cache
@login_required
@require_POST
def citizen_action(request, code: str, action: str):
    dossier = _own_dossier(request, code)
    if action not in CITIZEN_ACTIONS:
        raise Http404
    action = Action(action)
    form = action_form(action, dossier, data=request.POST, files=request.FILES)
    if form.is_valid():
        try:
            perform(dossier, action, actor=request.user, **perform_kwargs(form))
        except TransitionRefused as refused:
            if action not in allowed_actions(dossier, request.user):
                # Sent twice, or the dossier moved on meanwhile: the form is no longer shown, so
                # the reason goes on the page itself; nothing was stored.
                messages.error(request, refused.message)
                return _render(request, dossier, status=400)
            form.add_error(None, refused.message)
        else:
            done = {
                Action.SUPPLY: _("Đã gửi giấy tờ bổ sung. Cơ quan sẽ tiếp tục xử lý hồ sơ."),
                Action.REQUEST_WITHDRAWAL: _("Đã gửi yêu cầu rút hồ sơ."),
            }[action]
            messages.success(request, done)
            return redirect("dossiers:detail", code=dossier.code)
    return _render(request, dossier, forms={action: form}, status=400)


@never_cache
@login_required
def citizen_slip(request, code: str, change_id: int):
    dossier = _own_dossier(request, code)
    return slip_download(dossier, change_id)
