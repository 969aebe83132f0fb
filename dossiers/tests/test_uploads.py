"""Uploads are hostile until proven otherwise: every refused type, limits, names, storage, access."""

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from dossiers.models import DossierFile
from dossiers.uploads import inspect_upload, sanitize_filename

from . import hostile_pdfs
from .factories import eicar_bytes, jpeg_bytes, make_citizen, pdf_bytes, png_bytes
from .flow import applicant_values, business_values, complete_wizard, post_step, submit_url

ALL = ["pdf", "jpg", "png"]
MB = 1024 * 1024


def upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type)


def refused(name, data, *, accept=ALL, max_bytes=5 * MB) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload(name, data), accept=accept, max_bytes=max_bytes)
    return exc.value


def _zip(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        info = tarfile.TarInfo("a.txt")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"abc"))
    return out.getvalue()


EXECUTABLES = {
    "windows.exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
    "linux.elf": b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200,
    "renamed-exe.pdf": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
    "script.sh": b"#!/bin/sh\nrm -rf /\n",
}
ARCHIVES = {
    "hoso.zip": _zip({"a.pdf": pdf_bytes()}),
    "hoso.rar": b"Rar!\x1a\x07\x00" + b"\x00" * 100,
    "hoso.7z": b"7z\xbc\xaf\x27\x1c" + b"\x00" * 100,
    "hoso.gz": gzip.compress(b"x" * 100),
    "hoso.tar": _tar(),
}
OTHER_TYPES = {
    "trang.html": b"<html><body><script>alert(1)</script></body></html>",
    "anh.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "shell.php": b"<?php system($_GET['c']); ?>",
    "don.docx": _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
    "anh.gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
    "ghi-chu.txt": b"Chi la van ban thuong",
}


@pytest.mark.parametrize("name", sorted(EXECUTABLES))
def test_executables_are_refused(name):
    error = refused(name, EXECUTABLES[name])
    assert error.code == "executable"
    assert "chạy được" in error.messages[0]


@pytest.mark.parametrize("name", sorted(ARCHIVES))
def test_archives_are_refused(name):
    error = refused(name, ARCHIVES[name])
    assert error.code == "archive"
    assert "tệp nén" in error.messages[0]


@pytest.mark.parametrize("name", sorted(OTHER_TYPES))
def test_other_types_are_refused(name):
    error = refused(name, OTHER_TYPES[name])
    assert error.code in {"type", "script", "unknown"}
    assert "PDF, JPEG, PNG" in error.messages[0] or "mã chạy được" in error.messages[0]


def test_type_comes_from_content_not_name():
    clean = inspect_upload(
        upload("anh-chup.exe", png_bytes(), "application/x-msdownload"), accept=ALL, max_bytes=MB
    )
    assert clean.kind == "png" and clean.name == "anh-chup.png"


def test_type_not_accepted_by_the_slot():
    error = refused("anh.png", png_bytes(), accept=["pdf"])
    assert error.code == "not_accepted"
    assert error.messages[0].startswith("Giấy tờ này chỉ nhận tệp PDF")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            pdf_bytes().replace(
                b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
            ),
            "pdf_active",
        ),
        (
            pdf_bytes().replace(
                b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >>"
            ),
            "pdf_active",
        ),
        (hostile_pdfs.embedded_file(), "pdf_active"),
        (hostile_pdfs.encrypted(), "pdf_encrypted"),
        (hostile_pdfs.user_password(), "pdf_encrypted"),
        (hostile_pdfs.js_in_object_stream(), "pdf_active"),
        (hostile_pdfs.launch_action(), "pdf_active"),
        (hostile_pdfs.submit_form_action(), "pdf_active"),
        (hostile_pdfs.uri_action(), "pdf_active"),
        (hostile_pdfs.hex_escaped_names(), "pdf_active"),
        (hostile_pdfs.additional_actions(), "pdf_active"),
        (hostile_pdfs.xfa_form(), "pdf_active"),
        (hostile_pdfs.rich_media(), "pdf_active"),
        (pdf_bytes()[:200], "pdf_broken"),
    ],
)
def test_dangerous_or_broken_pdfs_are_refused(data, code):
    error = refused("don.pdf", data)
    assert error.code == code
    assert "“don”" in error.messages[0]  # the citizen is told which file and why


def test_the_pdf_messages_say_what_to_do():
    assert "JavaScript" in refused("a.pdf", hostile_pdfs.js_in_object_stream()).messages[0]
    assert "In → Lưu dưới dạng PDF" in refused("a.pdf", hostile_pdfs.uri_action()).messages[0]
    assert "tệp đính kèm" in refused("a.pdf", hostile_pdfs.embedded_file()).messages[0]
    assert "mật khẩu" in refused("a.pdf", hostile_pdfs.user_password()).messages[0]


