"""Writing procedure pages: apply a mapped record, compare snapshots, create and publish revisions."""

from dataclasses import dataclass

from wagtail.models import ReferenceIndex

from ..models import (
    DossierComponent,
    LegalBasis,
    ProcedureChannel,
    ProcedureDocument,
    ProcedurePage,
    ProcedureResult,
)
from ..online import advertised_levels
from .catalog import RunCatalog
from .mapping import DETAIL_TEXT_FIELDS, MappedProcedure

__all__ = [
    "apply_record",
    "create_page",
    "hold_empty_relations",
    "PageState",
    "load_states",
    "publish_changes",
    "snapshot",
    "update_references",
]

# Child relations the importer writes: relation name → (model, fields compared and written).
CHILDREN = {
    "channels": (
        ProcedureChannel,
        (
            "kind",
            "label",
            "time_limit_text",
            "time_limit_value",
            "time_limit_unit",
            "fee_text",
            "fee_amount",
            "unsplit_text",
            "description",
        ),
    ),
    "components": (
        DossierComponent,
        (
            "group",
            "name",
            "originals",
            "copies",
            "quantity_text",
            "form_name",
            "form_document_id",
            "online_mode",
        ),
    ),
    "results": (ProcedureResult, ("name", "code")),
    "legal_bases": (LegalBasis, ("number", "summary", "issued_on", "issuer")),
    "documents": (ProcedureDocument, ("title", "document_id")),
}
# Page fields that are derived on save or belong to Wagtail, not to the record.
_NOT_COMPARED = {"page_ptr", "missing_info", "base_code"}
PAGE_FIELDS = ["title", "slug"] + [
    field.attname for field in ProcedurePage._meta.local_concrete_fields if field.name not in _NOT_COMPARED
]
_DETAIL_ATTRS = (*DETAIL_TEXT_FIELDS.values(), "results_text", "keywords", "description")
# What an index record may fill on a page that has detailed content, when the page has none yet.
_INDEX_FILL_ATTRS = ("implementing_agency_text", "publishing_decision", "source_url", "source_label")


def snapshot(page: ProcedurePage) -> tuple:
    """Everything the importer writes, normalised: equal snapshots mean nothing to publish."""
    values = tuple(getattr(page, name) for name in PAGE_FIELDS)
    children = tuple(
        tuple(tuple(getattr(row, name) for name in fields) for row in getattr(page, relation).all())
        for relation, (_model, fields) in CHILDREN.items()
    )
    levels = tuple(sorted(level.code for level in page.levels.all()))
    return values, children, levels


def _has_detail_text(page_or_values) -> bool:
    return any((page_or_values.get(attr) or "").strip() for attr in _DETAIL_ATTRS)


@dataclass
class PageState:
    """What the database holds for a page, read with plain value queries (no model instances)."""

    pk: int
    values: dict
    children: dict[str, tuple]
    levels: tuple
    missing_info: list

    @property
    def snapshot(self) -> tuple:
        return (
            tuple(self.values[name] for name in PAGE_FIELDS),
            tuple(self.children[relation] for relation in CHILDREN),
            self.levels,
        )

    @property
    def has_detail(self) -> bool:
        """Whether the page holds content only a detailed record (or an editor) gives."""
        return _has_detail_text(self.values) or any(self.children.values())

    def light_page(self) -> ProcedurePage:
        """An unsaved stand-in with the page's field values, to apply a record to and compare."""
        page = ProcedurePage(pk=self.pk, **self.values)
        page.id = self.pk
        return page

    def proposed_snapshot(self, page: ProcedurePage) -> tuple:
        """The snapshot after applying a record to `light_page()`: rows it replaced, others as stored."""
        assigned = getattr(page, "_cluster_related_objects", {})
        children = tuple(
            tuple(tuple(getattr(row, name) for name in fields) for row in assigned[relation])
            if relation in assigned
            else self.children[relation]
            for relation, (_model, fields) in CHILDREN.items()
        )
        levels = (
            tuple(sorted(level.code for level in assigned["levels"])) if "levels" in assigned else self.levels
        )
        return tuple(getattr(page, name) for name in PAGE_FIELDS), children, levels


