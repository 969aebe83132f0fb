"""Loading an agency's key: a PKCS#12 file on the server, or a token/HSM through PKCS#11.

The passphrase (PKCS#12) or PIN (PKCS#11) is read from the environment variable the key row names,
never from the database. A key that cannot be loaded raises KeyUnavailable with a message for the
officer; nothing is signed and nothing is saved.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .constants import KeySource

__all__ = ["KeyUnavailable", "key_path", "load_signer", "read_secret"]


class KeyUnavailable(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def key_path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else Path(settings.SIGNING_DIR) / path


def read_secret(env_name: str) -> bytes | None:
    if not env_name:
        return None
    value = os.environ.get(env_name)
    if value is None:
        raise KeyUnavailable(
            _("Chưa đặt biến môi trường %(name)s chứa mật khẩu của khóa ký số.") % {"name": env_name}
        )
    return value.encode()


def load_signer(key):
    """A pyHanko signer for `key` (a SigningKey)."""
    if key.source == KeySource.PKCS12:
        from pyhanko.sign.signers import SimpleSigner

        path = key_path(key.pkcs12_path)
        try:
            data = path.read_bytes()
        except OSError:
            raise KeyUnavailable(
                _("Không đọc được tệp khóa ký số của %(agency)s; báo quản trị viên.") % {"agency": key.agency}
            ) from None
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=read_secret(key.secret_env))
        if signer is None:
            raise KeyUnavailable(
                _("Mật khẩu của tệp khóa ký số %(agency)s không đúng; báo quản trị viên.")
                % {"agency": key.agency}
            )
        return signer, None
    if key.source == KeySource.PKCS11:
        try:
            from pyhanko.sign import pkcs11 as hanko_pkcs11
        except ImportError:  # python-pkcs11 is not installed (docs/signing.md, "PKCS#11")
            raise KeyUnavailable(
                _("Máy chủ chưa cài thư viện PKCS#11 (python-pkcs11) để dùng thiết bị ký.")
            ) from None
        pin = read_secret(key.secret_env)
        try:
            session = hanko_pkcs11.open_pkcs11_session(
                key.pkcs11_module, token_label=key.pkcs11_token, user_pin=pin.decode() if pin else None
            )
        except Exception:
            raise KeyUnavailable(
                _("Không mở được thiết bị ký của %(agency)s; báo quản trị viên.") % {"agency": key.agency}
            ) from None
        signer = hanko_pkcs11.PKCS11Signer(session, key_label=key.pkcs11_key, cert_label=key.pkcs11_key)
        return signer, session
    raise KeyUnavailable(_("Loại khóa ký số không hỗ trợ."))