def test_plain_pdfs_pass_a_hand_made_one_and_one_printed_by_weasyprint():
    from weasyprint import HTML

    inspect_upload(upload("don.pdf", pdf_bytes()), accept=ALL, max_bytes=5 * MB)
    printed = HTML(string="<h1>Tờ khai</h1><p>Họ và tên: ……</p>").write_pdf()
    assert inspect_upload(upload("to-khai.pdf", printed), accept=ALL, max_bytes=5 * MB).kind == "pdf"


def test_broken_and_oversized_images_are_refused():
    assert refused("hong.png", png_bytes()[:40] + b"\x00" * 50).code == "image_broken"
    bomb = io.BytesIO()
    Image.new("1", (8000, 6000)).save(bomb, format="PNG")  # 48 megapixels, a few KB
    assert refused("bom.png", bomb.getvalue()).code == "image_pixels"


def test_size_limit_and_empty_files():
    error = refused("lon.pdf", pdf_bytes() + b"%" * MB, max_bytes=MB)
    assert error.code == "too_large" and "1 MB" in error.messages[0]
    assert refused("rong.pdf", b"").code == "empty"


def test_images_are_re_encoded_without_metadata():
    original = jpeg_bytes(exif_gps=True)
    assert b"CameraMaker" in original
    clean = inspect_upload(upload("anh.jpg", original, "image/jpeg"), accept=ALL, max_bytes=MB)
    assert clean.kind == "jpg" and b"CameraMaker" not in clean.data
    Image.open(io.BytesIO(clean.data)).verify()


