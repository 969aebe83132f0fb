"""Signing results and verifying them: real keys from a real (demo) certificate authority, real
PAdES signatures by pyHanko, real validation (nothing mocked)."""

import datetime
import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dossiers.constants import Action, DossierStatus, FilePurpose, OfficerRole
from dossiers.lifecycle import TransitionRefused, perform
from dossiers.tests.factories import jpeg_bytes, pdf_bytes
from dossiers.tests.officers import make_agency, make_dossier, make_officer, result_file
from signing import pki
from signing.models import SignedDocument, SigningKey
from signing.services import ensure_demo_key, revoke_key, sign_document, verify

pytestmark = pytest.mark.django_db


def _signed(agency, data=None, code="000.00.20.H53-261207-0001"):
    ensure_demo_key(agency)
    return sign_document(
        data or pdf_bytes("Giay chung nhan"), kind="pdf", dossier_code=code, agencies=[agency]
    )


def _tamper(data: bytes) -> bytes:
    """One byte changed inside the first page's text, which the signature covers."""
    position = data.index(b"Giay chung nhan") + 1
    changed = bytearray(data)
    changed[position] ^= 0x01
    return bytes(changed)


def test_a_signed_result_verifies_with_signer_time_and_dossier():
    agency = make_agency("Ủy ban nhân dân phường Tân An", code="000.00.20.H56")
    before = timezone.now()
    signed = _signed(agency, code="000.00.20.H56-261207-0007")
    result = verify(signed.data)
    assert result.ok, [s.problems for s in result.signatures]
    [report] = result.signatures
    assert report.signer == "Ủy ban nhân dân phường Tân An"
    assert report.intact and not report.changed_after and report.trusted and report.valid_at_signing
    assert (
        before - datetime.timedelta(seconds=2)
        <= report.signed_at
        <= timezone.now() + datetime.timedelta(seconds=2)
    )
    assert report.document == signed.document
    assert report.document.dossier_code == "000.00.20.H56-261207-0007"
    assert signed.document.file_sha256 == hashlib.sha256(signed.data).hexdigest()


def test_one_changed_byte_is_reported_as_changed():
    signed = _signed(make_agency())
    result = verify(_tamper(signed.data))
    assert not result.ok
    [report] = result.signatures
    assert not report.intact
    assert "Nội dung văn bản đã bị thay đổi sau khi ký." in report.problems
    # The copy still names its dossier: the signature value itself was not changed.
    assert report.document == signed.document


