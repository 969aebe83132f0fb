"""Public feedback pages: the form (portal-wide or about a procedure), confirmation, lookup, Q&A."""

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from procedures.models import ProcedurePage

from .. import services
from ..abuse import (
    POW_CHALLENGE_FIELD,
    POW_SOLUTION_FIELD,
    ProofOfWorkError,
    RateLimited,
    check_rate_limit,
    client_ip,
    honeypot_filled,
    verify_solution,
)
from ..constants import FeedbackKind
from ..forms import FeedbackForm, LookupForm

SESSION_KEY = "feedback_sent_code"


def complaints_url() -> str:
    """Complaints and denunciations follow their own procedures: the catalog search lists them."""
    return reverse("search:search") + "?q=khieu+nai"


def abuse_error(request, form, scopes: list[tuple[str, str]]) -> tuple[str, int] | None:
    """Check proof of work and rate limits for a valid form: (message, HTTP status) or None."""
    try:
        verify_solution(form.data.get(POW_CHALLENGE_FIELD, ""), form.data.get(POW_SOLUTION_FIELD, ""))
        for scope, identity in scopes:
            check_rate_limit(scope, identity)
    except ProofOfWorkError as error:
        if error.reason == "missing":
            message = _(
                "Trình duyệt chưa hoàn tất bước chống thư rác. Hãy bật JavaScript, đợi vài giây rồi bấm Gửi lại; "
                "nội dung bạn đã nhập vẫn còn."
            )
        elif error.reason == "expired":
            message = _("Biểu mẫu đã mở quá lâu. Vui lòng bấm Gửi lại; nội dung bạn đã nhập vẫn còn.")
        else:
            message = _("Không xác minh được bước chống thư rác. Vui lòng bấm Gửi lại.")
        return message, 400
    except RateLimited as error:
        minutes = max(1, error.retry_after // 60)
        message = _(
            "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau khoảng %(minutes)d phút; "
            "nội dung bạn đã nhập vẫn còn."
        ) % {"minutes": minutes}
        return message, 429
    return None


def _contact_scopes(data) -> list[tuple[str, str]]:
    scopes = []
    if data.get("email"):
        scopes.append(("submit_contact", "e:" + services.normalize_email(data["email"])))
    if data.get("phone"):
        scopes.append(("submit_contact", "p:" + services.normalize_phone(data["phone"])))
    return scopes


@require_http_methods(["GET", "POST"])
def feedback_form(request, code: str | None = None):
    """/gop-y/ (about the portal or any procedure) and /gop-y/thu-tuc/<code>/ (about one procedure)."""
    procedure = get_object_or_404(ProcedurePage.objects.live(), code=code) if code else None
    kind_initial = FeedbackKind.QUESTION if procedure else FeedbackKind.SUGGESTION
    status = 200
    if request.method == "POST":
        if honeypot_filled(request.POST):
            # A bot: pretend all went well, store and send nothing.
            request.session.pop(SESSION_KEY, None)
            return redirect("feedback:sent")
        form = FeedbackForm(request.POST, kind_initial=kind_initial)
        if form.is_valid():
            data = form.cleaned_data
            error = abuse_error(request, form, [("submit_ip", client_ip(request)), *_contact_scopes(data)])
            if error is None:
                feedback = services.submit_feedback(
                    kind=data["kind"],
                    message=data["message"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    consent_to_publish=data["consent_to_publish"],
                    procedure=procedure,
                    language=get_language() or "vi",
                )
                request.session[SESSION_KEY] = feedback.tracking_code
                return redirect("feedback:sent")
            message, status = error
            form.add_error(None, message)
        else:
            status = 400
        form.refresh_challenge()
    else:
        form = FeedbackForm(kind_initial=kind_initial)
    context = {
        "form": form,
        "procedure": procedure,
        "complaints_url": complaints_url(),
        "recent": services.published_questions(procedure=procedure)[:5],
    }
    return TemplateResponse(request, "feedback/feedback_form.html", context, status=status)


def sent(request):
    """Confirmation: the tracking code of the feedback this browser just sent."""
    code = request.session.get(SESSION_KEY, "")
    return TemplateResponse(request, "feedback/sent.html", {"code": code, "complaints_url": complaints_url()})


@require_http_methods(["GET", "POST"])
def lookup(request):
    """Find one's feedback by tracking code plus the e-mail or phone given (POST: kept out of URLs)."""
    feedback = None
    not_found = False
    status = 200
    if request.method == "POST":
        form = LookupForm(request.POST)
        if form.is_valid():
            try:
                check_rate_limit("lookup_ip", client_ip(request))
            except RateLimited as error:
                form.add_error(
                    None,
                    _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau khoảng %(minutes)d phút.")
                    % {"minutes": max(1, error.retry_after // 60)},
                )
                status = 429
            else:
                feedback = services.find_feedback(
                    code=form.cleaned_data["code"], contact=form.cleaned_data["contact"]
                )
                not_found = feedback is None
        else:
            status = 400
    else:
        form = LookupForm(initial={"code": request.GET.get("ma", "")[:40]})
    context = {"form": form, "feedback": feedback, "not_found": not_found}
    return TemplateResponse(request, "feedback/lookup.html", context, status=status)


def questions(request):
    """The public Q&A: published questions and official answers, searchable, by procedure."""
    if "trang" in request.GET and "page" not in request.GET:
        # `trang` was this page's paging parameter before `page` everywhere: old links and bookmarks
        # move, permanently, to the one URL of that page.
        params = request.GET.copy()
        params["page"] = params.pop("trang")[-1]
        return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")
    query = request.GET.get("q", "").strip()[:200]
    procedure = None
    code = request.GET.get("thu-tuc", "").strip()
    if code:
        procedure = ProcedurePage.objects.live().filter(code=code).first()
    items = services.search_published(query=query, procedure=procedure)
    page = Paginator(items, 20).get_page(request.GET.get("page"))
    context = {"qa_query": query, "procedure": procedure, "page_obj": page, "items": page.object_list}
    return TemplateResponse(request, "feedback/questions.html", context)
