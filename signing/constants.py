from django.db import models
from django.utils.translation import gettext_lazy as _


class KeySource(models.TextChoices):
    PKCS12 = "pkcs12", _("Tệp PKCS#12 (.p12/.pfx) trên máy chủ")
    PKCS11 = "pkcs11", _("Thiết bị ký (token, HSM) qua PKCS#11")


# Name of the signature field the portal adds to a result (one per signature it makes).
FIELD_PREFIX = "KyKetQua"
