"""The usage tables of the pages and exports: per procedure, agency or month (docs/statistics.md)."""

from django.utils.translation import gettext as _

from agencies.models import Agency
from procedures.models import ProcedurePage

from .tables import Column, Table
from .usage import legal_limit_days, usage_by, usage_period

__all__ = ["usage_table"]


def _usage_columns(first_label: str, *, with_limit: bool = False) -> list[Column]:
    columns = [
        Column("name", first_label),
        Column("submitted", _("Hồ sơ nộp"), "int"),
        Column("online", _("Nộp trực tuyến"), "int"),
        Column("counter", _("Nộp trực tiếp / bưu chính"), "int"),
        Column("online_pct", _("Tỷ lệ trực tuyến (%)"), "pct"),
        Column("accepted", _("Được tiếp nhận"), "int"),
        Column("refused", _("Không được tiếp nhận"), "int"),
        Column("finished", _("Đã xử lý xong"), "int"),
        Column("on_time", _("Đúng hạn"), "int"),
        Column("late", _("Trễ hạn"), "int"),
        Column("open_past_due", _("Chưa xong, đã quá hạn"), "int"),
        Column("median_days", _("Trung vị (ngày làm việc)"), "int"),
        Column("p90_days", _("Phân vị 90 (ngày làm việc)"), "int"),
    ]
    if with_limit:
        columns.append(Column("legal_limit", _("Thời hạn luật định (ngày làm việc)"), "int"))
    return columns


def usage_table(query, *, group: str) -> Table:
    """Usage per procedure ("su-dung-thu-tuc"), agency ("su-dung-co-quan") or month ("su-dung-thang")."""
    period = usage_period(query)
    slug, title, first = {
        "procedure": ("su-dung-thu-tuc", _("Sử dụng theo thủ tục"), _("Thủ tục")),
        "agency": ("su-dung-co-quan", _("Sử dụng theo cơ quan"), _("Cơ quan")),
        "month": ("su-dung-thang", _("Sử dụng theo tháng"), _("Tháng")),
    }[group]
    procedure_id = query.procedure.pk if getattr(query, "procedure", None) else None
    data = usage_by(group, period, agency_id=query.agency_id, procedure_id=procedure_id)
    table = Table(
        slug,
        title,
        _usage_columns(first, with_limit=group == "procedure"),
        note=_("Từ %(first)s đến %(last)s. Hồ sơ tính theo tháng nộp; “quá hạn” tính đến ngày cuối kỳ.")
        % {"first": period.first.strftime("%d/%m/%Y"), "last": period.last.strftime("%d/%m/%Y")},
    )
    if group == "procedure":
        pages = {
            p.pk: p
            for p in ProcedurePage.objects.filter(pk__in=[k for k in data if k]).only("pk", "title", "code")
        }
        limits = legal_limit_days(pages)
        for key, figures in data.items():
            page = pages.get(key)
            name = f"{page.code} {page.title}" if page else _("Thủ tục không còn trên cổng")
            table.rows.append(
                {"name": name, **figures, "legal_limit": limits.get(key), "code": page.code if page else ""}
            )
        table.rows.sort(key=lambda r: (-r["submitted"], r["name"]))
    elif group == "agency":
        agencies = {a.pk: a for a in Agency.objects.filter(pk__in=[k for k in data if k])}
        for key, figures in data.items():
            agency = agencies.get(key)
            table.rows.append(
                {
                    "name": agency.name if agency else _("Chưa gắn cơ quan"),
                    **figures,
                    "slug": agency.slug if agency else "",
                }
            )
        table.rows.sort(key=lambda r: (-r["submitted"], r["name"]))
    else:
        for key in sorted(data):
            table.rows.append({"name": key.strftime("%m/%Y"), **data[key], "month": key})
    return table
