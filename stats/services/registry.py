"""Every table a page shows, by slug: the export, open-data and report code builds them from here."""

from django.utils.translation import gettext_lazy

from .figure_cache import cached_figures, query_params
from .index766 import index766_detail_table, index766_table
from .online_forms import forms_table
from .query import StatsQuery
from .tables import (
    Table,
    agencies_table,
    history_table,
    items_table,
    links_table,
    targets_table,
    yearly_table,
)
from .usage_tables import usage_table

__all__ = ["PUBLIC_DATASETS", "TABLES", "TABLE_TITLES", "build_table"]

TABLES = {
    "muc-tieu": targets_table,
    "co-quan": agencies_table,
    "theo-nam": yearly_table,
    "hang-muc": items_table,
    "thu-tuc-hang-muc": links_table,
    "lich-su": history_table,
    "su-dung-thu-tuc": lambda query: usage_table(query, group="procedure"),
    "su-dung-co-quan": lambda query: usage_table(query, group="agency"),
    "su-dung-thang": lambda query: usage_table(query, group="month"),
    "bieu-mau": forms_table,
    "chi-so-766": index766_table,
    "chi-so-766-chi-tiet": index766_detail_table,
}
TABLE_TITLES = {
    "muc-tieu": gettext_lazy("Mục tiêu của lộ trình"),
    "co-quan": gettext_lazy("Theo cơ quan thực hiện"),
    "theo-nam": gettext_lazy("Diễn biến theo năm"),
    "hang-muc": gettext_lazy("Hạng mục của lộ trình"),
    "thu-tuc-hang-muc": gettext_lazy("Thủ tục thực hiện các hạng mục"),
    "lich-su": gettext_lazy("Lịch sử mức độ"),
    "su-dung-thu-tuc": gettext_lazy("Sử dụng theo thủ tục"),
    "su-dung-co-quan": gettext_lazy("Sử dụng theo cơ quan"),
    "su-dung-thang": gettext_lazy("Sử dụng theo tháng"),
    "bieu-mau": gettext_lazy("Hoàn thành biểu mẫu trực tuyến"),
    "chi-so-766": gettext_lazy("Chỉ số phục vụ (Quyết định 766/QĐ-TTg)"),
    "chi-so-766-chi-tiet": gettext_lazy("Chỉ số 766: từng chỉ tiêu"),
}
# Open data (aggregates only): every table except one procedure's history.
PUBLIC_DATASETS = [slug for slug in TABLES if slug != "lich-su"]


# Tables whose figures change with time alone (drafts untouched for two days count as abandoned):
# computed on each request, never kept by the statistics data version.
UNCACHED_TABLES = {"bieu-mau"}


def build_table(slug: str, query: StatsQuery) -> Table:
    """The table `slug` for `query`, kept by the statistics data version (figure_cache) unless it
    is one of UNCACHED_TABLES."""
    if slug in UNCACHED_TABLES:
        return TABLES[slug](query)
    return cached_figures(f"table:{slug}", query_params(query), lambda: TABLES[slug](query))
