"""Citizen accounts: Django's user plus a profile with the data Vietnamese forms ask for.

The user model stays django.contrib.auth's (staff and citizens alike); sign-in by e-mail or phone
is accounts.backends.EmailOrPhoneBackend, national SSO (OpenID Connect) is accounts.oidc.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CitizenProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_profile"
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=15, unique=True, null=True, blank=True)
    citizen_id = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    province_code = models.CharField(_("mã tỉnh/thành phố"), max_length=10, blank=True)
    commune_code = models.CharField(_("mã phường/xã"), max_length=10, blank=True)
    street = models.CharField(_("số nhà, đường, thôn/ấp"), max_length=255, blank=True)
    email_verified_at = models.DateTimeField(_("đã xác minh e-mail lúc"), null=True, blank=True)
    oidc_subject = models.CharField(
        _("định danh SSO (sub)"), max_length=255, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("hồ sơ công dân")
        verbose_name_plural = _("hồ sơ công dân")

    def __str__(self) -> str:
        return self.full_name or str(self.user)

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None
