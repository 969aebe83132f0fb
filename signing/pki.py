"""Certificates: the local demo certificate authority, one demo key per agency, and the trusted roots.

The demo CA exists so that `make run` and the tests sign and verify for real, with the same code as
production; it is written to SIGNING_DIR and trusted only while SIGNING_DEMO_CA is on (never in
production settings). Production keys come from a PKCS#12 file or a PKCS#11 token (docs/signing.md).
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils import timezone

__all__ = [
    "DEMO_CA_NAME",
    "CertificateInfo",
    "certificate_info",
    "demo_ca_paths",
    "ensure_demo_ca",
    "issue_demo_key",
    "trust_roots",
]

DEMO_CA_NAME = "CA thử nghiệm Cổng Dịch vụ công tỉnh Long An"
_DEMO_CA_YEARS = 10
_DEMO_KEY_YEARS = 3


def _name(common_name: str, organisation: str = "", serial: str = "") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    if serial:
        # The agency's electronic identifier (Decision 20/2020/QĐ-TTg), as the certificate's UID.
        attributes.append(x509.NameAttribute(NameOID.USER_ID, serial))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]))
    return x509.Name(attributes)


def demo_ca_paths() -> tuple[Path, Path]:
    directory = Path(settings.SIGNING_DIR)
    return directory / "demo-ca.pem", directory / "demo-ca.key"


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def ensure_demo_ca():
    """The demo CA's (certificate, private key), created on first use in SIGNING_DIR."""
    cert_path, key_path = demo_ca_paths()
    if cert_path.exists() and key_path.exists():
        certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return certificate, key
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    name = _name(DEMO_CA_NAME, "Cổng Dịch vụ công tỉnh Long An (thử nghiệm)")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * _DEMO_CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(key_path, key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))  # fmt: skip
    _write_private(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
    return certificate, key


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca, content_commitment=not ca, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
    )  # fmt: skip


def issue_demo_key(agency, *, passphrase: bytes | None = None, valid_from=None, years: int = _DEMO_KEY_YEARS):
    """A new key and certificate for `agency` from the demo CA, written as a PKCS#12 file under
    SIGNING_DIR; returns the file's path (relative to SIGNING_DIR) and the PKCS#12 bytes."""
    ca_certificate, ca_key = ensure_demo_ca()
    key = ec.generate_private_key(ec.SECP256R1())
    start = valid_from or datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(agency.name, agency.name, agency.code))
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(ca=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    data = pkcs12.serialize_key_and_certificates(
        (agency.code or agency.slug).encode(), key, certificate, [ca_certificate], encryption
    )
    relative = f"agencies/{(agency.code or agency.slug).replace('/', '_')}-{certificate.serial_number:x}.p12"
    _write_private(Path(settings.SIGNING_DIR) / relative, data)
    return relative, data


def _readable(name: x509.Name) -> str:
    """A name as people read it: its common name (and organisation when different), else RFC 4514."""
    common = [a.value for a in name.get_attributes_for_oid(NameOID.COMMON_NAME)]
    organisation = [a.value for a in name.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)]
    if not common:
        return name.rfc4514_string()
    if organisation and organisation[0] != common[0]:
        return f"{common[0]} ({organisation[0]})"
    return str(common[0])


class CertificateInfo:
    def __init__(self, certificate: x509.Certificate):
        self.certificate = certificate
        self.pem = certificate.public_bytes(serialization.Encoding.PEM).decode()
        self.subject = _readable(certificate.subject)[:500]
        self.issuer = _readable(certificate.issuer)[:500]
        self.serial = f"{certificate.serial_number:X}"[:100]
        self.not_before = certificate.not_valid_before_utc
        self.not_after = certificate.not_valid_after_utc


def certificate_info(pkcs12_data: bytes, passphrase: bytes | None) -> CertificateInfo:
    """The certificate of a PKCS#12 file (ValueError when the file or passphrase is wrong)."""
    _key, certificate, _others = pkcs12.load_key_and_certificates(pkcs12_data, passphrase)
    if certificate is None:
        raise ValueError("no certificate")
    return CertificateInfo(certificate)


def trust_roots() -> list[asn1_x509.Certificate]:
    """The certificates verification trusts: SIGNING_TRUST_ROOTS, and the demo CA when SIGNING_DEMO_CA."""
    paths = [Path(p) for p in settings.SIGNING_TRUST_ROOTS]
    if settings.SIGNING_DEMO_CA:
        cert_path, _key_path = demo_ca_paths()
        if cert_path.exists():
            paths.append(cert_path)
    roots = []
    for path in paths:
        data = path.read_bytes()
        if pem.detect(data):
            for _type, _headers, der in pem.unarmor(data, multiple=True):
                roots.append(asn1_x509.Certificate.load(der))
        else:
            roots.append(asn1_x509.Certificate.load(data))
    return roots


def aware(value: datetime.datetime) -> datetime.datetime:
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)