def test_content_appended_after_signing_is_reported():
    """An incremental update after the signature (a new page content) is not covered by it."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signed = _signed(make_agency())
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.data))
    stream = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 400 Td (DA SUA) Tj ET"))
    writer.add_stream_to_page(0, stream)
    out = io.BytesIO()
    writer.write(out)
    result = verify(out.getvalue())
    assert not result.ok
    assert result.signatures[0].intact
    assert result.signatures[0].changed_after


def test_a_certificate_from_an_untrusted_authority_is_not_trusted(settings, tmp_path):
    agency = make_agency()
    signed = _signed(agency)
    settings.SIGNING_DEMO_CA = False  # the demo CA is no longer a trusted root (as in production)
    report = verify(signed.data).signatures[0]
    assert report.intact and not report.trusted
    assert not verify(signed.data).ok


def test_an_expired_key_does_not_sign_and_signatures_made_while_valid_still_verify(settings):
    agency = make_agency()
    relative, _data = pki.issue_demo_key(
        agency, valid_from=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=10), years=0
    )
    # years=0: the certificate expired the moment it was issued; it is not usable.
    from signing.keys import KeyUnavailable
    from signing.services import add_pkcs12_key, signing_key_for

    with pytest.raises(KeyUnavailable):
        add_pkcs12_key(agency=agency, path=relative)
    assert signing_key_for(agency) is None
    assert sign_document(pdf_bytes(), kind="pdf", dossier_code="X", agencies=[agency]) is None


def test_a_revoked_key_is_reported():
    agency = make_agency()
    signed = _signed(agency)
    revoke_key(signed.document.key, at=signed.document.signed_at - datetime.timedelta(seconds=1))
    report = verify(signed.data).signatures[0]
    assert report.revoked and not report.ok


def test_not_a_pdf_and_unsigned_pdf_get_clear_messages():
    assert verify(b"hello").error == "Tệp không phải PDF. Chỉ kiểm tra được văn bản PDF có chữ ký số."
    assert verify(pdf_bytes()).error == "Tệp PDF không có chữ ký số nào."
    assert verify(b"%PDF-1.4\n garbage").error


def test_an_image_result_is_signed_as_a_pdf():
    agency = make_agency()
    ensure_demo_key(agency)
    signed = sign_document(jpeg_bytes(size=(600, 800)), kind="jpg", dossier_code="C-1", agencies=[agency])
    assert signed.data.startswith(b"%PDF")
    assert verify(signed.data).ok


def test_an_encrypted_or_broken_pdf_is_refused_with_a_message():
    from signing.services import SigningRefused

    agency = make_agency()
    ensure_demo_key(agency)
    with pytest.raises(SigningRefused) as refused:
        sign_document(b"%PDF-1.4 nothing else", kind="pdf", dossier_code="C-1", agencies=[agency])
    assert "PDF" in refused.value.message
    assert not SignedDocument.objects.exists()


def test_the_stamp_carries_the_verification_link_on_page_one(tmp_path):
    import subprocess

    signed = _signed(make_agency(), code="000.00.20.H53-261207-0009")
    path = tmp_path / "r.pdf"
    path.write_bytes(signed.data)
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Văn bản điện tử đã ký số" in text
    assert "000.00.20.H53-261207-0009" in text
    assert f"/xac-thuc/{signed.document.token}/" in text.replace("\n", "")


# ---- through the lifecycle ----------------------------------------------------------------------


def _finishing():
    dossier = make_dossier(status=DossierStatus.PROCESSING)
    officer = make_officer((OfficerRole.LEADER, dossier.competent_agency))
    return dossier, officer


def test_finishing_signs_the_result_with_the_competent_agencys_key():
    dossier, officer = _finishing()
    ensure_demo_key(dossier.competent_agency)
    perform(dossier, Action.FINISH, actor=officer, result_files=[result_file()])
    stored = dossier.files.get(purpose=FilePurpose.RESULT)
    data = stored.file.read()
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    result = verify(data)
    assert result.ok
    assert result.document.dossier_code == dossier.code
    assert result.document.agency == dossier.competent_agency


def test_finishing_without_a_key_keeps_the_file_unsigned():
    dossier, officer = _finishing()
    perform(dossier, Action.FINISH, actor=officer, result_files=[result_file()])
    assert (
        verify(dossier.files.get(purpose=FilePurpose.RESULT).file.read()).error
        == "Tệp PDF không có chữ ký số nào."
    )


def test_a_result_that_cannot_be_signed_refuses_and_saves_nothing():
    dossier, officer = _finishing()
    ensure_demo_key(dossier.competent_agency)
    broken = SimpleUploadedFile("kq.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF", "application/pdf")
    with pytest.raises(TransitionRefused) as refused:
        perform(dossier, Action.FINISH, actor=officer, result_files=[broken])
    assert "Không ký số được tệp" in refused.value.message or "PDF" in str(refused.value)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROCESSING
    assert not dossier.files.exists() and not SignedDocument.objects.exists()


# ---- pages --------------------------------------------------------------------------------------


def test_the_verification_page_reports_a_valid_and_a_tampered_copy(client):
    signed = _signed(make_agency(), code="000.00.20.H53-261207-0003")
    page = client.get(reverse("signing:verify"))
    assert page.status_code == 200 and "Xác thực văn bản điện tử" in page.content.decode()
    good = client.post(reverse("signing:verify"), {"file": SimpleUploadedFile("kq.pdf", signed.data)})
    body = good.content.decode()
    assert "Văn bản hợp lệ" in body and "000.00.20.H53-261207-0003" in body
    bad = client.post(reverse("signing:verify"), {"file": SimpleUploadedFile("kq.pdf", _tamper(signed.data))})
    body = bad.content.decode()
    assert "Văn bản KHÔNG hợp lệ" in body and "Đã bị thay đổi" in body


def test_the_verification_page_explains_a_missing_or_wrong_file(client):
    missing = client.post(reverse("signing:verify"), {})
    assert missing.status_code == 400 and "Chọn tệp PDF cần kiểm tra." in missing.content.decode()
    wrong = client.post(reverse("signing:verify"), {"file": SimpleUploadedFile("a.txt", b"xin chao")})
    assert "Tệp không phải PDF" in wrong.content.decode()


def test_the_qr_link_shows_the_register_without_personal_data(client):
    dossier, officer = _finishing()
    ensure_demo_key(dossier.competent_agency)
    perform(dossier, Action.FINISH, actor=officer, result_files=[result_file()])
    document = SignedDocument.objects.get(dossier_code=dossier.code)
    page = client.get(reverse("signing:document", args=[document.token]))
    body = page.content.decode()
    assert page.status_code == 200
    assert dossier.code in body and dossier.competent_agency.name in body
    assert dossier.applicant_name not in body and "080190001234" not in body
    assert client.get(reverse("signing:document", args=["khong-co"])).status_code == 404


def test_setup_demo_signing_gives_each_coded_agency_one_key():
    make_agency(code="000.00.20.H56")
    make_agency(code="000.00.21.H56")
    make_agency(code="")
    call_command("setup_demo_signing")
    call_command("setup_demo_signing")  # a second run adds nothing
    assert SigningKey.objects.count() == 2


def test_a_signature_made_after_the_certificate_expired_is_reported_as_such(settings):
    """The clock of the signing machine says the certificate had already expired: the chain is
    trusted, the certificate was not valid at signing time."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

    agency = make_agency()
    _relative, data = pki.issue_demo_key(
        agency, valid_from=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=400), years=1
    )
    signer = SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=None)
    out = io.BytesIO()
    PdfSigner(PdfSignatureMetadata(field_name="Sig"), signer).sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf_bytes())), output=out
    )
    report = verify(out.getvalue()).signatures[0]
    assert report.intact and report.trusted and not report.valid_at_signing
    assert "Chứng thư số không còn hiệu lực tại thời điểm ký." in report.problems


