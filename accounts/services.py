"""Public API of the accounts app."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.names import full_name as person_name
from core.urls import absolute_url

from .models import CitizenProfile

__all__ = [
    "EMAIL_TOKEN_MAX_AGE",
    "applicant_initial",
    "get_profile",
    "make_email_token",
    "register_citizen",
    "verify_email_token",
]

EMAIL_TOKEN_MAX_AGE = 3 * 24 * 3600
_SALT = "accounts.email-verification"


def get_profile(user) -> CitizenProfile:
    profile, _created = CitizenProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def register_citizen(*, email: str, phone: str, password: str, full_name: str):
    """Create a citizen (username = e-mail) and queue the verification e-mail after commit."""
    User = get_user_model()
    email = email.strip().lower()
    first, _sep, last = full_name.strip().rpartition(" ")
    user = User.objects.create_user(
        username=email[:150], email=email, password=password, first_name=first[:150], last_name=last[:150]
    )
    CitizenProfile.objects.create(user=user, phone=phone or None, full_name=full_name.strip())
    from .tasks import send_verification_email

    transaction.on_commit(lambda: send_verification_email.enqueue(user_id=user.pk), robust=True)
    return user


def make_email_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=_SALT)


def verification_url(user) -> str:
    return absolute_url(reverse("accounts:verify_email", args=[make_email_token(user)]))


def verify_email_token(token: str):
    """The user whose e-mail the token verifies (and marks verified), or None if bad/expired."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=EMAIL_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    User = get_user_model()
    user = User.objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        return None
    profile = get_profile(user)
    if profile.email_verified_at is None:
        profile.email_verified_at = timezone.now()
        profile.save(update_fields=["email_verified_at"])
    return user


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