def test_a_clean_pdf_is_kept_byte_for_byte():
    data = pdf_bytes()
    clean = inspect_upload(upload("Giấy đề nghị.pdf", data), accept=ALL, max_bytes=MB)
    assert clean.data == data and clean.name == "Giấy đề nghị.pdf" and not clean.scanned


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\an\\Giấy tờ.PDF", "Giấy tờ.pdf"),
        ("hoa-don\u202egpj.exe", "hoa-dongpj.pdf"),
        ("<script>x</script>.pdf", "script.pdf"),
        ("", "tep.pdf"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(raw, expected):
    assert sanitize_filename(raw, "pdf") == expected


# --- ClamAV (a real clamd with a local EICAR signature) ----------------------------------------
@pytest.fixture
def clamd(settings, clamd_socket):
    settings.DOSSIER_VIRUS_SCANNER = "clamd"
    settings.CLAMD_SOCKET = clamd_socket
    return clamd_socket


def test_eicar_is_refused_by_clamd(clamd):
    error = refused("eicar.pdf", eicar_bytes())
    assert error.code == "infected"
    assert "chứa mã độc" in error.messages[0] and "Portal-Test-EICAR" in error.messages[0]


def test_eicar_inside_a_pdf_is_refused_by_clamd(clamd):
    infected = pdf_bytes().replace(b"%%EOF", b"% " + eicar_bytes() + b"\n%%EOF")
    assert refused("don.pdf", infected).code == "infected"


def test_clean_pdf_passes_clamd(clamd):
    clean = inspect_upload(upload("don.pdf", pdf_bytes()), accept=ALL, max_bytes=MB)
    assert clean.scanned and clean.kind == "pdf"


def test_unreachable_scanner_refuses_the_file(settings, tmp_path):
    settings.DOSSIER_VIRUS_SCANNER = "clamd"
    settings.CLAMD_SOCKET = str(tmp_path / "missing.sock")
    error = refused("don.pdf", pdf_bytes())
    assert error.code == "scanner_unavailable" and "thử lại" in error.messages[0]


# --- Through the wizard: limits, storage and access ---------------------------------------------
@pytest.fixture
def wizard(client, procedure):
    user = make_citizen()
    client.force_login(user)
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    post_step(client, procedure, "buoc-1", business_values())
    slots = list(procedure.online_form.upload_slots.order_by("sort_order"))
    return procedure, user, slots


def test_eicar_in_the_wizard_shows_the_message_next_to_the_slot(client, wizard, clamd):
    procedure, _user, slots = wizard
    files = {f"slot-{slots[0].pk}": [upload("virus.pdf", eicar_bytes())]}
    response = post_step(client, procedure, "giay-to", {}, files)
    html = response.content.decode()
    assert f'id="id_giay-to-slot-{slots[0].pk}_error"' in html
    assert "chứa mã độc" in html
    assert not DossierFile.objects.exists()


def test_count_limit_is_enforced_server_side(client, wizard):
    procedure, _user, slots = wizard  # first slot: at most 2 files
    files = {f"slot-{slots[0].pk}": [upload(f"trang-{i}.pdf", pdf_bytes(f"trang {i}")) for i in range(3)]}
    response = post_step(client, procedure, "giay-to", {}, files)
    assert "nhận tối đa 2 tệp" in response.content.decode()
    assert DossierFile.objects.filter(slot_key=f"slot-{slots[0].pk}").count() == 2


def test_per_slot_size_limit(client, wizard):
    procedure, _user, slots = wizard
    slots[0].max_size_mb = 1
    slots[0].save()
    # the form changed after the draft started: the draft keeps its version (5 MB) ...
    big = pdf_bytes().replace(b"%%EOF", b"%" + b"x" * (2 * MB) + b"\n%%EOF")
    files = {f"slot-{slots[0].pk}": [upload("lon.pdf", big)]}
    response = post_step(client, procedure, "giay-to", {}, files)
    assert response.status_code == 200 and DossierFile.objects.count() == 1
    # ... a new draft gets the new version and its 1 MB limit
    from dossiers.models import Draft

    Draft.objects.all().delete()
    DossierFile.objects.all().delete()
    client.get(submit_url(procedure))
    post_step(client, procedure, "nguoi-nop", applicant_values())
    post_step(client, procedure, "buoc-1", business_values())
    files = {f"slot-{slots[0].pk}": [upload("lon.pdf", big)]}
    response = post_step(client, procedure, "giay-to", {}, files)
    assert "vượt quá giới hạn 1 MB" in response.content.decode()
    assert not DossierFile.objects.exists()


def test_required_slot_and_valid_files_kept_when_another_slot_fails(client, wizard):
    procedure, _user, slots = wizard
    response = post_step(
        client, procedure, "giay-to", {}, {f"slot-{slots[1].pk}": [upload("hop-dong.png", png_bytes())]}
    )
    assert "Vui lòng tải lên" in response.content.decode()
    assert DossierFile.objects.filter(slot_key=f"slot-{slots[1].pk}").count() == 1  # not lost


def test_files_are_private_random_named_and_served_only_to_owner_or_staff(
    client, wizard, settings, django_user_model
):
    procedure, owner, slots = wizard
    post_step(
        client, procedure, "giay-to", {}, {f"slot-{slots[0].pk}": [upload("Giấy đề nghị.pdf", pdf_bytes())]}
    )
    stored = DossierFile.objects.get()
    path = Path(settings.PRIVATE_MEDIA_ROOT) / stored.file.name
    assert path.exists() and "Giấy" not in stored.file.name and stored.file.name.endswith(".pdf")
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
    url = reverse("dossiers:file", args=[stored.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf_bytes()
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(make_citizen())
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_only_officers_of_the_dossiers_units_open_submitted_files(client, procedure):
    """A Django permission is not enough (back office: officers see only their units' dossiers)."""
    from dossiers.models import OfficerAssignment

    client.force_login(make_citizen())
    complete_wizard(client, procedure)
    upload_row = DossierFile.objects.first()
    staff = make_citizen(email="can.bo@example.vn")
    client.force_login(staff)
    url = reverse("dossiers:file", args=[upload_row.pk])
    assert client.get(url).status_code == 404
    staff.user_permissions.add(Permission.objects.get(codename="view_dossier"))
    client.force_login(staff)
    assert client.get(url).status_code == 404
    OfficerAssignment.objects.create(user=staff, role="reception", agency=upload_row.dossier.receiving_unit)
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_an_iphone_heic_photo_becomes_a_jpeg():
    import pillow_heif

    pillow_heif.register_heif_opener()
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), (20, 120, 200)).save(photo, format="HEIF")
    clean = inspect_upload(upload("IMG_0042.HEIC", photo.getvalue()), accept=["pdf", "jpg"], max_bytes=5 * MB)
    assert (clean.kind, clean.content_type, clean.name) == ("jpg", "image/jpeg", "IMG_0042.jpg")
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.format == "JPEG" and image.size == (640, 480)
    assert refused("IMG_0042.HEIC", photo.getvalue(), accept=["pdf"]).code == "not_accepted"
    assert refused("IMG_0043.HEIC", photo.getvalue()[:60]).code == "image_broken"


def test_deploying_without_a_virus_scanner_fails_the_deploy_check(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from dossiers.checks import virus_scanner_configured

    settings.DOSSIER_VIRUS_SCANNER = "none"
    [error] = virus_scanner_configured(None)
    assert error.id == "dossiers.E001"
    with pytest.raises(SystemCheckError) as failed:
        call_command("check", "--deploy", "--tag", "security", stdout=io.StringIO(), stderr=io.StringIO())
    assert "dossiers.E001" in str(failed.value)
    settings.DOSSIER_VIRUS_SCANNER = "clamd"
    assert virus_scanner_configured(None) == []