def test_the_officer_and_the_citizen_see_the_result_is_signed(client):
    dossier, officer = _finishing()
    ensure_demo_key(dossier.competent_agency)
    perform(dossier, Action.FINISH, actor=officer, result_files=[result_file()])
    token = SignedDocument.objects.get().token
    client.force_login(officer)
    body = client.get(reverse("backoffice:dossier", args=[dossier.code])).content.decode()
    assert "Đã ký số" in body and reverse("signing:document", args=[token]) in body
    client.force_login(dossier.user)
    body = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Đã ký số" in body and dossier.competent_agency.name in body
    assert "Nhận bản giấy (không bắt buộc)" in body


def test_a_file_too_large_to_check_is_refused_on_the_page_and_the_api(client, settings):
    from interop.services import create_client

    settings.SIGNING_VERIFY_MAX_BYTES = 1000
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    page = client.post(reverse("signing:verify"), {"file": big})
    assert page.status_code == 400 and "Cổng không kiểm tra tệp lớn như vậy" in page.content.decode()
    _api_client, token = create_client(name="kiem-tra", scopes=["documents:verify"], units=[], all_units=True)
    big.seek(0)
    answer = client.post("/api/v1/xac-thuc/", {"file": big}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 400 and answer.json()["error"]["fields"]["file"]
    empty = client.post(reverse("signing:verify"), {"file": SimpleUploadedFile("rong.pdf", b"")})
    assert empty.status_code == 400 and "Tệp rỗng" in empty.content.decode()
