"""The statistics table as HTML (stats_tags.stats_table, stats/includes/table.html): structure,
formats, escaping, links, and the fragment cache."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import number_format

from stats.services.tables import Column, Table


def stats_table(table, link_agencies: bool = False) -> str:
    template = Template("{% load stats_tags %}{% stats_table table link_agencies=link %}")
    return template.render(Context({"table": table, "link": link_agencies}))


def _table(rows) -> Table:
    return Table(
        "thu",
        "Bảng <thử>",
        [
            Column("name", "Cơ quan"),
            Column("n", "Số hồ sơ", "int"),
            Column("share", "Tỷ lệ (%)", "pct"),
            Column("day", "Ngày", "date"),
            Column("ok", "Đủ", "bool"),
            Column("status", "Đánh giá"),
        ],
        rows=rows,
        note="Ghi chú & nguồn",
    )


@pytest.mark.django_db
def test_cells_are_formatted_escaped_and_labelled():
    table = _table(
        [
            {
                "name": "Sở <Tư pháp>",
                "slug": "so-tu-phap",
                "n": 1234567,
                "share": Decimal("40.5"),
                "day": datetime.date(2025, 12, 31),
                "ok": True,
                "status": "Trễ",
                "status_code": "late",
            },
            {
                "name": "Chưa gắn cơ quan",
                "slug": "",
                "n": 0,
                "share": None,
                "day": None,
                "ok": False,
                "status": "",
            },
        ]
    )
    with translation.override("vi"):
        html = stats_table(table, link_agencies=True)
        big = number_format(1234567, force_grouping=True)  # Django's Vietnamese format: no grouping
    assert '<table class="stack-table stats-table" id="tbl-thu">' in html
    assert '<caption id="tbl-thu-caption">Bảng &lt;thử&gt;</caption>' in html
    assert 'aria-labelledby="tbl-thu-caption"' in html
    assert '<th scope="col" class="stats-table__int">Số hồ sơ</th>' in html
    # Row header with the agency link, escaped; Vietnamese separators; dates d/m/Y; "—" for nothing.
    assert (
        '<th scope="row" class="stats-table__text"><a href="/thong-ke/co-quan/so-tu-phap/">Sở &lt;Tư pháp&gt;</a></th>'
        in html
    )
    assert f'<td data-label="Số hồ sơ" class="stats-table__int">{big}</td>' in html
    assert '<td data-label="Tỷ lệ (%)" class="stats-table__pct">40,50</td>' in html
    assert '<td data-label="Ngày" class="stats-table__date">31/12/2025</td>' in html
    assert '<td data-label="Đủ" class="stats-table__bool">Có</td>' in html
    assert '<tr class="status-late">' in html
    assert '<span class="status-badge status-badge--late">Trễ</span>' in html
    # The second row: no link without a slug, zero is a number, missing values are "—".
    assert '<th scope="row" class="stats-table__text">Chưa gắn cơ quan</th>' in html
    assert '<td data-label="Số hồ sơ" class="stats-table__int">0</td>' in html
    assert html.count(">—</td>") == 3  # share, day, status
    assert '<p class="table-note">Ghi chú &amp; nguồn</p>' in html
    with translation.override("en"):
        assert ">1,234,567</td>" in stats_table(table)


def test_an_empty_table_says_so():
    with translation.override("vi"):
        html = stats_table(_table([]))
    assert '<tr><td colspan="6">Chưa có số liệu.</td></tr>' in html


@pytest.mark.django_db
def test_the_fragment_is_cached_under_what_it_shows():
    row = {"name": "Sở A", "slug": "so-a", "n": 1, "share": None, "day": None, "ok": True, "status": ""}
    with translation.override("vi"):
        first = stats_table(_table([row]))
        assert stats_table(_table([dict(row)])) == first  # same figures: the cached fragment
        changed = stats_table(_table([{**row, "n": 2}]))
        assert '<td data-label="Số hồ sơ" class="stats-table__int">2</td>' in changed
        assert stats_table(_table([row]), link_agencies=True) != first
    with translation.override("en"):
        assert stats_table(_table([row])) != first  # words and formats of the language
