"""What a PDF may contain to be accepted (docs/security.md): parsed with qpdf (pikepdf), every object
walked, object streams included (qpdf unpacks them) and names decoded (`/J#53` is `/JS`), so nothing
hides from the check the way it could from a search over the raw bytes.

Refused: scripts (`/JS`, `/JavaScript`), automatic or launch actions (`/AA`, `/Launch`), actions
that open or send elsewhere (`/URI`, `/SubmitForm`, `/ImportData`, `/GoToR`, `/GoToE`), embedded
files (`/EmbeddedFile(s)`, file specifications carrying `/EF`), `/RichMedia`, `/XFA` forms, and
encryption. A file qpdf cannot open is refused too.
"""

from __future__ import annotations

import io

__all__ = ["PdfRefused", "check_pdf"]

# Keys whose mere presence makes the document active.
_KEYS = {"/JS": "script", "/JavaScript": "script", "/AA": "action", "/Launch": "action",
         "/EmbeddedFiles": "embedded", "/EmbeddedFile": "embedded", "/EF": "embedded",
         "/RichMedia": "rich_media", "/XFA": "xfa"}  # fmt: skip
# Action types (/S) refused wherever an action dictionary appears.
_ACTIONS = {"/JavaScript": "script", "/Launch": "action", "/URI": "link", "/SubmitForm": "action",
            "/ImportData": "action", "/GoToR": "link", "/GoToE": "embedded", "/RichMediaExecute": "rich_media",
            "/Rendition": "rich_media"}  # fmt: skip
# Types (/Type or /Subtype) refused.
_TYPES = {"/EmbeddedFile": "embedded", "/RichMedia": "rich_media", "/FileAttachment": "embedded",
          "/Screen": "rich_media", "/Movie": "rich_media", "/Sound": "rich_media"}  # fmt: skip
_MAX_OBJECTS = 200_000


class PdfRefused(Exception):
    """`reason`: broken, encrypted, script, action, link, embedded, rich_media, xfa, too_complex."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _dictionary_problem(obj) -> tuple[str, str] | None:
    import pikepdf

    for key in obj.keys():
        if key in _KEYS:
            return _KEYS[key], key
    for field in ("/Type", "/Subtype"):
        value = obj.get(field)
        if isinstance(value, pikepdf.Name) and str(value) in _TYPES:
            return _TYPES[str(value)], str(value)
    action = obj.get("/S")
    if isinstance(action, pikepdf.Name) and str(action) in _ACTIONS:
        return _ACTIONS[str(action)], str(action)
    return None


def check_pdf(data: bytes) -> None:
    """Raise PdfRefused when the PDF cannot be opened, is encrypted or carries active content."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise PdfRefused("encrypted") from None
    except Exception as error:  # qpdf refuses what it cannot repair
        raise PdfRefused("broken", str(error)[:200]) from None
    with pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            raise PdfRefused("encrypted")
        try:
            _walk(pdf)
        except PdfRefused:
            raise
        except Exception as error:  # an object qpdf cannot resolve: refused, never a server error
            raise PdfRefused("broken", str(error)[:200]) from None


def _walk(pdf) -> None:
    """Every object reachable from the trailer, and every object in the file (object streams
    unpacked), with the dictionaries and arrays nested in them; each indirect object once."""
    import pikepdf

    containers = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
    seen: set[tuple[int, int]] = set()
    stack = [obj for obj in (pdf.trailer, *pdf.objects) if isinstance(obj, containers)]
    walked = 0
    while stack:
        obj = stack.pop()
        walked += 1
        if walked > _MAX_OBJECTS:
            raise PdfRefused("too_complex")
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream):
            problem, children = _dictionary_problem(obj.stream_dict), obj.stream_dict.values()
        elif isinstance(obj, pikepdf.Dictionary):
            problem, children = _dictionary_problem(obj), obj.values()
        else:
            problem, children = None, list(obj)
        if problem is not None:
            raise PdfRefused(*problem)
        stack.extend(child for child in children if isinstance(child, containers))
