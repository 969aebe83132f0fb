"""Rating a dossier's service (once per dossier) and the public satisfaction figures per agency."""

import re

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.middleware import bad_request_page
from dossiers.models import Dossier
from dossiers.services.lookup import find_for_lookup

from ..abuse import client_ip, honeypot_filled
from ..charts import Bar, bar_chart
from ..forms import RatingForm, RatingStartForm
from ..models import Survey
from ..satisfaction import (
    GROUP_POINTS,
    AlreadyRated,
    NotRatable,
    can_rate,
    rate_dossier,
    rating_years,
    satisfaction_by_agency,
)
from ..surveys import agency_breakdown
from .public import abuse_error

DOSSIER_CODE_CHARS = re.compile(r"[0-9A-Za-z.\-]{1,64}")


def rate_start(request):
    """/gop-y/danh-gia/: type the dossier code, go to its rating page."""
    form = RatingStartForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"].strip()
        if not DOSSIER_CODE_CHARS.fullmatch(code):
            form.add_error("code", _("Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang, như trên biên nhận."))
        else:
            return redirect("feedback:rate_dossier", code=code)
    return TemplateResponse(request, "feedback/rate_start.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def rate(request, code: str):
    """/gop-y/danh-gia/<dossier code>/: the signed-in owner rates directly; anyone else proves the
    dossier with the same second factor as the dossier lookup (4 last digits of the applicant's phone
    or ID number). The page looks the same whether or not the code exists."""
    code = code.strip()[:64]
    dossier = Dossier.objects.filter(code=code).first()
    owner = bool(dossier and request.user.is_authenticated and dossier.user_id == request.user.pk)
    if owner and not can_rate(dossier):
        return TemplateResponse(request, "feedback/rate_done.html", {"code": code, "dossier": dossier})
    status = 200
    if request.method == "POST":
        if honeypot_filled(request.POST):
            return redirect("feedback:rate_thanks", code=code)
        form = RatingForm(request.POST, needs_factor=not owner)
        if form.is_valid():
            error = abuse_error(
                request, form, [("rating_ip", client_ip(request)), ("rating_code", code.upper())]
            )
            if error is None:
                data = form.cleaned_data
                target = dossier if owner else find_for_lookup(code=code, factor=data["factor"])
                if target is None:
                    status = 400
                    form.add_error(
                        "factor",
                        _("Mã hồ sơ hoặc 4 số cuối không khớp. Kiểm tra lại mã trên biên nhận và 4 số cuối."),
                    )
                else:
                    try:
                        rate_dossier(dossier=target, level=data["level"], reason=data["reason"])
                    except (AlreadyRated, NotRatable) as refused:
                        status = 400
                        form.add_error(None, str(refused))
                    else:
                        return redirect("feedback:rate_thanks", code=code)
            else:
                message, status = error
                form.add_error(None, message)
        else:
            status = 400
        form.refresh_challenge()
    else:
        form = RatingForm(needs_factor=not owner)
    context = {"code": code, "form": form, "owner": owner, "dossier": dossier if owner else None}
    return TemplateResponse(request, "feedback/rate.html", context, status=status)


def rate_thanks(request, code: str):
    return TemplateResponse(request, "feedback/rate_thanks.html", {"code": code[:64]})


def satisfaction(request):
    """/gop-y/muc-do-hai-long/: ratings of dossiers per agency (Decision 766 points), by year, and the
    yearly survey's averages per agency."""
    years = rating_years()
    year_param = request.GET.get("nam", "").strip()
    year = None
    if year_param:
        if not (
            year_param.isdigit()
            and len(year_param) == 4
            and 1990 <= int(year_param) <= timezone.localdate().year
        ):
            return bad_request_page(request, _("Năm “%(year)s” không hợp lệ.") % {"year": year_param[:20]})
        year = int(year_param)
    rows, overall = satisfaction_by_agency(year=year)
    chart = ""
    if rows:
        chart = bar_chart(
            title=_("Tỷ lệ hài lòng theo cơ quan"),
            description="; ".join(
                _("%(name)s: %(pct)s %% hài lòng trở lên trên %(n)d đánh giá")
                % {"name": row.name, "pct": number_format(row.satisfied_or_better_pct, 1), "n": row.total}
                for row in rows
            ),
            bars=[
                Bar(
                    label=row.name,
                    value=float(row.satisfied_or_better_pct),
                    text=f"{number_format(row.satisfied_or_better_pct, 1)} %",
                )
                for row in rows
            ],
            maximum=100,
        )
    surveys = Survey.objects.filter(year=year) if year else Survey.objects.all()[:3]
    survey_tables = []
    for survey in surveys:
        questions, agency_rows = agency_breakdown(survey)
        if agency_rows:
            survey_tables.append({"survey": survey, "questions": questions, "rows": agency_rows})
    context = {
        "rows": rows,
        "overall": overall,
        "chart": chart,
        "years": years,
        "year": year,
        "group_points": GROUP_POINTS,
        "survey_tables": survey_tables,
    }
    return TemplateResponse(request, "feedback/satisfaction.html", context)
