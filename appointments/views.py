"""The citizen's appointment page (/lich-hen/<dossier code>/): book, move or cancel; and the
officers' list of the day's appointments in the admin (/admin/lich-hen/). Thin: appointments.services."""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dossiers.constants import DossierStatus
from dossiers.models import Dossier

from .services import AppointmentRefused, book, cancel, current_appointment, day_list, open_slots, purpose_of

CLOSED = {
    DossierStatus.REFUSED,
    DossierStatus.STOPPED,
    DossierStatus.RETURNED,
    DossierStatus.WITHDRAWAL_REQUESTED,
}


def _own_dossier(request, code: str) -> Dossier:
    dossier = (
        Dossier.objects.owned_by(request.user).filter(code=code).select_related("receiving_unit").first()
    )
    if dossier is None:
        raise Http404
    return dossier


def _parse_slot(value: str):
    try:
        moment = datetime.strptime(value or "", "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    return timezone.make_aware(moment, timezone.get_current_timezone())


@never_cache
@login_required
def book_view(request, code: str):
    dossier = _own_dossier(request, code)
    closed = dossier.status in CLOSED
    error = ""
    if request.method == "POST" and not closed:
        start = _parse_slot(request.POST.get("khung_gio", ""))
        if start is None:
            error = _("Hãy chọn một khung giờ còn chỗ.")
        else:
            try:
                appointment = book(dossier=dossier, start=start, purpose=purpose_of(dossier))
            except AppointmentRefused as refused:
                error = refused.message
            else:
                messages.success(
                    request,
                    _("Đã đặt lịch hẹn %(when)s. Thư xác nhận được gửi đến %(email)s.")
                    % {
                        "when": timezone.localtime(appointment.start).strftime("%H:%M %d/%m/%Y"),
                        "email": dossier.applicant_email or "—",
                    },
                )
                return redirect("appointments:book", code=dossier.code)
    slots = [] if closed else open_slots(dossier.receiving_unit)
    days = [
        {"day": day, "slots": list(items)}
        for day, items in groupby(slots, key=lambda slot: timezone.localtime(slot.start).date())
    ]
    schema = dossier.form_version.schema if dossier.form_version_id else {}
    context = {
        "dossier": dossier,
        "appointment": current_appointment(dossier),
        "days": days,
        "closed": closed,
        "error": error,
        "in_person": schema.get("in_person", []),
        "collect_result": dossier.status == DossierStatus.DONE,
    }
    return render(request, "appointments/book.html", context, status=400 if error else 200)


@login_required
@require_POST
def cancel_view(request, code: str):
    dossier = _own_dossier(request, code)
    appointment = current_appointment(dossier)
    if appointment is not None and cancel(appointment):
        messages.success(request, _("Đã hủy lịch hẹn. Bạn có thể đặt lịch khác khi cần."))
    return redirect("appointments:book", code=dossier.code)


def officer_day_view(request):
    """The day's appointments at the officer's units (the dossiers they may see)."""
    from backoffice.views.staff import is_officer
    from dossiers.access import visible_dossiers

    if not is_officer(request.user):
        raise PermissionDenied
    try:
        day = date.fromisoformat(request.GET.get("ngay", ""))
    except ValueError:
        day = timezone.localdate()
    appointments = list(day_list(visible_dossiers(request.user), day))
    return render(
        request,
        "appointments/day_list.html",
        {"day": day, "appointments": appointments, "previous": day.fromordinal(day.toordinal() - 1),
         "next": day.fromordinal(day.toordinal() + 1)},
    )  # fmt: skip
