"""Server-side SVG charts: horizontal bars, readable without JavaScript and by screen readers.

The SVG is drawn by a template (so every label is escaped) with role="img", a <title> and a <desc>
that carries the numbers; pages always show the same numbers in a table next to it.
"""

import itertools
from dataclasses import dataclass

from django.template.loader import render_to_string

__all__ = ["Bar", "bar_chart"]

_ids = itertools.count(1)

WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 18
ROW_GAP = 12
BAR_AREA = 440  # the value text sits right of the longest bar


@dataclass
class Bar:
    label: str
    value: float
    text: str  # what the reader sees next to the bar, e.g. "12 (40,0 %)"
    # coordinates, as SVG wants them (dot decimal separator whatever the language)
    label_y: str = ""
    bar_y: str = ""
    width: str = ""
    text_x: str = ""
    text_y: str = ""


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(*, title: str, description: str, bars: list[Bar], maximum: float | None = None) -> str:
    """The SVG markup (safe: rendered by an autoescaping template)."""
    maximum = maximum if maximum else max((b.value for b in bars), default=0)
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    for i, bar in enumerate(bars):
        top = 8 + i * row
        width = BAR_AREA * bar.value / maximum if maximum else 0
        bar.label_y = _n(top + 13)
        bar.bar_y = _n(top + LABEL_HEIGHT)
        bar.width = _n(width)
        bar.text_x = _n(width + 6)
        bar.text_y = _n(top + LABEL_HEIGHT + 14)
    uid = next(_ids)
    return render_to_string(
        "feedback/charts/bar.svg",
        {
            "title": title,
            "description": description,
            "bars": bars,
            "width": WIDTH,
            "height": _n(8 + len(bars) * row),
            "bar_height": BAR_HEIGHT,
            "uid": f"chart-{uid}",
        },
    )
