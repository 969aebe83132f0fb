"""Charts drawn on the server as SVG: no JavaScript, a <title> and a <desc>, and the same numbers in
the accessible table next to each chart (the chart is a picture of the table, never the only copy).

Series differ by colour *and* by line style / marker shape, so they read in grey and for colour-blind
readers. Colours meet 3:1 against white (WCAG 1.4.11).
"""

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["Bar", "Series", "bar_chart", "format_number", "line_chart"]

COLOURS = ["#1a5fa8", "#00703c", "#a50e0e", "#6f3c96"]
DASHES = ["", "6 4", "2 3", "10 3 2 3"]
_ids = itertools.count(1)


@dataclass
class Series:
    name: str
    values: list  # numbers or None (gap)


@dataclass
class Bar:
    label: str
    value: Decimal | int | None
    target: Decimal | int | None = None


def format_number(value) -> str:
    """12.5 → "12,5" in Vietnamese (the active language's number format)."""
    if value is None:
        return "—"
    value = round(float(value), 1)
    return number_format(
        int(value) if value.is_integer() else value, decimal_pos=None if value.is_integer() else 1
    )


def _nice_top(value: float, *, percent: bool) -> float:
    """A round axis maximum above `value`: 10, 20, 25, 50, 100 × 10^k (percentages stop at 100)."""
    if value <= 0:
        return 10.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            top = step * magnitude
            break
    if top == value:
        top = value * 1.1
    return min(100.0, max(top, 10.0)) if percent else max(top, 4.0)


def _open(width: int, height: int, title: str, desc: str) -> tuple[str, str]:
    n = next(_ids)
    tid, did = f"chart-{n}-title", f"chart-{n}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{tid} {did}" preserveAspectRatio="xMinYMin meet" '
        f'font-family="Noto Sans, Arial, sans-serif" font-size="13">'
        f'<title id="{tid}">{escape(title)}</title><desc id="{did}">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def line_chart(
    *, title: str, desc: str, labels: list[str], series: list[Series], targets=(), unit: str = "%", top=None
) -> SafeString:
    """Lines over years. `targets`: (label, value, first index, last index) drawn as dashed steps."""
    width, left, right, upper = 640, 56, 16, 16
    lower = 36 + 22 * len(series)  # axis labels, then one legend row per series
    height = 240 + lower
    values = [v for s in series for v in s.values if v is not None] + [t[1] for t in targets]
    top = top or _nice_top(max([float(v) for v in values] + [0]), percent=unit == "%")
    plot_w, plot_h = width - left - right, height - upper - lower
    step = plot_w / max(len(labels) - 1, 1)

    def x(i):
        return left + i * step

    def y(v):
        return upper + plot_h - float(v) / top * plot_h

    head, tail = _open(width, height, title, desc)
    parts = [head]
    for k in range(5):  # grid and axis labels
        value = top * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#dcdcdc"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#484f54">{format_number(value)}{escape(unit)}</text>'
        )
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{upper + plot_h + 18}" text-anchor="middle" fill="#0b0c0c">{escape(label)}</text>'
        )
    for label, value, first, last in targets:
        parts.append(
            f'<line x1="{x(first) - step / 3 if first else x(first):.1f}" x2="{x(last) + (step / 3 if last < len(labels) - 1 else 0):.1f}" '
            f'y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#b36b00" stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{x(last):.1f}" y="{y(value) - 5:.1f}" text-anchor="end" fill="#6b3f00" font-size="11">{escape(label)}</text>'
        )
    for n, s in enumerate(series):
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
            )
        for i, v in enumerate(s.values):
            if v is None:
                continue
            marker = (
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="4" fill="{colour}"/>'
                if n % 2 == 0
                else f'<rect x="{x(i) - 4:.1f}" y="{y(v) - 4:.1f}" width="8" height="8" fill="{colour}"/>'
            )
            parts.append(marker)
        legend_y = upper + plot_h + 40 + 22 * n
        legend_x = left
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" '
            f'stroke-width="2.5"{f" stroke-dasharray={chr(34)}{dash}{chr(34)}" if dash else ""}/>'
            f'<text x="{legend_x + 30}" y="{legend_y + 4}" fill="#0b0c0c">{escape(s.name)}</text>'
        )
    parts.append(tail)
    return mark_safe("".join(parts))


def bar_chart(*, title: str, desc: str, bars: list[Bar], unit: str = "%", top=None) -> SafeString:
    """Horizontal bars with their value written at the end; an optional target tick per bar."""
    row, left, right, upper = 28, 230, 60, 8
    width = 640
    height = upper * 2 + row * max(len(bars), 1)
    values = [float(b.value) for b in bars if b.value is not None] + [
        float(b.target) for b in bars if b.target
    ]
    top = top or (100.0 if unit == "%" else max(values + [1]) * 1.1)
    plot_w = width - left - right
    head, tail = _open(width, height, title, desc)
    parts = [head]
    for i, bar in enumerate(bars):
        y0 = upper + i * row
        label = bar.label if len(bar.label) <= 34 else bar.label[:33] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y0 + 18}" text-anchor="end" fill="#0b0c0c">{escape(label)}</text>'
        )
        parts.append(f'<rect x="{left}" y="{y0 + 4}" width="{plot_w}" height="{row - 10}" fill="#f4f2ef"/>')
        if bar.value is not None:
            w = max(float(bar.value) / top * plot_w, 0)
            parts.append(
                f'<rect x="{left}" y="{y0 + 4}" width="{w:.1f}" height="{row - 10}" fill="{COLOURS[0]}"/>'
            )
        parts.append(
            f'<text x="{width - right + 6}" y="{y0 + 18}" fill="#0b0c0c">{format_number(bar.value)}{escape(unit) if bar.value is not None else ""}</text>'
        )
        if bar.target is not None:
            tx = left + float(bar.target) / top * plot_w
            parts.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y0 + 1}" y2="{y0 + row - 3}" stroke="#b36b00" stroke-width="3"/>'
            )
    parts.append(tail)
    return mark_safe("".join(parts))
