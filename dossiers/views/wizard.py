"""The citizen's submission wizard (django-formtools), built from the frozen form schema.

Steps: applicant (prefilled from the account) → the editor's steps → uploads → review with the
declaration and submit. The wizard's state lives in the `Draft` row (DraftStorage), saved after
every request, so a signed-in citizen resumes where they left off (for DOSSIER_DRAFT_RETENTION_DAYS)
and nothing depends on the session.
"""

from __future__ import annotations

import json
from collections import OrderedDict

from django import forms as dj
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import WizardView

from accounts.services import applicant_initial, get_profile
from forms.addresses import format_address
from forms.constants import APPLICANT_STEP_KEY, RECEIVING_UNIT_KEY, REVIEW_STEP_KEY, UPLOADS_STEP_KEY
from forms.schema import localized_schema
from forms.services import active_form_for
from procedures.services import find_by_code

from ..constants import DraftStatus
from ..forms.steps import ReviewForm, UploadsForm, step_form_class
from ..models import Dossier, Draft
from ..services.drafts import delete_draft, open_draft
from ..services.submission import DraftClosed, NoReceivingUnit, submit_draft

__all__ = ["DraftStorage", "SubmissionWizard"]


class DraftStorage(BaseStorage):
    """formtools storage backed by the Draft row the view attached to the request."""

    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.draft: Draft = request._submission_draft
        self.data = dict(self.draft.data or {})
        if not self.data:
            self.init_data()
        self._saved = json.dumps(self.data, sort_keys=True, default=str)

    def update_response(self, response):
        super().update_response(response)
        snapshot = json.dumps(self.data, sort_keys=True, default=str)
        if snapshot != self._saved:
            Draft.objects.filter(pk=self.draft.pk, status=DraftStatus.OPEN).update(
                data=json.loads(snapshot), updated_at=timezone.now()
            )
            self._saved = snapshot


def build_form_list(schema: dict) -> OrderedDict:
    steps = OrderedDict((step["key"], step_form_class(step)) for step in schema["steps"])
    if schema.get("uploads"):
        steps[UPLOADS_STEP_KEY] = UploadsForm
    steps[REVIEW_STEP_KEY] = ReviewForm
    return steps


