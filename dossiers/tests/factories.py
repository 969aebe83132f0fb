"""Builders for online-submission tests (plain functions; accounts, forms, dossiers and the browser
test use them). Procedures are created through Wagtail's own APIs."""

from __future__ import annotations

import io
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from PIL import Image
from wagtail.models import Locale, Page, Site

from accounts.models import CitizenProfile
from agencies.models import Agency
from forms.models import OnlineForm
from forms.services import sync_upload_slots
from home.models import HomePage
from procedures.models import DossierComponent, ProcedureChannel, ProcedureIndexPage, ProcedurePage

__all__ = [
    "PASSWORD",
    "eicar_bytes",
    "jpeg_bytes",
    "make_citizen",
    "make_online_procedure",
    "pdf_bytes",
    "png_bytes",
    "wizard_data",
]

PASSWORD = "Ho-so-truc-tuyen-2025"
_seq = itertools.count(1)


def make_citizen(*, email: str | None = None, phone: str | None = None, verified: bool = True, **profile):
    n = next(_seq)
    email = email or f"cong.dan{n}@example.vn"
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    profile.setdefault("full_name", "Nguyễn Thị Minh Khai")
    CitizenProfile.objects.create(
        user=user,
        phone=phone or f"09{n:08d}",
        email_verified_at=timezone.now() if verified else None,
        **profile,
    )
    return user


def _catalog_index() -> ProcedureIndexPage:
    ContentType.objects.clear_cache()  # a transactional test may have flushed and reloaded them
    index = ProcedureIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        if home is None:  # a transactional test flushed the data migrations' rows
            Locale.objects.get_or_create(language_code="vi")
            root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
            home = HomePage(title="Trang chủ", slug="trang-chu")
            root.add_child(instance=home)
        if not Site.objects.exists():
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_online_procedure(
    *,
    code: str | None = None,
    title: str = "Đăng ký thành lập hộ kinh doanh",
    agency_code: str = "000.00.12.H53",
    time_limit: tuple = (Decimal(3), "working_days"),
    steps: list | None = None,
    slots: dict | None = None,
) -> ProcedurePage:
    """A live procedure marked online (toàn trình) with an online channel, two dossier components,
    an agency with a code and an active online form (one editor step; upload slots synced from the components)."""
    n = next(_seq)
    code = code or f"1.{900000 + n:06d}"
    agency = Agency.objects.create(name=f"Phòng Kinh tế {n}", slug=f"phong-kinh-te-{n}", code=agency_code)
    page = ProcedurePage(
        title=title,
        code=code,
        slug=f"thu-tuc-{code.replace('.', '-')}",
        implementing_agency=agency,
        online_level="full",
        channels=[
            ProcedureChannel(kind="direct", time_limit_text="05 ngày làm việc"),
            ProcedureChannel(kind="online", time_limit_value=time_limit[0], time_limit_unit=time_limit[1]),
        ],
        components=[
            DossierComponent(name="Giấy đề nghị đăng ký hộ kinh doanh", originals=1),
            DossierComponent(name="Bản sao hợp đồng thuê địa điểm", copies=1),
        ],
    )
    _catalog_index().add_child(instance=page)
    page.save_revision().publish()
    page = ProcedurePage.objects.get(pk=page.pk)
    form = OnlineForm.objects.create(
        procedure=page,
        intro="Khai thông tin hộ kinh doanh.",
        steps=steps
        if steps is not None
        else [
            {
                "type": "step",
                "value": {
                    "title": "Thông tin hộ kinh doanh",
                    "intro": "",
                    "fields": [
                        {"label": "Tên hộ kinh doanh", "name": "ten_ho", "kind": "text", "required": True},
                        {"label": "Ngành nghề kinh doanh", "name": "nganh_nghe", "kind": "textarea", "required": True},
                        {"label": "Vốn kinh doanh (đồng)", "name": "von", "kind": "number", "required": True, "min_value": 0},
                        {"label": "Ngày bắt đầu hoạt động", "name": "ngay_bat_dau", "kind": "date", "required": False},
                        {"label": "Loại địa điểm", "name": "loai_dia_diem", "kind": "choice", "required": True,
                         "choices": "Nhà riêng\nĐịa điểm thuê"},
                        {"label": "Điện thoại hộ kinh doanh", "name": "dien_thoai", "kind": "phone", "required": False},
                        {"label": "Thư điện tử hộ kinh doanh", "name": "email_hkd", "kind": "email", "required": False},
                        {"label": "CCCD chủ hộ", "name": "cccd_chu_ho", "kind": "citizen_id", "required": False},
                        {"label": "Địa điểm kinh doanh", "name": "dia_diem", "kind": "address", "required": True},
                        {"label": "Đăng ký thuế cùng lúc", "name": "dang_ky_thue", "kind": "checkbox", "required": False},
                    ],
                },
            }
        ],
    )  # fmt: skip
    sync_upload_slots(form=form)
    first, second = form.upload_slots.order_by("sort_order")
    first.required, first.max_files = True, 2
    first.save()
    second.required, second.accept_jpg, second.accept_png = False, True, True
    second.save()
    for key, values in (slots or {}).items():
        slot = form.upload_slots.order_by("sort_order")[key]
        for attr, value in values.items():
            setattr(slot, attr, value)
        slot.save()
    return page


def wizard_data(step: str, values: dict) -> dict:
    """POST data for one wizard step (prefixes as the wizard renders them)."""
    data = {"nop_ho_so-current_step": step}
    for key, value in values.items():
        data[f"{step}-{key}"] = value
    return data


def pdf_bytes(text: str = "Giay de nghi") -> bytes:
    """A small valid PDF (one page, one line of text)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def png_bytes(size=(40, 30), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(size=(40, 30), exif_gps: bool = False) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 200))
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "CameraMaker"  # Make
        exif[0x9286] = "ghi chu bi mat"  # UserComment (in the IFD0 here; enough to prove stripping)
        image.save(out, format="JPEG", exif=exif.tobytes())
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def eicar_bytes() -> bytes:
    """The EICAR anti-virus test string (harmless by design), assembled so this file is not flagged."""
    return b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!" + b"$H+H*"
