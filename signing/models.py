"""An agency's signing key, and the register of every document the portal signed (docs/signing.md).

The private key never sits in the database: a key row says where the key is (a PKCS#12 file on the
server, or a token/HSM through PKCS#11) and which environment variable holds its passphrase or PIN;
the certificate is copied here so that the admin and the verification page can show it.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import KeySource


def new_token() -> str:
    return secrets.token_urlsafe(16)


class SigningKeyQuerySet(models.QuerySet):
    def usable(self, when=None):
        """Keys an agency may sign with now: active, not revoked, certificate in its validity period."""
        when = when or timezone.now()
        return self.filter(is_active=True, revoked_at=None, not_before__lte=when, not_after__gt=when)


class SigningKey(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="signing_keys", verbose_name=_("cơ quan")
    )
    source = models.CharField(_("nơi giữ khóa"), max_length=10, choices=KeySource.choices)
    # PKCS#12: a path on the server (relative paths are read under SIGNING_DIR).
    pkcs12_path = models.CharField(_("tệp PKCS#12"), max_length=500, blank=True)
    # PKCS#11: the module (.so) of the token or HSM, the token's label, the key's label.
    pkcs11_module = models.CharField(_("thư viện PKCS#11"), max_length=500, blank=True)
    pkcs11_token = models.CharField(_("nhãn token"), max_length=100, blank=True)
    pkcs11_key = models.CharField(_("nhãn khóa"), max_length=100, blank=True)
    # The name of the environment variable holding the passphrase (PKCS#12) or PIN (PKCS#11).
    secret_env = models.CharField(_("biến môi trường chứa mật khẩu/PIN"), max_length=100, blank=True)
    certificate_pem = models.TextField(_("chứng thư số (PEM)"))
    subject = models.CharField(_("chủ thể chứng thư"), max_length=500)
    issuer = models.CharField(_("tổ chức cấp"), max_length=500)
    serial = models.CharField(_("số hiệu chứng thư"), max_length=100)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SigningKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa ký số")
        verbose_name_plural = _("khóa ký số")
        ordering = ["agency__name", "-not_after"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.subject} ({self.serial})"


class SignedDocument(models.Model):
    """One document the portal signed: the QR link's token, the dossier code, who signed and when,
    and the fingerprints that tie an uploaded copy back to this row (no personal data)."""

    token = models.CharField(max_length=32, unique=True, default=new_token)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=40, db_index=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="documents")
    signed_at = models.DateTimeField(_("thời điểm ký"))
    timestamped = models.BooleanField(_("có dấu thời gian"), default=False)
    # SHA-256 of the signed file as issued, and of the signature value inside it (a copy whose bytes
    # changed still carries the same signature value, so it is still found).
    file_sha256 = models.CharField(max_length=64, db_index=True)
    signature_sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("văn bản đã ký số")
        verbose_name_plural = _("văn bản đã ký số")
        ordering = ["-signed_at"]

    def __str__(self) -> str:
        return f"{self.dossier_code} ({self.signed_at:%d/%m/%Y %H:%M})"
