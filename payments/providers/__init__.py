"""Payment providers behind one interface (providers/base.py). `get_provider()` returns the one
PAYMENT_PROVIDER names; a second provider (for example the national payment platform) is one more
module with a class implementing `Provider`, registered in PROVIDERS."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import CallbackResult, Provider, ProviderError, QueryResult, RefundResult

__all__ = [
    "PROVIDERS",
    "CallbackResult",
    "Provider",
    "ProviderError",
    "QueryResult",
    "RefundResult",
    "get_provider",
]

PROVIDERS = {"vnpay": "payments.providers.vnpay.VnpayProvider"}


def get_provider(name: str | None = None) -> Provider:
    name = name or settings.PAYMENT_PROVIDER
    return import_string(PROVIDERS[name])()
