"""POST /api/v1/xac-thuc/: the verification of /xac-thuc/ for other systems."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers.tests.factories import pdf_bytes
from dossiers.tests.officers import make_agency
from signing.services import ensure_demo_key, sign_document

from .conftest import bearer

URL = "/api/v1/xac-thuc/"


@pytest.fixture(autouse=True)
def signing_dir(settings, tmp_path):
    settings.SIGNING_DIR = tmp_path / "signing"
    settings.SIGNING_DEMO_CA = True
    settings.SIGNING_TRUST_ROOTS = []


def test_verify_reports_a_signed_document_and_its_tampered_copy(client, make_api_client):
    _client, token = make_api_client("documents:verify")
    agency = make_agency()
    ensure_demo_key(agency)
    signed = sign_document(
        pdf_bytes("Giay chung nhan"), kind="pdf", dossier_code="000.00.20.H53-261207-0002", agencies=[agency]
    )
    answer = client.post(URL, {"file": SimpleUploadedFile("kq.pdf", signed.data)}, **bearer(token))
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["valid"] is True and body["error"] == ""
    [signature] = body["signatures"]
    assert signature["dossier_code"] == "000.00.20.H53-261207-0002"
    assert signature["intact"] and signature["trusted"] and signature["valid_at_signing"]
    assert signature["signer"] == agency.name

    changed = bytearray(signed.data)
    changed[signed.data.index(b"Giay chung nhan")] ^= 1
    body = client.post(URL, {"file": SimpleUploadedFile("kq.pdf", bytes(changed))}, **bearer(token)).json()
    assert body["valid"] is False
    assert body["signatures"][0]["intact"] is False
    assert "Nội dung văn bản đã bị thay đổi sau khi ký." in body["signatures"][0]["problems"]


def test_verify_needs_the_scope_and_a_file(client, make_api_client):
    _client, reader = make_api_client("dossiers:read")
    refused = client.post(URL, {"file": SimpleUploadedFile("kq.pdf", pdf_bytes())}, **bearer(reader))
    assert refused.status_code == 403
    _client, token = make_api_client("documents:verify")
    missing = client.post(URL, {}, **bearer(token))
    assert missing.status_code == 400
    assert missing.json()["error"]["message"]
    unsigned = client.post(URL, {"file": SimpleUploadedFile("kq.pdf", pdf_bytes())}, **bearer(token)).json()
    assert unsigned == {
        "valid": False,
        "error": "Tệp PDF không có chữ ký số nào.",
        "sha256": unsigned["sha256"],
        "signatures": [],
    }
