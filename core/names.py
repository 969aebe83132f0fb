"""People's names in Vietnamese order: family name first, then the given names ("Nguyễn Văn An").

Django's `get_full_name()` writes "first_name last_name", the Western order; our accounts keep the
family name (with any middle names) in `last_name` and the given name in `first_name`, so a name
built with Django's method would read backwards ("An Nguyễn Văn", or "cửa Cán bộ một"). The accounts
app therefore makes `full_name` the user model's `get_full_name` (accounts/apps.py), which Wagtail's
admin uses for every name it shows."""

from __future__ import annotations

__all__ = ["full_name"]


def full_name(user) -> str:
    """`last_name first_name`, trimmed; empty when the user has neither."""
    return " ".join(part for part in (user.last_name.strip(), user.first_name.strip()) if part)
