"""Uploaded files are hostile until proven otherwise.

`inspect_upload()` is the one gate every file passes before it is stored:
size (server-side) → virus scan (ClamAV when configured) → type by content (magic bytes, never the
name or the browser's content type) → PDF hardening (parsed with qpdf and every object walked:
no scripts, automatic or outgoing actions, embedded files, rich media, XFA or encryption;
dossiers/pdfsafety.py) or image re-encoding with Pillow (drops metadata, defuses polyglots) → a sanitised
display name with the extension of the detected type. Stored names are random (see services).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps

from .pdfsafety import PdfRefused, check_pdf
from .scanning import ScannerUnavailable, scan_bytes

__all__ = ["ALLOWED_TYPES", "CleanUpload", "inspect_upload", "sanitize_filename"]

ALLOWED_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
TYPE_LABELS = {"pdf": "PDF", "jpg": "JPEG", "png": "PNG"}
_EXECUTABLE_EXTENSIONS = {
    "exe",
    "elf",
    "dll",
    "so",
    "macho",
    "dex",
    "class",
    "wasm",
    "msi",
    "deb",
    "rpm",
    "apk",
}
_ARCHIVE_EXTENSIONS = {
    "zip",
    "tar",
    "rar",
    "gz",
    "bz2",
    "7z",
    "xz",
    "Z",
    "lz",
    "lz4",
    "lzo",
    "zst",
    "br",
    "cab",
    "ar",
    "crx",
}
_SCRIPT_START = re.compile(rb"^\s*(#!|<\?php|<script|<html|<!doctype|<svg|<\?xml|MZ)", re.IGNORECASE)


@dataclass(frozen=True)
class CleanUpload:
    data: bytes
    kind: str
    content_type: str
    name: str
    sha256: str
    scanned: bool


def sanitize_filename(name: str, extension: str) -> str:
    """A safe display name: no path, no control or bidi characters, short, detected extension."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = unicodedata.normalize("NFC", base)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C" and ch not in '<>:"/\\|?*%;&$`')
    stem = re.sub(r"\s+", " ", stem).strip(" .-_")[:100].strip() or "tep"
    return f"{stem}.{extension}"


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def _detect(data: bytes, display: str) -> str:
    guess = filetype.guess(data)
    if guess is not None:
        if guess.extension in ("jpg", "jpeg"):
            return "jpg"
        if guess.extension in ("png", "apng"):
            return "png"
        if guess.extension == "pdf":
            return "pdf"
        if guess.extension in ("heic", "heif") or guess.mime in ("image/heic", "image/heif"):
            return "heic"  # an iPhone photo: converted to JPEG (_reencode_image)
        if (
            guess.extension in _EXECUTABLE_EXTENSIONS
            or "executable" in guess.mime
            or "msdownload" in guess.mime
        ):
            _refuse(
                _("Tệp “%(name)s” là chương trình chạy được; không nhận tệp thực thi.") % {"name": display},
                "executable",
            )
        if guess.extension in _ARCHIVE_EXTENSIONS:
            _refuse(
                _(
                    "Tệp “%(name)s” là tệp nén hoặc tệp đóng gói (%(type)s); hãy tải lên từng giấy tờ dạng PDF hoặc ảnh."
                )
                % {"name": display, "type": guess.extension.upper()},
                "archive",
            )
        _refuse(
            _("Tệp “%(name)s” có định dạng %(type)s, không được nhận; chỉ nhận PDF, JPEG, PNG.")
            % {"name": display, "type": guess.extension.upper()},
            "type",
        )
    if _SCRIPT_START.match(data[:512]):
        kind = "executable" if data[:2] in (b"MZ", b"#!") else "script"
        _refuse(
            _("Tệp “%(name)s” chứa mã chạy được (chương trình, kịch bản, trang web); không được nhận.")
            % {"name": display},
            kind,
        )
    _refuse(
        _("Không nhận ra định dạng của tệp “%(name)s”; chỉ nhận PDF, JPEG, PNG.") % {"name": display},
        "unknown",
    )
    raise AssertionError  # unreachable


_PDF_MESSAGES = {
    "encrypted": gettext_lazy("Tệp PDF “%(name)s” có mật khẩu; hãy tải lên bản không đặt mật khẩu."),
    "broken": gettext_lazy("Tệp PDF “%(name)s” bị hỏng, không đọc được; hãy xuất lại tệp PDF."),
    "script": gettext_lazy(
        "Tệp PDF “%(name)s” chứa mã lệnh (JavaScript); hãy in lại thành PDF thường (In → Lưu dưới dạng PDF)."
    ),
    "action": gettext_lazy(
        "Tệp PDF “%(name)s” chứa hành động tự chạy hoặc gửi dữ liệu đi; hãy in lại thành PDF thường (In → Lưu dưới dạng PDF)."
    ),
    "link": gettext_lazy(
        "Tệp PDF “%(name)s” chứa liên kết mở trang web hoặc tệp khác; hãy in lại thành PDF thường (In → Lưu dưới dạng PDF)."
    ),
    "embedded": gettext_lazy(
        "Tệp PDF “%(name)s” chứa tệp đính kèm bên trong; hãy tải từng giấy tờ lên riêng."
    ),
    "rich_media": gettext_lazy(
        "Tệp PDF “%(name)s” chứa âm thanh, video hoặc nội dung đa phương tiện; hãy in lại thành PDF thường."
    ),
    "xfa": gettext_lazy(
        "Tệp PDF “%(name)s” là biểu mẫu động (XFA); hãy in lại thành PDF thường (In → Lưu dưới dạng PDF)."
    ),
    "too_complex": gettext_lazy("Tệp PDF “%(name)s” quá phức tạp để kiểm tra; hãy in lại thành PDF thường."),
}


