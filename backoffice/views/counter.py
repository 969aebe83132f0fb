"""Counter and postal dossiers ("Tiếp nhận hồ sơ trực tiếp", /admin/mot-cua/tiep-nhan/).

A reception officer (or an admin) of a receiving unit registers a dossier handed in at the counter
or received by post: pick the unit (when they have several) and the procedure (GET, so the page
works without JavaScript), then the applicant, the channel, the paper documents received (the
procedure's dossier components) with optional scans, and whether it is accepted at once (POST).
The form only types the input; `dossiers.services.counter.register_counter_dossier` decides and writes
everything in one transaction. Then the receipt-and-appointment slip is shown, with its PDF.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from dossiers.receipts import receipt_context
from dossiers.services.counter import (
    RegistrationRefused,
    counter_procedures,
    counter_units,
    register_counter_dossier,
)

from ..forms import CounterForm
from ..services import dossier_for_officer
from .staff import OfficerMixin

__all__ = ["CounterDoneView", "CounterView"]


class CounterView(OfficerMixin, TemplateView):
    """Step 1 (GET): unit and procedure. Step 2 (GET with both): the form. POST: register."""

    template_name = "backoffice/counter.html"
    page_title = gettext_lazy("Tiếp nhận hồ sơ trực tiếp")

    def dispatch(self, request, *args, **kwargs):
        # Reception officers and admins of a receiving unit only (every unit for a superuser or a
        # province-wide admin); other officers and citizens are refused.
        self.units = list(counter_units(request.user))
        if not self.units:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _choice(self, params):
        """(unit, procedure, errors) from the query string; a unit not of this officer is 404."""
        errors = []
        unit = None
        raw_unit = (params.get("don_vi") or "").strip()
        if raw_unit:
            unit = next((u for u in self.units if str(u.pk) == raw_unit), None)
            if unit is None:
                raise Http404
        elif len(self.units) == 1:
            unit = self.units[0]
        procedure = None
        code = (params.get("thu_tuc") or "").strip()[:64]
        if code and unit is not None:
            procedure = counter_procedures(unit).filter(code=code).first()
            if procedure is None:
                errors.append(_("Đơn vị %(unit)s không tiếp nhận thủ tục %(code)s; chọn thủ tục trong danh sách.")
                              % {"unit": unit.name, "code": code})  # fmt: skip
        elif code:
            errors.append(_("Chọn đơn vị tiếp nhận trước."))
        return unit, procedure, errors

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        unit, procedure, errors = self._choice(self.request.GET)
        if procedure is not None and form is None:
            form = CounterForm(procedure=procedure, initial={"token": uuid.uuid4()})
        context.update(
            units=self.units,
            unit=unit,
            procedure=procedure,
            procedures=counter_procedures(unit).only("code", "title", "official_name") if unit else [],
            choice_errors=errors,
            form=form,
            error_summary=form.error_summary() if form is not None and form.is_bound else [],
            back_url=reverse("backoffice:queue"),
        )
        return context

    def post(self, request, *args, **kwargs):
        unit, procedure, _errors = self._choice(request.GET)
        if unit is None or procedure is None:
            raise Http404
        form = CounterForm(request.POST, request.FILES, procedure=procedure)
        if form.is_valid():
            try:
                dossier, created = register_counter_dossier(
                    officer=request.user, unit=unit, procedure=procedure, **form.service_kwargs()
                )
            except RegistrationRefused as refused:
                form.add_refusal(refused)
            else:
                if created:
                    messages.success(
                        request,
                        _("Đã tiếp nhận hồ sơ %(code)s (%(status)s).")
                        % {"code": dossier.code, "status": dossier.get_status_display()},
                    )
                else:
                    messages.info(
                        request,
                        _("Hồ sơ %(code)s đã được lưu trước đó; không tạo trùng.") % {"code": dossier.code},
                    )
                return redirect("backoffice:counter_done", code=dossier.code)
        messages.error(request, _("Chưa tiếp nhận được hồ sơ; xem lỗi bên dưới."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CounterDoneView(OfficerMixin, TemplateView):
    """The receipt-and-appointment slip of the dossier just registered (PDF link to print)."""

    template_name = "backoffice/counter_done.html"
    page_title = gettext_lazy("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.dossier = dossier_for_officer(user=request.user, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if getattr(self, "dossier", None) is None:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(receipt_context(self.dossier))
        unit = self.dossier.receiving_unit_id
        context["again_url"] = reverse("backoffice:counter") + (f"?don_vi={unit}" if unit else "")
        return context
