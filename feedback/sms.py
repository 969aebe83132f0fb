"""Text messages (SMS) to citizens who left only a phone number: a pluggable sender.

`FEEDBACK_SMS_BACKEND` chooses the backend (docs/feedback.md, "SMS"):

- ``none`` (default): nothing is sent; the citizen follows the item with the lookup page;
- ``console``: the message is written to standard output, marked as not sent (development);
- ``file``: the message is appended as one JSON line to ``FEEDBACK_SMS_FILE_PATH`` (development, tests);
- ``http``: the message is POSTed as JSON to the gateway at ``FEEDBACK_SMS_HTTP_URL``
  (``{"to": "0912345678", "text": "...", "sender": FEEDBACK_SMS_SENDER}``, header
  ``Authorization: Bearer FEEDBACK_SMS_HTTP_TOKEN``); any answer other than 2xx, or no answer
  within ``FEEDBACK_SMS_HTTP_TIMEOUT`` seconds, raises SmsError — a message is never reported as
  sent unless the gateway accepted it. A provider with another request format needs its own backend
  class (subclass SmsBackend, name it with its dotted path in FEEDBACK_SMS_BACKEND).

Texts are sent without tone marks (GSM-7, 160 characters a part): `to_sms_text`.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string

from core.text import strip_diacritics

__all__ = [
    "ConsoleBackend",
    "FileBackend",
    "HttpBackend",
    "SmsBackend",
    "SmsError",
    "get_backend",
    "send_sms",
    "sms_enabled",
    "to_sms_text",
]


class SmsError(Exception):
    """The message could not be handed to the gateway."""


def to_sms_text(text: str) -> str:
    """Vietnamese without tone marks (đ → d), one line: what every phone shows in GSM-7."""
    return " ".join(strip_diacritics(text).split())


class SmsBackend:
    def send(self, phone: str, text: str) -> str:
        """Send one message; return a short receipt (gateway id or where it went); raise SmsError."""
        raise NotImplementedError


class ConsoleBackend(SmsBackend):
    def __init__(self, stream=None):
        self.stream = stream

    def send(self, phone: str, text: str) -> str:
        stream = self.stream or sys.stdout
        stream.write(f"[SMS, console backend: NOT sent] to {phone}: {text}\n")
        stream.flush()
        return "console"


class FileBackend(SmsBackend):
    def __init__(self, path: str | Path | None = None):
        path = path or getattr(settings, "FEEDBACK_SMS_FILE_PATH", "")
        if not path:
            raise ImproperlyConfigured("FEEDBACK_SMS_FILE_PATH is required for the file SMS backend")
        self.path = Path(path)

    def send(self, phone: str, text: str) -> str:
        line = json.dumps({"to": phone, "text": text, "at": timezone.now().isoformat()}, ensure_ascii=False)
        try:
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as error:
            raise SmsError(f"cannot write {self.path}: {error}") from error
        return f"file:{self.path}"


class HttpBackend(SmsBackend):
    def __init__(
        self, url: str | None = None, token: str | None = None, sender: str | None = None, timeout=None
    ):
        self.url = url if url is not None else getattr(settings, "FEEDBACK_SMS_HTTP_URL", "")
        if not self.url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                "FEEDBACK_SMS_HTTP_URL must be an http(s) URL for the http SMS backend"
            )
        self.token = token if token is not None else getattr(settings, "FEEDBACK_SMS_HTTP_TOKEN", "")
        self.sender = sender if sender is not None else getattr(settings, "FEEDBACK_SMS_SENDER", "")
        self.timeout = timeout or getattr(settings, "FEEDBACK_SMS_HTTP_TIMEOUT", 10)

    def send(self, phone: str, text: str) -> str:
        body = json.dumps({"to": phone, "text": text, "sender": self.sender}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST")
        request.add_header("Content-Type", "application/json; charset=utf-8")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
                answer = response.read(2000).decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            raise SmsError(f"gateway answered HTTP {error.code}") from error
        except (urllib.error.URLError, OSError) as error:
            raise SmsError(f"gateway unreachable: {error}") from error
        if not 200 <= status < 300:
            raise SmsError(f"gateway answered HTTP {status}")
        try:
            receipt = json.loads(answer).get("id", "") if answer else ""
        except (ValueError, AttributeError):
            receipt = ""
        return f"http:{receipt or status}"


BACKENDS = {"console": ConsoleBackend, "file": FileBackend, "http": HttpBackend}


def sms_enabled() -> bool:
    return (getattr(settings, "FEEDBACK_SMS_BACKEND", "none") or "none") != "none"


def get_backend() -> SmsBackend | None:
    name = getattr(settings, "FEEDBACK_SMS_BACKEND", "none") or "none"
    if name == "none":
        return None
    backend_class = BACKENDS.get(name) or import_string(name)
    return backend_class()


def send_sms(phone: str, text: str) -> str | None:
    """Send `text` (tone marks removed) to `phone`; None when SMS is off; raises SmsError on failure."""
    backend = get_backend()
    if backend is None:
        return None
    return backend.send(phone, to_sms_text(text))
