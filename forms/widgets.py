"""Widgets of the online forms.

`QuickSelect` renders the same markup as Django's `Select`, written in Python instead of one template
include per option: the address step's lists (34 provinces, up to a hundred and more communes) made
Django's per-option templates the largest single cost of a submission (benchmarks/bench_submit_http.py).
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

__all__ = ["QuickSelect"]


def _attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone.
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [
            format_html('<select name="{}"', widget["name"]),
            mark_safe(_attrs(widget["attrs"])),
            mark_safe(">"),
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.append(
                format_html_join(
                    "",
                    '\n  <option value="{}"{}>{}</option>',
                    ((str(o["value"]), mark_safe(_attrs(o["attrs"])), o["label"]) for o in options),
                )
            )
            if group_name:
                parts.append(mark_safe("\n  </optgroup>"))
        parts.append(mark_safe("\n</select>"))
        return mark_safe("".join(parts))
