"""Wagtail's search and reference indexes for objects the importer wrote in bulk.

During a run Wagtail's per-save index updates are off (the reference index by Wagtail's own switch;
bulk inserts send no post_save, so the search backends are not told): this module writes both
indexes once per batch. The portal's own search index is kept by the search app, which subscribes to
procedures.signals (catalog_import_started, catalog_imported).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed
from wagtail.models import ReferenceIndex

__all__ = ["index_new_objects"]


def index_new_objects(model, objs: list) -> None:
    """Add new (never indexed) objects of `model` to the search backends and the reference index."""
    if not objs:
        return
    if class_is_indexed(model):
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objs)
    if ReferenceIndex.is_indexed(model):
        _references(model, objs)


def _references(model, objs: list) -> None:
    extract = getattr(ReferenceIndex, "_extract_references_from_object", None)
    if extract is None:  # a Wagtail without the helper: its public, per-object method
        for obj in objs:
            ReferenceIndex.create_or_update_for_object(obj)
        return
    # As ReferenceIndex.create_or_update_for_object does, for objects that have no entries yet.
    types = [
        ContentType.objects.get_for_model(m, for_concrete_model=False)
        for m in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = types[0], types[-1]
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=obj.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objs
        for to_content_type_id, to_object_id, model_path, content_path in set(extract(obj))
    ]
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=connection.features.supports_ignore_conflicts)
