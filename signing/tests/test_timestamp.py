"""A trusted timestamp where one is configured (SIGNING_TSA_URL): a real RFC 3161 exchange over
HTTP with a local time-stamping authority (pyHanko's DummyTimeStamper behind an HTTP server, its
certificate issued by the demo CA), and a clear refusal when the authority does not answer."""

import datetime
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from dossiers.tests.factories import pdf_bytes
from dossiers.tests.officers import make_agency
from signing import pki
from signing.models import SignedDocument
from signing.services import SigningRefused, ensure_demo_key, sign_document, verify

pytestmark = pytest.mark.django_db


def _tsa_stamper():
    from pyhanko.sign.timestamps import DummyTimeStamper

    ca_certificate, ca_key = pki.ensure_demo_ca()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's test TSA signs with RSA
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Dịch vụ dấu thời gian thử nghiệm")])
        )
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(der_key),
        certs_to_embed=[asn1_x509.Certificate.load(ca_certificate.public_bytes(serialization.Encoding.DER))],
    )


@pytest.fixture
def tsa_url():
    stamper = _tsa_stamper()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_a_configured_authority_timestamps_each_signature(settings, tsa_url):
    settings.SIGNING_TSA_URL = tsa_url
    agency = make_agency()
    ensure_demo_key(agency)
    signed = sign_document(pdf_bytes("Giay chung nhan"), kind="pdf", dossier_code="C-1", agencies=[agency])
    assert signed.document.timestamped
    [report] = verify(signed.data).signatures
    assert report.ok and report.timestamped
    assert abs((report.signed_at - signed.document.signed_at).total_seconds()) < 60


def test_an_authority_that_does_not_answer_refuses_signing_and_registers_nothing(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    settings.SIGNING_TSA_URL = f"http://127.0.0.1:{port}/"
    settings.SIGNING_TSA_TIMEOUT = 2
    agency = make_agency()
    ensure_demo_key(agency)
    with pytest.raises(SigningRefused) as refused:
        sign_document(pdf_bytes(), kind="pdf", dossier_code="C-1", agencies=[agency])
    assert "dấu thời gian" in refused.value.message
    assert not SignedDocument.objects.exists()