def _check_pdf(data: bytes, display: str) -> bytes:
    """Parse the PDF with qpdf and walk every object (dossiers/pdfsafety.py)."""
    if b"%%EOF" not in data[-2048:]:
        _refuse(_("Tệp PDF “%(name)s” bị hỏng hoặc chưa tải lên hết.") % {"name": display}, "pdf_broken")
    try:
        check_pdf(data)
    except PdfRefused as refused:
        code = {"encrypted": "pdf_encrypted", "broken": "pdf_broken"}.get(refused.reason, "pdf_active")
        _refuse(str(_PDF_MESSAGES[refused.reason]) % {"name": display}, code)
    return data


def _register_heif() -> None:
    """Let Pillow open HEIC/HEIF (iPhone photos) through pillow-heif, once per process."""
    global _HEIF_READY
    if not _HEIF_READY:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _HEIF_READY = True


_HEIF_READY = False


def _reencode_image(data: bytes, kind: str, display: str) -> bytes:
    max_pixels = getattr(settings, "DOSSIER_UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
    broken = _("Ảnh “%(name)s” bị hỏng hoặc không đọc được.") % {"name": display}
    _register_heif()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > max_pixels:
                _refuse(
                    _("Ảnh “%(name)s” quá lớn (%(w)s×%(h)s điểm ảnh).")
                    % {"name": display, "w": width, "h": height},
                    "image_pixels",
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if kind == "jpg":
                image.convert("RGB").save(out, format="JPEG", quality=88, optimize=True)
            else:
                if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                image.save(out, format="PNG", optimize=True)
            return out.getvalue()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(_("Ảnh “%(name)s” quá lớn.") % {"name": display}, "image_pixels")
    except Exception:  # Pillow raises many kinds on hostile input
        _refuse(broken, "image_broken")
    raise AssertionError  # unreachable


def inspect_upload(uploaded, *, accept: list[str], max_bytes: int) -> CleanUpload:
    """Validate one uploaded file; returns the bytes to store, or raises ValidationError (Vietnamese)."""
    display = sanitize_filename(getattr(uploaded, "name", ""), "x")[:-2]
    limit = min(max_bytes, getattr(settings, "DOSSIER_UPLOAD_MAX_BYTES", max_bytes))
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        _refuse(
            _("Tệp “%(name)s” dung lượng %(size)s MB, vượt quá giới hạn %(max)s MB.")
            % {"name": display, "size": f"{size / 1048576:.1f}", "max": f"{limit / 1048576:g}"},
            "too_large",
        )
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        _refuse(
            _("Tệp “%(name)s” vượt quá giới hạn %(max)s MB.")
            % {"name": display, "max": f"{limit / 1048576:g}"},
            "too_large",
        )
    if not data:
        _refuse(_("Tệp “%(name)s” rỗng.") % {"name": display}, "empty")

    try:
        scan = scan_bytes(data)
    except ScannerUnavailable:
        _refuse(
            _("Hiện không kiểm tra được virus cho tệp “%(name)s”; vui lòng thử lại sau ít phút.")
            % {"name": display},
            "scanner_unavailable",
        )
    if scan.infected:
        _refuse(
            _("Tệp “%(name)s” bị phát hiện chứa mã độc (%(signature)s) và đã bị từ chối.")
            % {"name": display, "signature": scan.signature},
            "infected",
        )

    kind = _detect(data, display)
    if kind == "heic":
        kind = "jpg"  # stored as the JPEG it becomes
    if kind not in accept:
        _refuse(
            _("Giấy tờ này chỉ nhận tệp %(types)s; tệp “%(name)s” là %(type)s.")
            % {
                "name": display,
                "types": ", ".join(TYPE_LABELS[k] for k in accept),
                "type": TYPE_LABELS[kind],
            },
            "not_accepted",
        )
    data = _check_pdf(data, display) if kind == "pdf" else _reencode_image(data, kind, display)
    return CleanUpload(
        data=data,
        kind=kind,
        content_type=ALLOWED_TYPES[kind],
        name=sanitize_filename(getattr(uploaded, "name", ""), kind),
        sha256=hashlib.sha256(data).hexdigest(),
        scanned=scan.scanned,
    )
