"""National single sign-on (OpenID Connect, e.g. VNeID) through mozilla-django-oidc.

Active only when OIDC_RP_CLIENT_ID is configured (portal/settings/components/accounts.py).
Users are matched by the provider's stable subject (`sub`), then by e-mail; a first sign-in
creates the account and its citizen profile from the claims; e-mail addresses that come from the
identity provider count as verified.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from core.validators import normalize_phone

from .models import CitizenProfile

__all__ = ["CitizenOIDCBackend", "profile_values_from_claims"]


def profile_values_from_claims(claims: dict) -> dict:
    values = {"oidc_subject": claims.get("sub") or None}
    name = claims.get(getattr(settings, "OIDC_CLAIM_NAME", "name"))
    if name:
        values["full_name"] = str(name)[:150]
    phone = claims.get(getattr(settings, "OIDC_CLAIM_PHONE", "phone_number"))
    if phone:
        values["phone"] = normalize_phone(str(phone))[:15]
    citizen_id = claims.get(getattr(settings, "OIDC_CLAIM_CITIZEN_ID", "citizen_id"))
    if citizen_id and str(citizen_id).isdigit() and len(str(citizen_id)) == 12:
        values["citizen_id"] = str(citizen_id)
    if claims.get("email"):
        values["email_verified_at"] = timezone.now()
    return values


class CitizenOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        sub = claims.get("sub")
        if sub:
            users = self.UserModel.objects.filter(citizen_profile__oidc_subject=sub)
            if users.exists():
                return users
        email = claims.get("email")
        if email:
            return self.UserModel.objects.filter(email__iexact=email)
        return self.UserModel.objects.none()

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    @transaction.atomic
    def create_user(self, claims):
        email = (claims.get("email") or "").lower()
        username = (email or f"sso-{claims['sub']}")[:150]
        user = self.UserModel.objects.create_user(username=username, email=email)
        values = profile_values_from_claims(claims)
        if values.get("phone") and CitizenProfile.objects.filter(phone=values["phone"]).exists():
            values.pop("phone")
        CitizenProfile.objects.create(user=user, **values)
        return user

    def update_user(self, user, claims):
        values = profile_values_from_claims(claims)
        profile, _created = CitizenProfile.objects.get_or_create(user=user)
        if (
            values.get("phone")
            and CitizenProfile.objects.filter(phone=values["phone"]).exclude(pk=profile.pk).exists()
        ):
            values.pop("phone")
        for key, value in values.items():
            if value:
                setattr(profile, key, value)
        profile.save()
        return user
