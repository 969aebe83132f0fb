"""Public API of the accounts app."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.names import full_name as person_name
from core.urls import absolute_url
from notifications.services import queue_email

from .emails import ALREADY_REGISTERED, VERIFY, VERIFY_PHONE_TAKEN
from .models import CitizenProfile

__all__ = [
    "EMAIL_TOKEN_MAX_AGE",
    "applicant_initial",
    "get_profile",
    "make_email_token",
    "mark_email_verified",
    "may_sign_in",
    "register_citizen",
    "resend_verification",
    "verify_email_token",
]

EMAIL_TOKEN_MAX_AGE = 3 * 24 * 3600
_SALT = "accounts.email-verification"


def get_profile(user) -> CitizenProfile:
    profile, _created = CitizenProfile.objects.get_or_create(user=user)
    return profile


def register_citizen(*, email: str, phone: str, password: str, full_name: str):
    """Sign-up that reveals nothing about who is registered (docs/security.md).

    A new address gets an account (username = e-mail), unverified, and the verification e-mail; a
    phone number already on another account is left out and the e-mail says so. An address that
    already has an account gets, instead, a note saying so with the sign-in and reset links. Both
    leave the same page and cost the same time (the password is hashed either way). Returns the new
    user, or None when the address was taken. The e-mails are queued in the same transaction."""
    User = get_user_model()
    email = email.strip().lower()
    first, _sep, last = full_name.strip().rpartition(" ")
    with transaction.atomic():
        existing = User.objects.filter(email__iexact=email).first()
        if existing is None:
            phone_taken = bool(phone) and CitizenProfile.objects.filter(phone=phone).exists()
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        username=email[:150], email=email, password=password,
                        first_name=first[:150], last_name=last[:150],
                    )  # fmt: skip
                    CitizenProfile.objects.create(
                        user=user, phone=None if phone_taken else (phone or None), full_name=full_name.strip()
                    )
            except IntegrityError:  # a parallel sign-up with the same address, or a staff username
                existing = User.objects.filter(Q(email__iexact=email) | Q(username=email[:150])).first()
            else:
                queue_email(VERIFY_PHONE_TAKEN if phone_taken else VERIFY, user.pk, email)
                return user
        make_password(password)  # the same work as creating an account
        if existing is not None and existing.email:
            queue_email(ALREADY_REGISTERED, existing.pk, existing.email)
    return None


def resend_verification(email: str) -> None:
    """Mail the verification link again to an unverified account with this address (nothing is said
    either way on the page)."""
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is not None and user.email and not get_profile(user).email_verified:
        queue_email(VERIFY, user.pk, user.email)


def make_email_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=_SALT)


def verification_url(user) -> str:
    return absolute_url(reverse("accounts:verify_email", args=[make_email_token(user)]))


def verify_email_token(token: str) -> tuple[object | None, bool]:
    """(the user whose e-mail the token verifies, whether it was verified just now); (None, False)
    for a bad or expired token. The address is marked verified."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=EMAIL_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None, False
    User = get_user_model()
    user = User.objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        return None, False
    return user, mark_email_verified(user)


def mark_email_verified(user) -> bool:
    """Mark the account's address verified; whether it was not before. One conditional update: of
    two clicks at once, only one is "just now" (and signs in)."""
    get_profile(user)  # an account made in the admin may have none yet
    return bool(
        CitizenProfile.objects.filter(user=user, email_verified_at__isnull=True).update(
            email_verified_at=timezone.now()
        )
    )


def may_sign_in(user) -> bool:
    """Whether a citizen account may sign in with its password: once its e-mail is verified, when
    ACCOUNTS_REQUIRE_VERIFIED_EMAIL (otherwise a sign-in would tell who registered which address).
    Staff accounts have no citizen profile and are not concerned."""
    if not settings.ACCOUNTS_REQUIRE_VERIFIED_EMAIL or user.is_staff:
        return True
    return not CitizenProfile.objects.filter(user=user, email_verified_at__isnull=True).exists()


def applicant_initial(user) -> dict:
    """Initial values of the applicant step of an online form, from the account."""
    if not getattr(user, "is_authenticated", False):
        return {}
    profile = get_profile(user)
    initial = {
        "full_name": profile.full_name or person_name(user),
        "email": user.email,
        "phone": profile.phone or "",
        "citizen_id": profile.citizen_id,
        "date_of_birth": profile.date_of_birth,
        "address__province": profile.province_code,
        "address__commune": profile.commune_code,
        "address__street": profile.street,
    }
    return {key: value for key, value in initial.items() if value}
