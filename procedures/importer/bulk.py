"""Creating many new procedure pages at once, with the end state Wagtail's own API would leave.

Creating a page the usual way (add_child as a draft, save_revision, revision.publish) costs about a
hundred queries and three page writes per page: the national file would take minutes. For pages that
do not exist yet the end state is known in advance, so a batch is written with a few bulk inserts:

- the `wagtailcore_page` rows (tree `path`/`depth` numbered after the parent's last child, the
  parent's `numchild` raised once, `url_path` from the parent, live, first/last published now) and
  the `procedures_procedurepage` rows; the fields `ProcedurePage.save()` derives are derived here by
  `prepare_like_save` (a test checks that a later `save()` finds nothing to change);
- the child rows (channels, dossier, results, legal basis, forms) and the level links;
- one revision per page holding `page.serializable_data()`, set as both latest and live revision;
- the "wagtail.create" and "wagtail.publish" log entries;
- Wagtail's reference index and search index entries (its per-save signals are off during a run);
- the `page_published` and `published` signals, sent per page as a publish would.

Values are validated first (`clean_fields` of the page and of every row), so a bad record is
reported and left out before anything is written.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, published

from ..codes import base_code
from ..completeness import missing_fields
from ..models import ProcedurePage
from .indexes import index_new_objects
from .pages import CHILDREN

__all__ = ["prepare_like_save", "validate_new_page", "bulk_create_pages"]

# Rows per multi-row INSERT of pages: about 70 columns, well inside SQLite's and PostgreSQL's limits
# on query parameters.
_ROWS_PER_INSERT = 100

# Page fields set by the tree or by this module, or foreign keys the importer itself resolved.
_NOT_VALIDATED = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "translation_key",
    "draft_title",
    "content_type",
    "locale",
    "owner",
    "live_revision",
    "latest_revision",
    "alias_of",
    "locked_by",
    "page_ptr",
    "field",
    "implementing_agency",
    "competent_agency",
    "successor",
    "levels",
}


def prepare_like_save(page: ProcedurePage) -> None:
    """What ProcedurePage.save() derives before writing (code, national code, name, missing info)."""
    page.code = page.code.strip()
    page.base_code = base_code(page.code)
    if not page.official_name:
        page.official_name = page.title
    page.missing_info = missing_fields(page)


def validate_new_page(page: ProcedurePage) -> None:
    """Field-level validation of an unsaved page and its rows; raises ValidationError."""
    exclude = [field.name for field in page._meta.get_fields() if field.name in _NOT_VALIDATED]
    page.clean_fields(exclude=exclude)
    for relation in CHILDREN:
        for row in getattr(page, relation).all():
            row.clean_fields(exclude=["page", "form_document", "document"])


def bulk_create_pages(pages: list[ProcedurePage], *, parent: Page, user=None) -> None:
    """Insert `pages` (unsaved, validated, children in memory) as live children of `parent`."""
    if not pages:
        return
    db = router.db_for_write(Page)
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(ProcedurePage)
    base_type = ContentType.objects.get_for_model(Page)

    # The tree: lock the parent as treebeard does, number the new children after the last one.
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, depth, position)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = page_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
        page.draft_title = page.title
        prepare_like_save(page)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    # Page rows: the base table, then the procedure table, with the low-level insert Model.save() uses
    # for each table of a multi-table model (bulk_create does not do multi-table inheritance).
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    local_fields = list(ProcedurePage._meta.local_concrete_fields)
    returning = Page._meta.db_returning_fields
    for start in range(0, len(pages), _ROWS_PER_INSERT):
        part = pages[start : start + _ROWS_PER_INSERT]
        # SQLite (3.35+) and PostgreSQL return the new ids of a multi-row insert.
        rows = Page._base_manager._insert(part, fields=base_fields, returning_fields=returning, using=db)
        for page, row in zip(part, rows, strict=True):
            page.id = page.page_ptr_id = row[0]
            page._state.adding = False
            page._state.db = db
        ProcedurePage._base_manager._insert(part, fields=local_fields, using=db)

    # Rows of the child relations and the level links.
    for relation, (model, _fields) in CHILDREN.items():
        rows = []
        for page in pages:
            for order, row in enumerate(getattr(page, relation).all()):
                row.page_id = page.pk
                row.sort_order = order
                rows.append(row)
        model.objects.bulk_create(rows)
    through = ProcedurePage.levels.through
    through.objects.bulk_create(
        [
            through(procedurepage_id=page.pk, implementationlevelrecord_id=level.pk)
            for page in pages
            for level in page.levels.all()
        ]
    )

    # One revision per page, latest and live.
    revisions = []
    for page in pages:
        setattr(page, COMMENTS_RELATION_NAME, [])  # a new page has no comments; saves a query
        revisions.append(
            Revision(
                content_type=page_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                created_at=now,
                user=user,
                content=page.serializable_data(),
                object_str=str(page),
            )
        )
    Revision.objects.bulk_create(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    _set_revisions(
        db, [(revision.pk, revision.pk, page.pk) for page, revision in zip(pages, revisions, strict=True)]
    )

    # Log entries, as the admin writes them when a page is created and published.
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        action_uuid = uuid.uuid4()
        for action in ("wagtail.create", "wagtail.publish"):
            entries.append(
                PageLogEntry(
                    content_type=page_type,
                    label=page.get_admin_display_title(),
                    action=action,
                    data={},
                    timestamp=now,
                    uuid=action_uuid,
                    user=user,
                    page_id=page.pk,
                    revision=revision,
                    content_changed=True,
                )
            )
    PageLogEntry.objects.bulk_create(entries)

    index_new_objects(ProcedurePage, pages)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=ProcedurePage, instance=page, revision=revision)
        published.send(sender=ProcedurePage, instance=page, revision=revision)


def _set_revisions(db: str, rows: list[tuple[int, int, int]]) -> None:
    """Point each new page at its revision: one prepared UPDATE run for all rows of the batch
    (Django's bulk_update builds a CASE expression per row, several times slower here)."""
    connection = connections[db]
    quote = connection.ops.quote_name
    column = Page._meta.get_field
    sql = (
        f"UPDATE {quote(Page._meta.db_table)} SET {quote(column('latest_revision').column)} = %s, "
        f"{quote(column('live_revision').column)} = %s WHERE {quote(Page._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
