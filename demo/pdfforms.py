"""The demo catalog's downloadable forms: small PDFs rendered with WeasyPrint, stored as Wagtail documents.

A form is rendered only when its document is missing or its data (or the template) changed, so a second
`load_demo` run renders nothing. Without WeasyPrint's system libraries the forms are skipped with a
message and the catalog still loads (form names stay on the dossier rows, without files).
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .data.forms import FORMS
from .records import digest_of, records_with_prefix, remember

__all__ = ["COLLECTION_NAME", "load_forms", "render_form_pdf"]

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Mẫu đơn, tờ khai (dữ liệu mẫu)"
TEMPLATE = "demo/form.html"
FOOTER = "Cổng Dịch vụ công tỉnh Tây Ninh – mẫu minh họa"
_TEMPLATE_PATH = Path(__file__).parent / "templates" / TEMPLATE


def render_form_pdf(spec: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        TEMPLATE,
        {"form": spec, "footer": FOOTER, "signatures": spec.get("signatures") or ["Người yêu cầu"]},
    )
    return HTML(string=html).write_pdf()


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def load_forms(*, out=None) -> tuple[dict[str, object], dict[str, int]]:
    """Documents by form slug, and counts {forms, rendered, skipped}."""
    Document = get_document_model()
    template_source = _TEMPLATE_PATH.read_text(encoding="utf-8")
    records = records_with_prefix("form:")
    documents: dict[str, object] = {}
    stats = {"forms": len(FORMS), "rendered": 0, "unchanged": 0, "failed": 0}
    existing = Document.objects.in_bulk([int(r.object_id) for r in records.values() if r.object_id.isdigit()])
    collection = None
    for spec in FORMS:
        key = f"form:{spec['slug']}"
        digest = digest_of(spec, template_source, FOOTER)
        record = records.get(key)
        document = existing.get(int(record.object_id)) if record and record.object_id.isdigit() else None
        if document is not None and record.digest == digest and document.file:
            documents[spec["slug"]] = document
            stats["unchanged"] += 1
            continue
        try:
            pdf = render_form_pdf(spec)
        except (ImportError, OSError) as error:  # WeasyPrint without Pango, missing fonts...
            stats["failed"] += 1
            logger.warning("demo form %s not rendered: %s", spec["slug"], error)
            if out:
                out(f"  Không tạo được tệp PDF cho mẫu {spec['slug']}: {error}")
            continue
        collection = collection or _collection()
        if document is None:
            document = Document(title=spec["title"], collection=collection)
        else:
            document.title = spec["title"]
            if document.file:
                document.file.delete(save=False)
        document.file = ContentFile(pdf, name=f"{spec['slug']}.pdf")
        document.file_size = len(pdf)
        document.file_hash = ""
        document.save()
        document._set_file_hash()
        document.save(update_fields=["file_hash"])
        remember(key, digest, document.pk)
        documents[spec["slug"]] = document
        stats["rendered"] += 1
    return documents, stats
