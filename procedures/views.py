from django.shortcuts import get_object_or_404, redirect

from .models import ProcedurePage
from .services import find_by_code


def procedure_by_code(request, code: str):
    """Stable URL per code: /thu-tuc/<code>/ redirects to the procedure's page."""
    page = find_by_code(code)
    if page is None:
        page = get_object_or_404(ProcedurePage.objects.live(), code=code)
    return redirect(page.url, permanent=False)
