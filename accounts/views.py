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

from core.clients import client_ip
from core.ratelimit import RateLimited, check_rate_limit, count_attempt, is_limited
from dossiers.constants import DraftStatus
from dossiers.models import Dossier, Draft

from .forms import RegisterForm, ResendVerificationForm, SignInForm
from .services import get_profile, mark_email_verified, register_citizen, verify_email_token
from .services import resend_verification as resend_verification_email


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
        limits = settings.ACCOUNTS_REGISTER_LIMITS
        if is_limited("register_ip", client_ip(request), limits["register_ip"]):
            form.add_error(
                None, _("Có quá nhiều yêu cầu đăng ký từ mạng của bạn. Vui lòng thử lại sau một giờ.")
            )
        else:
            count_attempt("register_ip", client_ip(request), limits["register_ip"])
            email = form.cleaned_data["email"]
            try:  # beyond a few e-mails to one address, nothing more is sent, and nothing is said
                check_rate_limit("register_email", email, limits["register_email"])
            except RateLimited:
                pass
            else:
                register_citizen(
                    email=email,
                    phone=form.cleaned_data["phone"],
                    password=form.cleaned_data["password1"],
                    full_name=form.cleaned_data["full_name"],
                )
            request.session[_REGISTERED_EMAIL] = email
            request.session[_NEXT_AFTER_VERIFY] = next_url
            return redirect("accounts:register_sent")
    return render(request, "accounts/register.html", {"form": form, "next": next_url})


_REGISTERED_EMAIL, _NEXT_AFTER_VERIFY = "accounts_registered_email", "accounts_next_after_verify"


def register_sent(request):
    """The same page whether the address was free or taken: the answer is in the mailbox."""
    email = request.session.get(_REGISTERED_EMAIL)
    if not email:
        return redirect("accounts:register")
    return render(request, "accounts/register_sent.html", {"email": email})


def verify_email(request, token: str):
    user, newly = verify_email_token(token)
    if user is not None and newly and not request.user.is_authenticated:
        # The first click proves the mailbox: it completes the sign-up and signs the citizen in.
        login(request, user, backend="accounts.backends.EmailOrPhoneBackend")
        messages.success(request, _("Đã xác minh thư điện tử. Tài khoản của bạn đã sẵn sàng."))
        next_url = request.session.pop(_NEXT_AFTER_VERIFY, "")
        request.session.pop(_REGISTERED_EMAIL, None)
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return HttpResponseRedirect(next_url)
        return redirect("accounts:my_dossiers")
    return render(request, "accounts/verify_email.html", {"verified_user": user}, status=200 if user else 400)


def resend_verification(request):
    """The verification link again: to the signed-in citizen, or to an address typed in (the answer
    is the same whether it has an unverified account or not)."""
    form = ResendVerificationForm(request.POST or None)
    if request.method == "POST" and (request.user.is_authenticated or form.is_valid()):
        email = request.user.email if request.user.is_authenticated else form.cleaned_data["email"]
        limits = settings.ACCOUNTS_REGISTER_LIMITS
        try:
            check_rate_limit("register_ip", client_ip(request), limits["register_ip"])
            check_rate_limit("register_email", email.lower(), limits["register_email"])
        except RateLimited:
            pass
        else:
            resend_verification_email(email)
        messages.info(
            request,
            _("Nếu %(email)s là địa chỉ của một tài khoản chưa xác minh, thư xác minh đã được gửi lại.")
            % {"email": email},
        )
        return redirect("accounts:my_dossiers" if request.user.is_authenticated else "accounts:login")
    return render(request, "accounts/resend_verification.html", {"form": form})


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


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; a password set from the e-mailed link also proves the mailbox: the address is
    marked verified (an account whose verification mail was lost is not stuck)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        mark_email_verified(form.user)
        return response


password_reset_confirm = PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
