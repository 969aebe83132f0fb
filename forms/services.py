"""Public API of the forms app."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation

from .models import FormVersion, OnlineForm, UploadSlot
from .schema import build_schema, schema_hash

__all__ = ["active_form_for", "current_version", "sync_upload_slots"]


def active_form_for(procedure) -> OnlineForm | None:
    """The procedure's online form if it accepts dossiers now (form active, procedure live and
    not abolished), else None."""
    if procedure is None or not getattr(procedure, "live", False) or not procedure.is_active:
        return None
    form = OnlineForm.objects.filter(procedure=procedure, is_active=True).first()
    return form


def current_version(form: OnlineForm) -> FormVersion:
    """The frozen version matching the form's current definition, created if it changed."""
    with translation.override("vi"):
        schema = build_schema(form)
    digest = schema_hash(schema)
    existing = FormVersion.objects.filter(form=form, schema_hash=digest).first()
    if existing:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                number = (FormVersion.objects.filter(form=form).aggregate(n=Max("number"))["n"] or 0) + 1
                return FormVersion.objects.create(form=form, number=number, schema=schema, schema_hash=digest)
        except IntegrityError:
            existing = FormVersion.objects.filter(form=form, schema_hash=digest).first()
            if existing:
                return existing
    raise RuntimeError("could not freeze a form version")


def sync_upload_slots(*, form: OnlineForm) -> int:
    """Add an upload slot for each of the procedure's dossier components that has none yet;
    returns how many were added. Editors then adjust required/limits/types."""
    used = set(form.upload_slots.exclude(component=None).values_list("component_id", flat=True))
    added = 0
    start = form.upload_slots.count()
    for component in form.procedure.components.all().order_by("sort_order", "pk"):
        if component.pk in used:
            continue
        UploadSlot.objects.create(form=form, component=component, sort_order=start + added, required=True)
        added += 1
    return added
