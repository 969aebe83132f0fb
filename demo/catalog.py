"""The demo catalog's pages: the catalog index, one procedure page per spec, the home page's selections.

Pages are created and changed through Wagtail's own API (add_child, save_revision().publish()), so
they have revisions, log entries and search index updates like pages made by editors. A page whose
data digest has not changed since the last run is left alone: no new revision, and an editor's later
changes to it are kept.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from agencies.models import Agency
from home.models import FeaturedProcedure, HomePage, LifeEvent
from procedures.models import (
    DossierComponent,
    Field,
    ImplementationLevelRecord,
    LegalBasis,
    ProcedureChannel,
    ProcedureDocument,
    ProcedureIndexPage,
    ProcedurePage,
    ProcedureResult,
)

from .data.common import LEGACY_FOR
from .data.home import FEATURED_CODES, LIFE_EVENTS
from .data.procedures import PROCEDURES
from .records import digest_of, records_with_prefix, remember

__all__ = ["CATALOG_SLUG", "ensure_catalog_index", "load_home", "load_procedures"]

CATALOG_TITLE = "Thủ tục hành chính"
CATALOG_SLUG = "thu-tuc-hanh-chinh"
CATALOG_INTRO = (
    "<p>Danh mục thủ tục hành chính áp dụng trên địa bàn tỉnh Tây Ninh, do Sở Tư pháp cập nhật. Tìm theo "
    "lĩnh vực, cơ quan thực hiện, cấp thực hiện hoặc mức độ dịch vụ công trực tuyến.</p>"
)
# Bump when the way specs become pages changes, so that the next run re-applies every page once.
PAGE_BUILDER_VERSION = 1


def ensure_catalog_index() -> ProcedureIndexPage:
    """The (single) catalog index under the home page, created and published when missing."""
    index = ProcedureIndexPage.objects.order_by("path").first()
    if index is not None:
        return index
    home = HomePage.objects.order_by("path").first()
    if home is None:
        raise RuntimeError("Chưa có trang chủ: hãy chạy `manage.py migrate` trước `load_demo`.")
    index = ProcedureIndexPage(title=CATALOG_TITLE, slug=CATALOG_SLUG, intro=CATALOG_INTRO)
    home.add_child(instance=index)
    index.save_revision().publish()
    return ProcedureIndexPage.objects.get(pk=index.pk)


def _slug_for(spec: dict, taken: set[str]) -> str:
    slug = slugify(anyascii(spec["title"]))[:200].strip("-") or spec["code"].replace(".", "-")
    if slug in taken:
        slug = f"{slug}-{spec['code'].replace('.', '-')}"
    return slug


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _apply(page: ProcedurePage, spec: dict, *, refs: dict) -> None:
    """Copy a spec onto a page (fields and child rows, in memory)."""
    page.title = spec["title"]
    page.code = spec["code"]
    page.official_name = spec.get("official_name", spec["title"])
    page.field = refs["fields"].get(spec.get("field"))
    page.implementing_agency = refs["agencies"].get(spec.get("agency"))
    page.implementing_agency_text = page.implementing_agency.name if page.implementing_agency else ""
    page.competent_agency_text = spec.get("competent_text", "")
    page.delegated_agency_text = spec.get("delegated_text", "")
    page.coordinating_agency_text = spec.get("coordinating_text", "")
    page.procedure_type = spec.get("procedure_type", "")
    page.publishing_decision = spec.get("publishing_decision", "")
    page.submission_place = spec.get("submission_place", "")
    page.applicants = spec.get("applicants", "")
    page.steps = spec.get("steps", "")
    page.requirements = spec.get("requirements", "")
    page.description = spec.get("description", "")
    page.keywords = spec.get("keywords", "")
    page.online_level = spec["online_level"]
    page.legacy_level = LEGACY_FOR[spec["online_level"]]
    page.status = spec.get("status", "active")
    page.effective_from = _date(spec.get("effective_from"))
    page.effective_to = _date(spec.get("effective_to"))
    page.successor = refs["pages"].get(spec.get("successor")) if spec.get("successor") else None
    page.source_label = "Dữ liệu mẫu của Cổng (demo)"
    page.search_description = page.official_name[:255]
    page.levels = [refs["levels"][code] for code in spec.get("levels", [])]

    documents = refs["documents"]
    page.channels = [
        ProcedureChannel(
            sort_order=i,
            kind=row["kind"],
            label=row["label"],
            time_limit_text=row["time_limit_text"],
            time_limit_value=Decimal(row["time_limit_value"])
            if row["time_limit_value"] is not None
            else None,
            time_limit_unit=row["time_limit_unit"],
            fee_text=row["fee_text"],
            fee_amount=row["fee_amount"],
            description=row["description"],
        )
        for i, row in enumerate(spec.get("channels", []))
    ]
    page.components = [
        DossierComponent(
            sort_order=i,
            group=row["group"],
            name=row["name"],
            originals=row["originals"],
            copies=row["copies"],
            quantity_text=row["quantity_text"],
            form_name=row["form_name"],
            form_document=documents.get(row["form"]) if row["form"] else None,
            online_mode=row.get("online_mode", ""),
        )
        for i, row in enumerate(spec.get("components", []))
    ]
    page.results = [
        ProcedureResult(sort_order=i, name=row["name"], code=row["code"])
        for i, row in enumerate(spec.get("results", []))
    ]
    page.legal_bases = [
        LegalBasis(
            sort_order=i,
            number=row["number"],
            summary=row["summary"],
            issued_on=row["issued_on"],
            issuer=row["issuer"],
        )
        for i, row in enumerate(spec.get("legal", []))
    ]
    page.documents = [
        ProcedureDocument(sort_order=i, title=documents[slug].title, document=documents[slug])
        for i, slug in enumerate(slug for slug in spec.get("forms", []) if slug in documents)
    ]


def load_procedures(*, index: ProcedureIndexPage, documents: dict) -> tuple[dict[str, ProcedurePage], dict]:
    """Create or update the demo procedures; returns (pages by code, counts)."""
    refs = {
        "fields": {field.slug: field for field in Field.objects.all()},
        "agencies": {agency.slug: agency for agency in Agency.objects.all()},
        "levels": {level.code: level for level in ImplementationLevelRecord.objects.all()},
        "documents": documents,
    }
    codes = [spec["code"] for spec in PROCEDURES]
    pages = {page.code: page for page in ProcedurePage.objects.filter(code__in=codes)}
    refs["pages"] = pages
    records = records_with_prefix("page:")
    taken = set(index.get_children().values_list("slug", flat=True))
    stats = {"procedures": len(PROCEDURES), "created": 0, "updated": 0, "unchanged": 0}

    for spec in PROCEDURES:
        key = f"page:{spec['code']}"
        form_ids = {slug: getattr(documents.get(slug), "pk", None) for slug in _form_slugs(spec)}
        digest = digest_of(spec, form_ids, PAGE_BUILDER_VERSION)
        page = pages.get(spec["code"])
        record = records.get(key)
        expected_agency = refs["agencies"].get(spec.get("agency"))
        if (
            page is not None
            and record is not None
            and record.digest == digest
            and page.live
            and page.implementing_agency_id == getattr(expected_agency, "pk", None)
        ):
            stats["unchanged"] += 1
            continue
        if page is None:
            page = ProcedurePage(slug=_slug_for(spec, taken))
            taken.add(page.slug)
            _apply(page, spec, refs=refs)
            with disable_reference_index_auto_update():
                index.add_child(instance=page)
            stats["created"] += 1
        else:
            page = page.get_latest_revision_as_object()
            _apply(page, spec, refs=refs)
            stats["updated"] += 1
        with disable_reference_index_auto_update():
            page.save_revision(log_action=True).publish()
        page = ProcedurePage.objects.get(pk=page.pk)
        ReferenceIndex.create_or_update_for_object(page)  # once, instead of on every save of every row
        pages[spec["code"]] = page
        remember(key, digest, page.pk)
    return pages, stats


def _form_slugs(spec: dict) -> list[str]:
    slugs = [row["form"] for row in spec.get("components", []) if row.get("form")]
    return sorted(set(slugs) | set(spec.get("forms", [])))


def load_home(*, pages: dict[str, ProcedurePage]) -> str:
    """Set the home page's most-used procedures and life events; 'created', 'updated' or 'unchanged'."""
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return "missing"
    featured = [pages[code].pk for code in FEATURED_CODES if code in pages]
    digest = digest_of(FEATURED_CODES, featured, LIFE_EVENTS)
    records = records_with_prefix("home:")
    record = records.get("home:selections")
    if record is not None and record.digest == digest:
        return "unchanged"
    home = home.get_latest_revision_as_object()
    home.featured_procedures = [
        FeaturedProcedure(sort_order=i, procedure_id=pk) for i, pk in enumerate(featured)
    ]
    home.life_events = [
        LifeEvent(sort_order=i, title=event["title"], description=event["description"], query=event["query"])
        for i, event in enumerate(LIFE_EVENTS)
    ]
    with disable_reference_index_auto_update():
        home.save_revision(log_action=True).publish()
    ReferenceIndex.create_or_update_for_object(HomePage.objects.get(pk=home.pk))
    remember("home:selections", digest, home.pk)
    return "updated" if record is not None else "created"