def load_states(page_ids) -> dict[int, PageState]:
    """The stored state of a batch of pages: one query per table, values only."""
    ids = list(page_ids)
    states = {}
    for row in ProcedurePage.objects.filter(pk__in=ids).values("pk", "missing_info", *PAGE_FIELDS):
        pk, missing = row.pop("pk"), row.pop("missing_info")
        states[pk] = PageState(pk=pk, values=row, children={}, levels=(), missing_info=missing)
    for relation, (model, fields) in CHILDREN.items():
        rows: dict[int, list] = {pk: [] for pk in states}
        for page_id, *values in (
            model.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", *fields)
        ):
            rows[page_id].append(tuple(values))
        for pk, state in states.items():
            state.children[relation] = tuple(rows[pk])
    levels: dict[int, list] = {pk: [] for pk in states}
    through = ProcedurePage.levels.through
    for page_id, code in through.objects.filter(procedurepage_id__in=ids).values_list(
        "procedurepage_id", "implementationlevelrecord__code"
    ):
        levels[page_id].append(code)
    for pk, state in states.items():
        state.levels = tuple(sorted(levels[pk]))
    return states


def apply_record(
    page: ProcedurePage,
    mapped: MappedProcedure,
    *,
    catalog: RunCatalog,
    state: "PageState | None" = None,
) -> None:
    """Set the page's fields and rows from the record (in memory; nothing is saved here).

    `state` is what the database holds for an existing page (None for a new one).
    """
    if mapped.is_detailed:
        _apply_detailed(page, mapped, catalog, state)
    elif state is not None and state.has_detail:
        _apply_index_over_detail(page, mapped, catalog, has_levels=bool(state.levels))
    else:
        _apply_index(page, mapped, catalog)


def _set_name(page: ProcedurePage, mapped: MappedProcedure) -> None:
    page.official_name = mapped.name
    page.title = mapped.title
    page.draft_title = page.title


def _set_online(page: ProcedurePage, mapped: MappedProcedure) -> None:
    """The record's level is kept as the record's (`record_online_level`, `record_legacy_level`);
    the page advertises what the portal can honour (procedures/online.py, advertised_levels): "not
    online" while no receiving unit has a code, một phần / level 3 instead of toàn trình / level 4
    while the fee cannot be paid online or the result cannot be signed. `manage.py check_online`
    lists what became possible since and `--fix` advertises it (the editor who marks it in the
    admin is told what is missing, if anything)."""
    if mapped.online.level is None:
        return
    level, legacy = mapped.online.level, mapped.online.legacy
    page.record_online_level, page.record_legacy_level = level, legacy
    page.online_level, page.legacy_level, _problems = advertised_levels(page, level, legacy, check_form=False)


def _keep_online_modes(mapped: MappedProcedure, state: "PageState | None") -> None:
    """How each document is asked for online is the editor's choice (procedures/online.py), which no
    national record carries: a document keeps it, by name, unless the record says (the portal's own
    export does)."""
    if state is None or not mapped.components:
        return
    fields = CHILDREN["components"][1]
    name_at, mode_at = fields.index("name"), fields.index("online_mode")
    chosen = {row[name_at]: row[mode_at] for row in state.children.get("components", ()) if row[mode_at]}
    for row in mapped.components:
        if "online_mode" not in row:
            row["online_mode"] = chosen.get(row["name"], "")


def _apply_detailed(
    page: ProcedurePage, mapped: MappedProcedure, catalog: RunCatalog, state: "PageState | None" = None
) -> None:
    old_implementing = (page.implementing_agency_text, page.implementing_agency_id)
    old_competent = (page.competent_agency_text, page.competent_agency_id)
    _set_name(page, mapped)
    for attr, value in mapped.attrs.items():
        setattr(page, attr, value)
    page.field = catalog.field(mapped.field_name)
    # An agency link an editor set stays while the source's text for it is unchanged.
    if not (old_implementing[1] and old_implementing[0] == page.implementing_agency_text):
        page.implementing_agency = catalog.agency(mapped.implementing_agency_name)
    if not (old_competent[1] and old_competent[0] == page.competent_agency_text):
        page.competent_agency = catalog.agency(mapped.competent_agency_name)
    if mapped.agency_ids is not None:  # the portal's own export: the links as they were
        _set_agency_links(page, mapped.agency_ids)
    if mapped.level_codes is not None:
        page.levels = catalog.level_records(mapped.level_codes)
    _set_online(page, mapped)
    if mapped.record_levels is not None:
        page.record_online_level, page.record_legacy_level = mapped.record_levels
    page.import_notes = list(mapped.notes if mapped.page_notes is None else mapped.page_notes)
    _keep_existing_documents(mapped)
    _keep_online_modes(mapped, state)
    for relation, (model, _fields) in CHILDREN.items():
        rows = getattr(mapped, relation)
        setattr(page, relation, [model(**row) for row in rows or ()])
    if not page._state.adding:
        _keep_component_rows(page)


