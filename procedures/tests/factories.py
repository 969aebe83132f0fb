"""Test data for the catalog, created through Wagtail's own APIs (add_child, save_revision().publish()).

Other apps' tests may use these too: `make_procedure(index=catalog_index(), ...)`.
"""

from __future__ import annotations

import itertools

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from agencies.models import Agency
from home.models import HomePage
from procedures.constants import ProcedureStatus
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

__all__ = [
    "catalog_index",
    "home_page",
    "make_agency",
    "make_document",
    "make_field",
    "make_full_procedure",
    "make_procedure",
]

_codes = itertools.count(100001)


_sequence = itertools.count()


def make_field(**values) -> Field:
    """A field of the catalog, found by its slug or created (name and slug numbered when not given)."""
    n = next(_sequence)
    slug = values.pop("slug", f"linh-vuc-thu-{n}")
    values.setdefault("name", f"Lĩnh vực thử {n}")
    return Field.objects.get_or_create(slug=slug, defaults=values)[0]


def make_agency(**values) -> Agency:
    """An agency, found by its slug or created (name and slug numbered when not given)."""
    n = next(_sequence)
    slug = values.pop("slug", f"co-quan-thu-{n}")
    values.setdefault("name", f"Cơ quan thử {n}")
    return Agency.objects.get_or_create(slug=slug, defaults=values)[0]


def home_page() -> HomePage:
    """The home page created by home's data migration (re-created, with its site, after a flush)."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    # Transactional tests (live_server) flush the tables that data migrations filled.
    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Cổng Dịch vụ công", slug="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Cổng Dịch vụ công"},
    )
    return home


def catalog_index(*, home: HomePage | None = None, title: str = "Thủ tục hành chính") -> ProcedureIndexPage:
    """The (single) catalog index page, created and published under the home page if missing."""
    existing = ProcedureIndexPage.objects.first()
    if existing is not None:
        return existing
    home = home or home_page()
    index = ProcedureIndexPage(title=title, slug="thu-tuc-hanh-chinh")
    home.add_child(instance=index)
    index.save_revision().publish()
    return ProcedureIndexPage.objects.get(pk=index.pk)


def levels(*codes: str) -> list[ImplementationLevelRecord]:
    return [ImplementationLevelRecord.objects.get_or_create(code=code)[0] for code in codes]


def make_document(title: str = "Mẫu tờ khai", *, name: str = "to-khai.docx", data: bytes = b"x" * 2048):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=name), file_size=len(data))
    document.save()
    return document


def make_procedure(
    *,
    index: ProcedureIndexPage | None = None,
    title: str = "Đăng ký khai sinh",
    code: str | None = None,
    level_codes: tuple[str, ...] = ("commune",),
    channels: list[dict] | None = None,
    components: list[dict] | None = None,
    results: list[dict] | None = None,
    legal_bases: list[dict] | None = None,
    documents: list[dict] | None = None,
    publish: bool = True,
    **fields,
) -> ProcedurePage:
    """A procedure page under the catalog, published (as editors and the importer do) unless told not."""
    index = index or catalog_index()
    code = code or f"1.{next(_codes):06d}"
    fields.setdefault("slug", f"thu-tuc-{code.replace('.', '-').lower()}")
    page = ProcedurePage(
        title=title,
        code=code,
        channels=[ProcedureChannel(**row) for row in channels or []],
        components=[DossierComponent(**row) for row in components or []],
        results=[ProcedureResult(**row) for row in results or []],
        legal_bases=[LegalBasis(**row) for row in legal_bases or []],
        documents=[ProcedureDocument(**row) for row in documents or []],
        **fields,
    )
    page.levels = levels(*level_codes)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish()
    return ProcedurePage.objects.get(pk=page.pk)


def make_full_procedure(*, index: ProcedureIndexPage | None = None, **overrides) -> ProcedurePage:
    """A procedure with every field of the national record filled, two channels and downloadable forms."""
    field = overrides.pop("field", None) or make_field(name="Hộ tịch", slug="ho-tich")
    agency = overrides.pop("implementing_agency", None) or make_agency(
        name="Ủy ban nhân dân xã Tân Phú", slug="ubnd-xa-tan-phu", address="Số 1 đường Hùng Vương"
    )
    form = make_document("Tờ khai đăng ký khai sinh", name="to-khai-khai-sinh.docx", data=b"d" * 30_000)
    guide = make_document("Hướng dẫn điền tờ khai", name="huong-dan.pdf", data=b"p" * 2_500_000)
    values = {
        "title": "Đăng ký khai sinh",
        "code": "1.001193.000.00.00.H36",
        "field": field,
        "implementing_agency": agency,
        "competent_agency": agency,
        "delegated_agency_text": "Không có",
        "coordinating_agency_text": "Công an xã",
        "issuing_agency_text": "Bộ Tư pháp",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "publishing_decision": "1872/QĐ-BTP",
        "submission_place": "Trung tâm phục vụ hành chính công xã Tân Phú",
        "applicants": "Công dân Việt Nam\nNgười nước ngoài cư trú tại Việt Nam",
        "steps": (
            "- Bước 1: Người yêu cầu nộp hồ sơ.\n"
            "+ Trường hợp nộp trực tuyến: đăng nhập Cổng Dịch vụ công.\n"
            "- Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ.\n\n"
            "- Bước 3: Trả kết quả."
        ),
        "requirements": "Người đi đăng ký khai sinh phải xuất trình giấy tờ tùy thân.",
        "results_text": "",
        "legal_basis_text": "Luật Hộ tịch số 60/2014/QH13",
        "description": "Đăng ký việc sinh cho trẻ em.",
        "keywords": "khai sinh, giấy khai sinh",
        "online_level": "full",
        "legacy_level": "4",
        "status": ProcedureStatus.ACTIVE,
        "source_url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
        "source_label": "Cơ sở dữ liệu quốc gia về thủ tục hành chính",
        "level_codes": ("commune",),
        "channels": [
            {
                "kind": "direct",
                "label": "Trực tiếp",
                "time_limit_text": "Ngay trong ngày làm việc",
                "fee_text": "Miễn lệ phí",
                "fee_amount": 0,
                "description": "Nộp tại bộ phận một cửa.\nGiờ hành chính các ngày làm việc.",
            },
            {
                "kind": "online",
                "label": "Trực tuyến",
                "time_limit_text": "3 Ngày làm việc",
                "time_limit_value": 3,
                "time_limit_unit": "working_days",
                "fee_text": "Lệ phí : 8.000 Đồng (trường hợp đăng ký quá hạn)",
                "fee_amount": 8000,
                "description": "Qua Cổng Dịch vụ công quốc gia.",
            },
        ],
        "components": [
            {"group": "Giấy tờ phải nộp", "name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0,
             "form_name": "Tờ khai đăng ký khai sinh", "form_document": form},
            {"group": "Giấy tờ phải nộp", "name": "Giấy chứng sinh", "originals": 1, "copies": 0},
            {"group": "Giấy tờ phải xuất trình", "name": "Căn cước của người đi đăng ký",
             "quantity_text": "Xuất trình bản chính"},
        ],
        "results": [{"name": "Giấy khai sinh (bản chính)", "code": "KQ-001"}],
        "legal_bases": [
            {"number": "60/2014/QH13", "summary": "Luật Hộ tịch", "issued_on": "20/11/2014", "issuer": "Quốc hội"},
        ],
        "documents": [{"title": "Hướng dẫn điền tờ khai", "document": guide}],
    }  # fmt: skip
    values.update(overrides)
    return make_procedure(index=index, **values)
