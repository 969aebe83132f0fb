"""Online forms: wizards started against drafts submitted, and the step where citizens stop
(docs/statistics.md, "Online forms"). Reads the drafts (dossiers.Draft) still kept."""

import datetime

from django.db.models import Count, Q
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.constants import DraftStatus
from dossiers.models import Draft
from forms.models import FormVersion
from procedures.models import ProcedurePage

from .tables import Column, Table, pct
from .usage import usage_period

__all__ = ["ABANDONED_AFTER_DAYS", "forms_table"]

ABANDONED_AFTER_DAYS = 2  # an open draft untouched this long counts as abandoned at its current step


def _drafts(*, start, end, agency_id):
    drafts = Draft.objects.filter(created_at__gte=start, created_at__lte=end)
    if agency_id is not None:
        drafts = drafts.filter(form_version__form__procedure__implementing_agency_id=agency_id)
    return drafts


def _build_form_starts(**values):
    """Per procedure: wizards started in the period, and how many of them were submitted."""
    return (
        _drafts(**values)
        .values("form_version__form__procedure_id")
        .annotate(started=Count("pk"), submitted=Count("pk", filter=Q(status=DraftStatus.SUBMITTED)))
        .order_by()
    )


def _build_form_stops(*, idle, **values):
    """Per procedure, form version and step: open drafts untouched since `idle` (abandoned there)."""
    return (
        _drafts(**values)
        .filter(status=DraftStatus.OPEN, updated_at__lt=idle)
        .annotate(step=KT("data__step"))
        .values("form_version__form__procedure_id", "form_version_id", "step")
        .annotate(n=Count("pk"))
        .order_by()
    )


def forms_table(query) -> Table:
    """Online forms: wizards started vs dossiers submitted, and the step where citizens stop."""
    period = usage_period(query)
    start = datetime.datetime.combine(period.first, datetime.time.min, tzinfo=timezone.get_current_timezone())
    end = datetime.datetime.combine(period.last, datetime.time.max, tzinfo=timezone.get_current_timezone())
    values = dict(start=start, end=end, agency_id=query.agency_id)
    procedure_key = "form_version__form__procedure_id"
    counts = {r[procedure_key]: r for r in _build_form_starts(**values)}
    idle = timezone.now() - datetime.timedelta(days=ABANDONED_AFTER_DAYS)
    stops: dict = {}
    for r in _build_form_stops(idle=idle, **values):
        stops.setdefault(r[procedure_key], []).append(r)
    for rows in stops.values():
        rows.sort(key=lambda r: -r["n"])
    schemas = dict(
        FormVersion.objects.filter(
            pk__in={r["form_version_id"] for rows in stops.values() for r in rows}
        ).values_list("pk", "schema")
    )
    pages = {
        p.pk: p
        for p in ProcedurePage.objects.filter(pk__in=[k for k in counts if k]).only("pk", "title", "code")
    }
    table = Table(
        "bieu-mau",
        _("Hoàn thành biểu mẫu trực tuyến"),
        [
            Column("name", _("Thủ tục")),
            Column("started", _("Bắt đầu điền"), "int"),
            Column("submitted", _("Đã nộp"), "int"),
            Column("completion_pct", _("Tỷ lệ hoàn thành (%)"), "pct"),
            Column("abandoned", _("Bỏ dở"), "int"),
            Column("stop_step", _("Bước dừng nhiều nhất")),
        ],
        note=_(
            "Hồ sơ nháp bị xóa sau thời gian lưu giữ; số liệu chỉ gồm các bản nháp còn lưu. Bỏ dở: chưa nộp, không sửa trong %(days)s ngày."
        )
        % {"days": ABANDONED_AFTER_DAYS},
    )
    for key, r in counts.items():
        page = pages.get(key)
        top = (stops.get(key) or [None])[0]
        table.rows.append(
            {
                "name": f"{page.code} {page.title}" if page else "—",
                "started": r["started"],
                "submitted": r["submitted"],
                "completion_pct": pct(r["submitted"], r["started"]),
                "abandoned": sum(s["n"] for s in stops.get(key, [])),
                "stop_step": _step_title(top, schemas.get(top["form_version_id"])) if top else None,
            }
        )
    table.rows.sort(key=lambda row: (-(row["started"] or 0), row["name"]))
    return table


def _step_title(row, schema) -> str:
    key = row.get("step") or ""
    for step in (schema or {}).get("steps", []):
        if step.get("key") == key:
            return f"{step.get('title') or key} ({row['n']})"
    return f"{key or '—'} ({row['n']})"
