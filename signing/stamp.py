"""The verification stamp on a result's first page: a QR code to its verification page, drawn before
the document is signed (so the signature covers it), and turning an image result into a PDF."""

from __future__ import annotations

import io

import segno
from django.template.loader import render_to_string
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

__all__ = ["add_stamp", "image_to_pdf"]

_MM = 72 / 25.4
STAMP_WIDTH_MM = 68
STAMP_HEIGHT_MM = 24
MARGIN_MM = 8


def _stamp_pdf(url: str, dossier_code: str, agency_name: str) -> bytes:
    from weasyprint import HTML

    qr = segno.make(url, error="m")
    html = render_to_string(
        "signing/stamp.html",
        {
            "qr": qr.svg_data_uri(scale=4, border=0),
            "url": url,
            "code": dossier_code,
            "agency": agency_name,
            "width": STAMP_WIDTH_MM,
            "height": STAMP_HEIGHT_MM,
        },
    )
    return HTML(string=html).write_pdf()


def _page_box(page) -> list[float]:
    box = page.get("/CropBox") or page.get("/MediaBox")
    return [float(v) for v in box]


def add_stamp(writer, *, url: str, dossier_code: str, agency_name: str) -> None:
    """Draw the stamp at the bottom right of the first page of `writer` (an IncrementalPdfFileWriter)."""
    stamp = PdfFileReader(io.BytesIO(_stamp_pdf(url, dossier_code, agency_name)))
    xobject = writer.import_page_as_xobject(stamp, 0)
    page_ref, _resources = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    box = page.get("/CropBox") or page.get("/MediaBox")
    if box is None:
        box = writer.root["/Pages"].get("/MediaBox", [0, 0, 595.28, 841.89])
    left, bottom, right, _top = (float(v) for v in box)
    x = max(left, right - (STAMP_WIDTH_MM + MARGIN_MM) * _MM)
    y = bottom + MARGIN_MM * _MM
    resources = generic.DictionaryObject(
        {generic.pdf_name("/XObject"): generic.DictionaryObject({generic.pdf_name("/DvcXacThuc"): xobject})}
    )
    # Save the page's graphics state before its own content and restore it after, so the stamp is
    # drawn in the page's default coordinates whatever the content left behind.
    before = writer.add_object(generic.StreamObject(stream_data=b"q\n"))
    after = writer.add_object(
        generic.StreamObject(stream_data=f"\nQ q 1 0 0 1 {x:.2f} {y:.2f} cm /DvcXacThuc Do Q\n".encode())
    )
    writer.add_stream_to_page(0, before, prepend=True)
    writer.add_stream_to_page(0, after, resources=resources)


def image_to_pdf(data: bytes) -> bytes:
    """A one-page A4 PDF holding the image (a scanned result), fitted to the page."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        width, height = image.size
        # Fit on A4 at no less than 150 dpi equivalent of the page.
        page_w, page_h = 210 * _MM, 297 * _MM
        scale = min(page_w / width, page_h / height)
        resolution = 72 / scale
        out = io.BytesIO()
        image.save(out, "PDF", resolution=resolution)
    return out.getvalue()
