from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.clients import client_ip
from core.ratelimit import RateLimited, check_rate_limit
from dossiers.constants import DraftStatus
from dossiers.models import Dossier, Draft

from .forms import RegisterForm, SignInForm
from .services import get_profile, register_citizen, verify_email_token
from .tasks import send_verification_email


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = getattr(settings, "OIDC_ENABLED", False)
        context["oidc_label"] = getattr(settings, "OIDC_PROVIDER_LABEL", "")
        return context


def register(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = register_citizen(
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            password=form.cleaned_data["password1"],
            full_name=form.cleaned_data["full_name"],
        )
        login(request, user, backend="accounts.backends.EmailOrPhoneBackend")
        messages.success(
            request, _("Đã tạo tài khoản. Hãy mở thư chúng tôi vừa gửi để xác minh địa chỉ thư điện tử.")
        )
        return redirect(next_url or "accounts:my_dossiers")
    return render(request, "accounts/register.html", {"form": form, "next": next_url})


def verify_email(request, token: str):
    user = verify_email_token(token)
    return render(request, "accounts/verify_email.html", {"verified_user": user}, status=200 if user else 400)


@require_POST
@login_required
def resend_verification(request):
    send_verification_email.enqueue(user_id=request.user.pk)
    messages.info(request, _("Đã gửi lại thư xác minh đến %(email)s.") % {"email": request.user.email})
    return redirect("accounts:my_dossiers")


@login_required
def my_dossiers(request):
    dossiers = Dossier.objects.owned_by(request.user).select_related("procedure")
    drafts = (
        Draft.objects.filter(user=request.user, status=DraftStatus.OPEN, form_version__form__isnull=False)
        .select_related("form_version__form__procedure")
        .order_by("-updated_at")
    )
    return render(
        request,
        "accounts/my_dossiers.html",
        {
            "dossiers": dossiers,
            "drafts": drafts,
            "profile": get_profile(request.user),
            "retention_days": settings.DOSSIER_DRAFT_RETENTION_DAYS,
        },
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, with the link in the e-mail at the portal's published address (SITE_BASE_URL),
    not at the host the request came to."""

    def form_valid(self, form):
        # At most a few e-mails per address asked for and per client address (core.ratelimit);
        # beyond, the answer is the same "check your mail" page, so it reveals nothing either way.
        limits = settings.ACCOUNTS_PASSWORD_RESET_LIMITS
        try:
            check_rate_limit("password_reset_ip", client_ip(self.request), limits["password_reset_ip"])
            check_rate_limit(
                "password_reset_email",
                form.cleaned_data["email"].strip().lower(),
                limits["password_reset_email"],
            )
        except RateLimited:
            return HttpResponseRedirect(self.get_success_url())
        self.extra_email_context = {"site_base_url": settings.SITE_BASE_URL.rstrip("/")}
        return super().form_valid(form)


password_reset = PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset_body.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