class SubmissionWizard(WizardView):
    storage_name = "dossiers.views.wizard.DraftStorage"
    template_name = "dossiers/wizard/step.html"
    form_list = [("placeholder", dj.Form)]

    # --- set-up -----------------------------------------------------------------------------
    def dispatch(self, request, *args, code: str, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        procedure = find_by_code(code)
        online_form = active_form_for(procedure)
        if online_form is None:
            if procedure is None:
                raise Http404
            return render(request, "dossiers/wizard/unavailable.html", {"procedure": procedure}, status=404)
        if request.method == "POST":
            replay = self._replayed_submission(request)
            if replay is not None:
                return HttpResponseRedirect(reverse("dossiers:receipt", args=[replay.code]))
        self.procedure = procedure
        self.draft = open_draft(user=request.user, form=online_form)
        self.schema = localized_schema(self.draft.form_version.schema)
        self.form_list = build_form_list(self.schema)
        request._submission_draft = self.draft
        return super().dispatch(request, *args, code=code, **kwargs)

    @staticmethod
    def _replayed_submission(request):
        token = request.POST.get(f"{REVIEW_STEP_KEY}-submission_token")
        if not token:
            return None
        try:
            return Dossier.objects.filter(submission_token=token, user=request.user).first()
        except Exception:  # malformed UUID
            return None

    def get_prefix(self, request, *args, **kwargs):
        return "nop_ho_so"

    def get_form_initial(self, step):
        if step == APPLICANT_STEP_KEY:
            return applicant_initial(self.request.user)
        if step == REVIEW_STEP_KEY:
            return {"submission_token": self.draft.token}
        return {}

    def get_form_kwargs(self, step=None):
        if step == UPLOADS_STEP_KEY:
            return {"draft": self.draft, "slots": self.schema["uploads"]}
        return {}

    def process_step(self, form):
        if isinstance(form, UploadsForm):
            return {"seen": ["1"]}  # the files themselves are DossierFile rows of the draft
        # Only the step form's own fields (and their sub-widgets, `<field>_…`): a POST with thousands
        # of made-up fields, prefixed or not, stores none of them.
        declared = [form.add_prefix(name) for name in form.fields]
        return {
            key: values for key, values in form.data.lists()
            if any(key == name or key.startswith(name + "_") for name in declared)
        } or {"seen": ["1"]}  # fmt: skip

    def process_step_files(self, form):
        return {}  # uploads are stored by UploadsForm itself, as DossierFile rows of the draft

    # --- requests ---------------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        """Resume: show the step the citizen was on, with what they entered (no reset)."""
        if request.GET.get("buoc") in self.get_form_list():
            self.storage.current_step = request.GET["buoc"]
        step = self.steps.current
        stored = self.storage.get_step_data(step)
        form = self.get_form(step, data=stored) if stored and step != REVIEW_STEP_KEY else self.get_form(step)
        return self.render(form)

    def post(self, *args, **kwargs):
        if self.request.POST.get("huy_nhap") == "1":
            delete_draft(draft=self.draft)
            return HttpResponseRedirect(self.procedure.url or "/")
        goto = self.request.POST.get("wizard_goto_step")
        if goto and goto in self.get_form_list():
            # Keep what was typed on the page being left, valid or not (validated again at the end).
            current = self.request.POST.get(f"{self.prefix}-current_step", self.steps.current)
            if current in self.get_form_list() and current != REVIEW_STEP_KEY:
                form = self.get_form(current, data=self.request.POST, files=self.request.FILES)
                if current == UPLOADS_STEP_KEY:
                    form.is_valid()  # stores the valid new files, applies removals
                    for reason in form.refused:  # the step's own errors will not be shown
                        messages.error(self.request, reason)
                self.storage.set_step_data(current, self.process_step(form))
                if goto == current:  # "Lưu nháp": the same step again, saved, not an error
                    messages.success(
                        self.request,
                        _(
                            "Đã lưu nháp. Bạn có thể tiếp tục sau trong “Hồ sơ của tôi”; bản nháp được giữ %(days)s ngày."
                        )
                        % {"days": settings.DOSSIER_DRAFT_RETENTION_DAYS},
                    )
        return super().post(*args, **kwargs)

    def render_goto_step(self, goto_step, **kwargs):
        self.storage.current_step = goto_step
        stored = self.storage.get_step_data(goto_step)
        if not stored or goto_step == REVIEW_STEP_KEY:
            form = self.get_form(goto_step)
        elif goto_step == self.request.POST.get(f"{self.prefix}-current_step"):  # "Lưu nháp"
            # What was typed, shown again without checking it: an unfinished step is not an error
            # until the citizen goes on (it is checked then, and again before submission).
            typed = self.get_form(goto_step, data=stored)
            form = self.get_form(goto_step)
            form.initial = {name: typed[name].value() for name in typed.fields}
        else:
            form = self.get_form(goto_step, data=stored)
        return self.render(form, **kwargs)

    # --- context ----------------------------------------------------------------------------
    def step_titles(self) -> list[tuple[str, str]]:
        titles = {step["key"]: step["title"] for step in self.schema["steps"]}
        titles[UPLOADS_STEP_KEY] = _("Giấy tờ đính kèm")
        titles[REVIEW_STEP_KEY] = _("Xem lại và nộp")
        return [(key, titles[key]) for key in self.get_form_list()]

    def review_sections(self) -> list[dict]:
        sections = []
        for step in self.schema["steps"]:
            stored = self.storage.get_step_data(step["key"])
            form = self.get_form(step["key"], data=stored) if stored else None
            complete = bool(form is not None and form.is_valid())
            sections.append(
                {
                    "key": step["key"],
                    "title": step["title"],
                    "complete": complete,
                    "answers": form.answers() if complete else [],
                }
            )
        return sections

    @staticmethod
    def layout(form, step_schema: dict) -> list[dict]:
        rows = []
        for spec in step_schema["fields"]:
            if spec["kind"] == "address":
                names = [f"{spec['key']}__{part}" for part in ("province", "commune", "street")]
                rows.append(
                    {"address": True, "label": spec["label"], "fields": [form[name] for name in names]}
                )
            else:
                rows.append({"address": False, "field": form[spec["key"]]})
        return rows

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        profile = get_profile(self.request.user)
        context.update(
            {
                "procedure": self.procedure,
                "schema": self.schema,
                "draft": self.draft,
                "step_titles": self.step_titles(),
                "step_title": dict(self.step_titles())[step],
                "step_schema": next((s for s in self.schema["steps"] if s["key"] == step), None),
                "is_uploads": step == UPLOADS_STEP_KEY,
                "is_review": step == REVIEW_STEP_KEY,
                "needs_verified_email": settings.ACCOUNTS_REQUIRE_VERIFIED_EMAIL
                and not profile.email_verified,
                "retention_days": settings.DOSSIER_DRAFT_RETENTION_DAYS,
            }
        )
        if context["step_schema"] is not None:
            context["layout"] = self.layout(form, context["step_schema"])
        if step == UPLOADS_STEP_KEY:
            grouped = form.files_by_slot()
            context["slot_rows"] = [
                {"slot": slot, "field": form[slot["key"]], "files": grouped.get(slot["key"], [])}
                for slot in self.schema["uploads"]
            ]
        if step == REVIEW_STEP_KEY:
            context["review_sections"] = self.review_sections()
            context["review_files"] = UploadsForm(
                draft=self.draft, slots=self.schema.get("uploads", [])
            ).files_by_slot()
        return context

    # --- submit -----------------------------------------------------------------------------
    def render_done(self, form, **kwargs):
        """Validate every step again from the draft (never trust what the last POST implies);
        unlike formtools' default, the stored data is not reset: the draft's status closes it."""
        final_forms = OrderedDict()
        for key in self.get_form_list():
            form_obj = self.get_form(step=key, data=self.storage.get_step_data(key))
            if not form_obj.is_valid():
                return self.render_revalidation_failure(key, form_obj, **kwargs)
            final_forms[key] = form_obj
        return self.done(list(final_forms.values()), form_dict=final_forms, **kwargs)

    def done(self, form_list, form_dict=None, **kwargs):
        review = form_dict[REVIEW_STEP_KEY]
        if str(review.cleaned_data["submission_token"]) != str(self.draft.token):
            review.add_error(None, _("Phiên nộp hồ sơ đã thay đổi; vui lòng kiểm tra lại và nộp lại."))
            self.storage.current_step = REVIEW_STEP_KEY
            return self.render(review)
        profile = get_profile(self.request.user)
        if settings.ACCOUNTS_REQUIRE_VERIFIED_EMAIL and not profile.email_verified:
            review.add_error(None, _("Bạn cần xác minh địa chỉ thư điện tử trước khi nộp hồ sơ."))
            self.storage.current_step = REVIEW_STEP_KEY
            return self.render(review)
        answers = []
        for step in self.schema["steps"]:
            answers.extend(form_dict[step["key"]].answers())
        applicant_form = form_dict[APPLICANT_STEP_KEY]
        data = applicant_form.cleaned_data
        applicant = {
            "full_name": data.get("full_name", ""),
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            "citizen_id": data.get("citizen_id", ""),
            "address": format_address(
                street=data.get("address__street", ""),
                province_code=data.get("address__province", ""),
                commune_code=data.get("address__commune", ""),
            ),
        }
        units = self.schema.get("receiving_units", [])
        chosen = data.get(RECEIVING_UNIT_KEY, "")
        unit_slug = next((unit["slug"] for unit in units if unit["name"] == chosen), "")
        try:
            dossier, _created = submit_draft(
                draft=self.draft, answers=answers, applicant=applicant, receiving_unit_slug=unit_slug
            )
        except DraftClosed:
            raise Http404
        except NoReceivingUnit:
            review.add_error(
                None,
                _(
                    "Nơi nộp hồ sơ không còn nhận hồ sơ trực tuyến của thủ tục này. Hồ sơ của bạn vẫn được "
                    "lưu; hãy chọn lại nơi nộp ở bước đầu hoặc liên hệ cơ quan."
                ),
            )
            self.storage.current_step = REVIEW_STEP_KEY
            return self.render(review)
        if self.schema.get("in_person"):  # documents to show in person: book the visit now
            messages.success(
                self.request,
                _(
                    "Hồ sơ %(code)s đã được nộp. Bước cuối: chọn lịch hẹn đến cơ quan xuất trình bản chính giấy tờ."
                )
                % {"code": dossier.code},
            )
            return HttpResponseRedirect(reverse("appointments:book", args=[dossier.code]))
        return HttpResponseRedirect(reverse("dossiers:receipt", args=[dossier.code]))
