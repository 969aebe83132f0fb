"""Public API of the procedures app."""

from .codes import base_code, looks_like_code
from .models import ProcedurePage

__all__ = ["find_by_code"]


def find_by_code(code: str, *, live_only: bool = True) -> ProcedurePage | None:
    """The procedure with exactly this code, else the one whose national code matches."""
    code = (code or "").strip()
    if not looks_like_code(code):
        return None
    qs = ProcedurePage.objects.live() if live_only else ProcedurePage.objects.all()
    page = qs.filter(code=code).first()
    if page is None:
        page = qs.filter(base_code=base_code(code)).order_by("code").first()
    return page
