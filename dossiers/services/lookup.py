"""The public status lookup (a dossier code and the last 4 digits of the applicant's phone or ID
number) and the rate limit that protects it."""

from __future__ import annotations

from django.utils.crypto import constant_time_compare

from ..models import Dossier

__all__ = ["find_for_lookup"]


def find_for_lookup(*, code: str, factor: str) -> Dossier | None:
    """The dossier with this code whose applicant's phone or ID number ends with `factor` (4
    digits); None in every other case, so an answer never reveals whether a code exists."""
    code = (code or "").strip()
    factor = "".join(ch for ch in (factor or "") if ch.isdigit())
    dossier = Dossier.objects.filter(code__iexact=code).first() if code else None
    phone_tail = dossier.applicant_phone[-4:] if dossier else "xxxx"
    id_tail = dossier.applicant_citizen_id[-4:] if dossier else "yyyy"
    matches_phone = constant_time_compare(factor, phone_tail)
    matches_id = constant_time_compare(factor, id_tail)
    if dossier is None or len(factor) != 4 or not (matches_phone or matches_id):
        return None
    return dossier
