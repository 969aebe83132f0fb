"""Which e-mails the portal sends, and how each is written.

An app declares each kind of e-mail in its `emails.py`::

    @register("dossiers.submitted", _("Biên nhận hồ sơ"))
    def submitted(dossier_id: int) -> EmailMessage | None: ...

The function gets the id queued with the message and returns the message to send, or None when there
is nothing to send any more (the dossier has no e-mail address, the payment is not paid...). It is
called at delivery, so a retry writes the message again from the current rows.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.mail import EmailMessage

Renderer = Callable[[int], EmailMessage | None]

_RENDERERS: dict[str, Renderer] = {}
_LABELS: dict[str, str] = {}


def register(kind: str, label: str = "") -> Callable[[Renderer], Renderer]:
    """Declare the e-mail `kind` (app.name); `label` names it for administrators ("Thư đi")."""

    def decorator(function: Renderer) -> Renderer:
        if kind in _RENDERERS and _RENDERERS[kind] is not function:
            raise ValueError(f"E-mail kind {kind!r} is registered twice.")
        _RENDERERS[kind] = function
        _LABELS[kind] = label or kind
        return function

    return decorator


def label(kind: str) -> str:
    return str(_LABELS.get(kind, kind))


def renderer(kind: str) -> Renderer:
    try:
        return _RENDERERS[kind]
    except KeyError:
        raise LookupError(f"No e-mail of kind {kind!r} is registered.") from None


def kinds() -> list[str]:
    return sorted(_RENDERERS)
