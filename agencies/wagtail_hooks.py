"""Agencies and administrative units in the Wagtail admin (menu "Cơ quan, địa bàn"): snippet viewsets
with search and filters.

Why SnippetViewSet (and not wagtail-modeladmin or a bare ModelViewSet): modeladmin is Wagtail's legacy
package, kept only for old projects; a snippet viewset is Wagtail's own ModelViewSet plus what editors
of reference data need for free: a chooser for the procedure page's agency fields, "used by" (usage)
listings before a delete, history, copy and spreadsheet export of the listing.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .constants import AgencyKind, UnitKind
from .models import AdministrativeUnit, Agency

__all__ = ["AdministrativeUnitViewSet", "AgencyViewSet", "ReferenceDataGroup"]


class EffectiveState(django_filters.ChoiceFilter):
    """Active today / ended, for records with valid_from and valid_to."""

    CURRENT = "current"
    ENDED = "ended"

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "choices",
            [(self.CURRENT, _("Đang hoạt động")), (self.ENDED, _("Đã hết hiệu lực (sáp nhập, giải thể)"))],
        )
        kwargs.setdefault("label", _("Tình trạng"))
        kwargs.setdefault("empty_label", _("Tất cả"))
        super().__init__(**kwargs)

    def filter(self, qs, value):
        today = timezone.localdate()
        if value == self.CURRENT:
            return qs.active_on(today)
        if value == self.ENDED:
            return qs.filter(valid_to__lt=today)
        return qs


class EffectiveFilterSet(WagtailFilterSet):
    state = EffectiveState()
    active_on = django_filters.DateFilter(
        label=_("Còn hiệu lực vào ngày"),
        method="filter_active_on",
        widget=AdminDateInput,
        help_text=_("Ví dụ 30/06/2025: cơ cấu trước sáp nhập; 01/07/2025: sau sáp nhập."),
    )

    def filter_active_on(self, queryset, name, value):
        return queryset.active_on(value) if value else queryset


def _parents_of(model):
    return lambda request: model.objects.filter(children__isnull=False).distinct().order_by("name")


class AgencyFilterSet(EffectiveFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=AgencyKind.choices, empty_label=_("Tất cả"))
    parent = django_filters.ModelChoiceFilter(label=_("Cơ quan cấp trên"), queryset=_parents_of(Agency))
    unit = django_filters.ModelChoiceFilter(
        label=_("Địa bàn"),
        queryset=lambda request: AdministrativeUnit.objects.filter(agencies__isnull=False).distinct(),
    )
    has_editors = django_filters.BooleanFilter(
        label=_("Có biên tập viên riêng"), field_name="editor_group", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Agency
        fields = ["kind", "parent", "unit", "has_editors"]


class AdministrativeUnitFilterSet(EffectiveFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Cấp"), choices=UnitKind.choices, empty_label=_("Tất cả"))
    parent = django_filters.ModelChoiceFilter(label=_("Trực thuộc"), queryset=_parents_of(AdministrativeUnit))

    class Meta:
        model = AdministrativeUnit
        fields = ["kind", "parent"]


class EffectiveColumn(Column):
    """'01/07/2025 – nay' style period, from valid_from and valid_to."""

    def get_value(self, instance):
        start = instance.valid_from.strftime("%d/%m/%Y") if instance.valid_from else "…"
        end = instance.valid_to.strftime("%d/%m/%Y") if instance.valid_to else _("nay")
        return f"{start} – {end}"


EFFECTIVE_PANEL = FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading=_("Hiệu lực"))


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Cơ quan")
    menu_order = 100
    filterset_class = AgencyFilterSet
    search_fields = ["name", "short_name", "code", "slug"]
    search_backend_name = None  # plain icontains: predictable for a few hundred records
    ordering = ["name"]
    list_per_page = 50
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("kind", label=_("Loại"), accessor="get_kind_display"),
        Column("parent", label=_("Cơ quan cấp trên")),
        Column("unit", label=_("Địa bàn")),
        EffectiveColumn("period", label=_("Hiệu lực")),
        Column("successor", label=_("Cơ quan kế thừa")),
    ]
    list_export = [
        "name",
        "short_name",
        "code",
        "kind",
        "parent",
        "unit",
        "valid_from",
        "valid_to",
        "successor",
    ]
    export_headings = {
        "name": _("Tên cơ quan"),
        "short_name": _("Tên viết tắt"),
        "code": _("Mã cơ quan"),
        "kind": _("Loại"),
        "parent": _("Cơ quan cấp trên"),
        "unit": _("Địa bàn"),
        "valid_from": _("Hiệu lực từ"),
        "valid_to": _("Hiệu lực đến"),
        "successor": _("Cơ quan kế thừa"),
    }
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
                FieldPanel("parent"),
                FieldPanel("unit"),
            ],
            heading=_("Cơ quan"),
        ),
        MultiFieldPanel(
            [EFFECTIVE_PANEL, FieldPanel("successor")],
            heading=_("Hiệu lực và kế thừa"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Liên hệ"),
        ),
    ]
    # editor_group is not edited here: `manage.py grant_agency_editor` creates the group with its permissions.


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Đơn vị hành chính")
    menu_order = 200
    filterset_class = AdministrativeUnitFilterSet
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["kind", "name"]
    list_per_page = 50
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("code", label=_("Mã")),
        Column("kind", label=_("Cấp"), accessor="get_kind_display"),
        Column("parent", label=_("Trực thuộc")),
        EffectiveColumn("period", label=_("Hiệu lực")),
        Column("successor", label=_("Đơn vị kế thừa")),
    ]
    list_export = ["code", "name", "kind", "parent", "valid_from", "valid_to", "successor"]
    export_headings = {
        "code": _("Mã"),
        "name": _("Tên"),
        "kind": _("Cấp"),
        "parent": _("Trực thuộc"),
        "valid_from": _("Hiệu lực từ"),
        "valid_to": _("Hiệu lực đến"),
        "successor": _("Đơn vị kế thừa"),
    }
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldPanel("name"),
        FieldPanel("parent"),
        EFFECTIVE_PANEL,
        FieldPanel("successor"),
    ]


class ReferenceDataGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, AdministrativeUnitViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Cơ quan, địa bàn")
    menu_name = "co-quan-dia-ban"
    menu_order = 250


register_snippet(ReferenceDataGroup)
