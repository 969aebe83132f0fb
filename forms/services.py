"""Public API of the forms app."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation

from core.pagecache import cached_by_content
from procedures.constants import ComponentMode
from procedures.online import acceptance_problems

from .models import FormVersion, OnlineForm, UploadSlot
from .schema import build_schema, schema_hash

__all__ = ["active_form_for", "current_version", "sync_upload_slots"]


def active_form_for(procedure) -> OnlineForm | None:
    """The form a citizen fills in for this procedure, if it takes dossiers online now, else None.

    Every live procedure advertised online takes them (procedures/online.py): one without a form an
    editor built gets an empty one here, and the submission is then built from its record (the
    applicant, and its dossier components as uploads: forms/schema.py)."""
    if procedure is None or not getattr(procedure, "live", False) or not procedure.is_online:
        return None
    if acceptance_problems(procedure):
        return None
    form = OnlineForm.objects.filter(procedure=procedure).first()
    if form is None:
        try:
            with transaction.atomic():
                form = OnlineForm.objects.create(procedure=procedure)
        except IntegrityError:  # created by a concurrent request
            form = OnlineForm.objects.get(procedure=procedure)
    return form if form.is_active else None


def current_version(form: OnlineForm) -> FormVersion:
    """The frozen version matching the form's current definition, created if it changed.

    The definition is built from the form, its procedure's record and its upload slots: published
    content only, so it is kept per content version (core.pagecache; these apps' models replace the
    version when written)."""

    def build():
        with translation.override("vi"):
            return build_schema(form)

    schema = cached_by_content("form-schema", (form.pk,), build)
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
    """Add an upload slot for each of the procedure's dossier components asked for online that has
    none yet (required as its online mode says); returns how many were added. Editors then adjust
    limits and types. A form with no slots at all takes the components as they are (forms/schema.py)."""
    used = set(form.upload_slots.exclude(component=None).values_list("component_id", flat=True))
    added = 0
    start = form.upload_slots.count()
    for component in form.procedure.components.all().order_by("sort_order", "pk"):
        mode = component.effective_online_mode
        if component.pk in used or mode not in (ComponentMode.REQUIRED, ComponentMode.OPTIONAL):
            continue
        UploadSlot.objects.create(
            form=form, component=component, sort_order=start + added, required=mode == ComponentMode.REQUIRED
        )
        added += 1
    return added