def _keep_component_rows(page: ProcedurePage) -> None:
    """A document that is still there, by name, stays the same row: the online form's upload slots
    and what citizens uploaded point at it (a new row would leave the slots unnamed, "Giấy tờ")."""
    stored: dict[str, list[int]] = {}
    for pk, name in (
        DossierComponent.objects.filter(page_id=page.pk)
        .order_by("sort_order", "pk")
        .values_list("pk", "name")
    ):
        stored.setdefault(name, []).append(pk)
    for component in page.components.all():
        same = stored.get(component.name)
        if same:
            component.pk = component.id = same.pop(0)


def _set_agency_links(page: ProcedurePage, ids: dict) -> None:
    from agencies.models import Agency

    wanted = {pk for pk in ids.values() if pk}
    existing = set(Agency.objects.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    for attr, key in (("implementing_agency_id", "implementing"), ("competent_agency_id", "competent")):
        pk = ids.get(key)
        if pk is None:
            setattr(page, attr, None)
        elif pk in existing:
            setattr(page, attr, pk)
        # An agency this portal does not have: the link made from the name stays.


def _keep_existing_documents(mapped: MappedProcedure) -> None:
    """Form files named by the portal's own export link only where that file exists in this portal
    (an export taken elsewhere names files this portal does not have: the titles stay, unlinked)."""
    rows = [(row, "form_document_id") for row in mapped.components or ()]
    rows += [(row, "document_id") for row in mapped.documents or ()]
    wanted = {row[key] for row, key in rows if row.get(key)}
    if not wanted:
        return
    from wagtail.documents import get_document_model

    existing = set(get_document_model().objects.filter(pk__in=wanted).values_list("pk", flat=True))
    for row, key in rows:
        if row.get(key) and row[key] not in existing:
            row[key] = None


def _apply_index(page: ProcedurePage, mapped: MappedProcedure, catalog: RunCatalog) -> None:
    """An index record on a new page or on a page made from an index: the index is all we know."""
    if mapped.name:
        _set_name(page, mapped)
    if mapped.field_name:
        page.field = catalog.field(mapped.field_name)
    if mapped.level_codes:
        page.levels = catalog.level_records(mapped.level_codes)
    for attr, value in mapped.attrs.items():
        if value:
            setattr(page, attr, value)
    _set_online(page, mapped)
    page.import_notes = list(mapped.notes)


def _apply_index_over_detail(
    page: ProcedurePage, mapped: MappedProcedure, catalog: RunCatalog, *, has_levels: bool
) -> None:
    """An index record on a detailed page: it sets the online level and fills only what is empty."""
    _set_online(page, mapped)
    if mapped.field_name and page.field_id is None:
        page.field = catalog.field(mapped.field_name)
    if mapped.level_codes and not has_levels:
        page.levels = catalog.level_records(mapped.level_codes)
    for attr in _INDEX_FILL_ATTRS:
        value = mapped.attrs.get(attr)
        if value and not getattr(page, attr):
            setattr(page, attr, value)


def hold_empty_relations(page: ProcedurePage) -> None:
    """A new page's relations the record did not fill are empty: say so in memory, so that reading
    them (completeness, revision content, indexes) does not query the database once the page has an id."""
    assigned = getattr(page, "_cluster_related_objects", {})
    for relation in (*CHILDREN, "levels"):
        if relation not in assigned:
            setattr(page, relation, [])


def create_page(page: ProcedurePage, *, parent, user=None) -> None:
    """One new page through Wagtail's own API (add_child as draft, first revision, publish).

    The run creates new pages in bulk (bulk.py); this path is used when a bulk insert fails, to
    find the one record at fault and save all the others.
    """
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action="wagtail.create")
    revision.publish(user=user)
    update_references(page)


def publish_changes(page: ProcedurePage, *, user=None) -> None:
    """A new revision of an existing page, published, with Wagtail's own API."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    update_references(page)


def update_references(obj) -> None:
    """The page's entry in Wagtail's reference index (the run disables the per-save updates)."""
    ReferenceIndex.create_or_update_for_object(obj)
