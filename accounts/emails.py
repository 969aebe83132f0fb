"""The e-mails of the accounts app (notifications.registry), written at delivery.

Registration never says on the page whether an address is taken (docs/security.md): the answer goes
to the mailbox instead. A new address gets the verification link; a taken one gets a note that it
already has an account, with the sign-in and password-reset links."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.urls import absolute_url
from notifications.registry import register

VERIFY, VERIFY_PHONE_TAKEN, ALREADY_REGISTERED = (
    "accounts.verify",
    "accounts.verify_phone_taken",
    "accounts.already_registered",
)


def _verification(user_id: int, *, phone_taken: bool) -> EmailMessage | None:
    from .services import get_profile, verification_url

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email or get_profile(user).email_verified:
        return None  # gone, or verified meanwhile: the link is no longer needed
    with translation.override("vi"):
        context = {"user": user, "url": verification_url(user), "phone_taken": phone_taken}
        return EmailMessage(
            subject=render_to_string("accounts/email/verify_subject.txt", context).strip(),
            body=render_to_string("accounts/email/verify_body.txt", context),
            to=[user.email],
        )


@register(VERIFY, _("Xác minh thư điện tử"))
def verify(user_id: int) -> EmailMessage | None:
    """The link that verifies a new account's address (and signs the citizen in)."""
    return _verification(user_id, phone_taken=False)


@register(VERIFY_PHONE_TAKEN, _("Xác minh thư điện tử (số điện thoại đã có chủ)"))
def verify_phone_taken(user_id: int) -> EmailMessage | None:
    """The same, saying the phone number given is already on another account and was not added."""
    return _verification(user_id, phone_taken=True)


@register(ALREADY_REGISTERED, _("Địa chỉ đã có tài khoản"))
def already_registered(user_id: int) -> EmailMessage | None:
    """Someone registered with an address that already has an account."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return None
    with translation.override("vi"):
        context = {
            "user": user,
            "login_url": absolute_url(reverse("accounts:login")),
            "reset_url": absolute_url(reverse("accounts:password_reset")),
        }
        return EmailMessage(
            subject=render_to_string("accounts/email/already_registered_subject.txt", context).strip(),
            body=render_to_string("accounts/email/already_registered_body.txt", context),
            to=[user.email],
        )
