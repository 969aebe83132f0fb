"""Signing results and verifying signed documents (docs/signing.md).

- `signing_key_for(*agencies)`: the first of the agencies with a usable key (and that key).
- `sign_document(data, kind=…, dossier_code=…, agencies=…)`: a result file (PDF, or a JPG/PNG scan
  turned into a PDF) with the verification stamp on its first page, signed PAdES (B-B, or B-T with a
  timestamp when SIGNING_TSA_URL is set) with the agency's key; registers a SignedDocument. Call it
  inside the transaction that stores the result, so a failure leaves nothing behind.
- `verify(data)`: what a signed PDF says about itself, checked against the trusted roots and the
  register: who signed, when, whether it changed after signing, whether the certificate chains to a
  trusted root and was valid at signing time, which dossier it belongs to.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.urls import absolute_url

from .constants import FIELD_PREFIX
from .keys import KeyUnavailable, load_signer
from .models import SignedDocument, SigningKey, new_token
from .pki import trust_roots
from .stamp import add_stamp, image_to_pdf

__all__ = [
    "ensure_demo_keys",
    "agencies_with_keys",
    "mark_signed",
    "add_pkcs11_key",
    "add_pkcs12_key",
    "ensure_demo_key",
    "revoke_key",
    "KeyUnavailable",
    "SignatureReport",
    "SignedOutput",
    "SigningRefused",
    "Verification",
    "sign_document",
    "signing_key_for",
    "verification_url",
    "verify",
]

logger = logging.getLogger(__name__)


class SigningRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class SignedOutput:
    data: bytes
    document: SignedDocument


def verification_url(token: str) -> str:
    return absolute_url(reverse("signing:document", args=[token]))


def signing_key_for(*agencies, when=None) -> SigningKey | None:
    """The usable key of the first agency (in the order given) that has one."""
    for agency in agencies:
        if agency is None:
            continue
        key = SigningKey.objects.filter(agency=agency).usable(when).order_by("-not_after").first()
        if key is not None:
            return key
    return None


def _signature_digest(embedded) -> str:
    return hashlib.sha256(embedded.signer_info["signature"].native).hexdigest()


def _timestamper():
    if not settings.SIGNING_TSA_URL:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(settings.SIGNING_TSA_URL, timeout=settings.SIGNING_TSA_TIMEOUT)


def sign_document(
    data: bytes, *, kind: str, dossier_code: str, agencies, now: datetime | None = None
) -> SignedOutput | None:
    """`data` signed by the first of `agencies` with a usable key, or None when none has one.
    Raises SigningRefused (the file cannot be signed: unreadable, encrypted) or KeyUnavailable."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
    from pyhanko.sign.timestamps import TimestampRequestError

    now = now or timezone.now()
    key = signing_key_for(*agencies, when=now)
    if key is None:
        return None
    if kind in ("jpg", "png"):
        try:
            data = image_to_pdf(data)
        except Exception:
            raise SigningRefused(_("Không chuyển được ảnh kết quả sang PDF để ký số.")) from None
    elif kind != "pdf":
        raise SigningRefused(_("Chỉ ký số được tệp PDF hoặc ảnh JPG, PNG."))
    token = new_token()
    signer, session = load_signer(key)
    try:
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        except Exception:
            raise SigningRefused(_("Tệp kết quả không phải PDF đọc được; không thể ký số.")) from None
        if writer.prev.encrypted:
            raise SigningRefused(
                _("Tệp kết quả PDF đang đặt mật khẩu: hãy tải lên bản không đặt mật khẩu để ký số.")
            )
        already_signed = bool(writer.prev.embedded_signatures)
        try:
            if not already_signed:
                # A result signed before (by the leader's own token) keeps its signature intact: no
                # stamp is drawn over it, the portal's signature is added after it.
                add_stamp(
                    writer,
                    url=verification_url(token),
                    dossier_code=dossier_code,
                    agency_name=key.agency.name,
                )
            metadata = PdfSignatureMetadata(
                field_name=f"{FIELD_PREFIX}{token[:8]}",
                reason=f"Kết quả giải quyết hồ sơ {dossier_code}",
                location=settings.SIGNING_LOCATION,
                name=key.agency.name,
                md_algorithm="sha256",
            )
            out = io.BytesIO()
            PdfSigner(metadata, signer, timestamper=_timestamper()).sign_pdf(writer, output=out)
        except TimestampRequestError as error:
            logger.warning("timestamp for %s failed: %s", dossier_code, error)
            raise SigningRefused(
                _("Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian; hãy thử lại sau.")
            ) from None
        except (PdfError, ValueError, KeyError, TypeError) as error:
            logger.warning("signing %s failed: %s", dossier_code, error)
            raise SigningRefused(
                _("Tệp PDF kết quả bị lỗi cấu trúc nên không ký số được; hãy xuất lại tệp PDF.")
            ) from None
    finally:
        if session is not None:
            session.close()
    signed = out.getvalue()
    embedded = _last_signature(signed)
    document = SignedDocument.objects.create(
        token=token,
        dossier_code=dossier_code,
        agency=key.agency,
        key=key,
        signed_at=now,
        timestamped=bool(settings.SIGNING_TSA_URL),
        file_sha256=hashlib.sha256(signed).hexdigest(),
        signature_sha256=_signature_digest(embedded),
        size=len(signed),
    )
    return SignedOutput(signed, document)


def _last_signature(data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[-1]


# ---- verification -------------------------------------------------------------------------------


@dataclass
class SignatureReport:
    signer: str
    organisation: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool  # the signed bytes are unchanged
    changed_after: bool  # content was changed in a later revision
    trusted: bool  # the certificate chains to a trusted root
    valid_at_signing: bool  # …and was valid (not expired, not revoked) when it signed
    certificate_serial: str = ""
    certificate_issuer: str = ""
    document: SignedDocument | None = None
    revoked: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and not self.changed_after
            and self.trusted
            and self.valid_at_signing
            and not self.revoked
        )


@dataclass
class Verification:
    error: str = ""
    signatures: list[SignatureReport] = field(default_factory=list)
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def document(self) -> SignedDocument | None:
        return next((s.document for s in self.signatures if s.document is not None), None)


def _name_part(name, key: str) -> str:
    try:
        return name.native.get(key, "") or ""
    except Exception:
        return ""


def verify(data: bytes) -> Verification:
    """Check every signature of a PDF (see the module docstring). Never raises on bad input."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    result = Verification(sha256=hashlib.sha256(data).hexdigest())
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        result.error = _("Tệp không phải PDF. Chỉ kiểm tra được văn bản PDF có chữ ký số.")
        return result
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception:
        result.error = _("Không đọc được tệp PDF: tệp bị hỏng hoặc đã bị sửa đổi cấu trúc.")
        return result
    if not signatures:
        result.error = _("Tệp PDF không có chữ ký số nào.")
        return result
    roots = trust_roots()
    for embedded in signatures:
        try:
            result.signatures.append(_check(embedded, roots))
        except Exception as error:  # a signature too broken to read: reported, not raised
            logger.info("verification failed: %s", error, exc_info=True)
            result.signatures.append(
                SignatureReport(signer="", organisation="", signed_at=None, timestamped=False, intact=False,
                                changed_after=True, trusted=False, valid_at_signing=False,
                                problems=[_("Chữ ký bị hỏng, không đọc được.")])
            )  # fmt: skip
    return result


# The chain reaches a trusted root but the certificate was not valid at the signing time.
_OUT_OF_TIME = {
    "EXPIRED",
    "NOT_YET_VALID",
    "OUT_OF_BOUNDS_NO_POE",
    "OUT_OF_BOUNDS_NOT_REVOKED",
    "REVOKED",
    "REVOKED_NO_POE",
}


def _check(embedded, roots) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel as Modification
    from pyhanko.sign.validation import validate_pdf_signature as validate
    from pyhanko.sign.validation.status import SignatureCoverageLevel as Coverage
    from pyhanko_certvalidator import ValidationContext

    from .pki import aware

    # Without a trusted timestamp the signer's own clock is all there is: the certificate is
    # checked at that moment (a timestamped signature is checked at the timestamp by pyHanko).
    moment = embedded.self_reported_timestamp
    context = ValidationContext(
        trust_roots=roots,
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=aware(moment) if moment else None,
    )
    status = validate(embedded, context)
    cert = status.signing_cert
    problem = getattr(status.trust_problem_indic, "name", None)
    timestamp = status.timestamp_validity
    if timestamp is not None and timestamp.intact and timestamp.valid and timestamp.trusted:
        moment = timestamp.timestamp
    try:
        digest = _signature_digest(embedded)
    except Exception:
        digest = ""
    document = SignedDocument.objects.select_related("agency", "key").filter(signature_sha256=digest).first()
    changed_after = status.coverage != Coverage.ENTIRE_FILE and (
        status.modification_level is None or status.modification_level > Modification.LTA_UPDATES
    )
    report = SignatureReport(
        signer=_name_part(cert.subject, "common_name") if cert is not None else "",
        organisation=_name_part(cert.subject, "organization_name") if cert is not None else "",
        signed_at=aware(moment) if moment else None,
        timestamped=timestamp is not None and moment == timestamp.timestamp,
        intact=bool(status.intact),
        changed_after=changed_after,
        trusted=bool(status.trusted) or problem in _OUT_OF_TIME,
        valid_at_signing=bool(status.trusted),
        certificate_serial=f"{cert.serial_number:X}" if cert is not None else "",
        certificate_issuer=_name_part(cert.issuer, "common_name") if cert is not None else "",
        document=document,
    )
    if document is not None and document.key.revoked_at is not None and moment is not None:
        report.revoked = aware(moment) >= document.key.revoked_at
    if not report.intact:
        report.problems.append(_("Nội dung văn bản đã bị thay đổi sau khi ký."))
    if report.changed_after:
        report.problems.append(_("Văn bản có phần được thêm hoặc sửa sau khi ký."))
    if not report.trusted:
        report.problems.append(_("Chứng thư số không thuộc tổ chức cấp chứng thư được Cổng tin cậy."))
    elif not report.valid_at_signing:
        report.problems.append(_("Chứng thư số không còn hiệu lực tại thời điểm ký."))
    if report.revoked:
        report.problems.append(_("Chứng thư số đã bị thu hồi trước thời điểm ký."))
    return report


# ---- keys ---------------------------------------------------------------------------------------


def add_pkcs12_key(*, agency, path: str, secret_env: str = "") -> SigningKey:
    """Register the PKCS#12 file at `path` as `agency`'s signing key (its earlier keys stay usable
    until they expire or are revoked; the newest valid one signs). Raises KeyUnavailable with a
    message when the file, its passphrase or its certificate is wrong."""
    from .keys import key_path, read_secret
    from .pki import certificate_info

    try:
        data = key_path(path).read_bytes()
    except OSError:
        raise KeyUnavailable(_("Không đọc được tệp %(path)s.") % {"path": path}) from None
    try:
        info = certificate_info(data, read_secret(secret_env))
    except ValueError:
        raise KeyUnavailable(_("Tệp không phải PKCS#12 hoặc mật khẩu không đúng.")) from None
    if info.not_after <= timezone.now():
        raise KeyUnavailable(_("Chứng thư số trong tệp đã hết hạn."))
    return SigningKey.objects.create(
        agency=agency, source="pkcs12", pkcs12_path=str(path), secret_env=secret_env,
        certificate_pem=info.pem, subject=info.subject, issuer=info.issuer, serial=info.serial,
        not_before=info.not_before, not_after=info.not_after,
    )  # fmt: skip


def add_pkcs11_key(
    *, agency, module: str, token: str, key_label: str, certificate_pem: bytes, secret_env: str
) -> SigningKey:
    """Register a key held on a token or HSM (PKCS#11); its certificate is given as PEM."""
    from cryptography import x509

    from .pki import CertificateInfo

    try:
        info = CertificateInfo(x509.load_pem_x509_certificate(certificate_pem))
    except ValueError:
        raise KeyUnavailable(_("Tệp chứng thư số không phải PEM hợp lệ.")) from None
    return SigningKey.objects.create(
        agency=agency, source="pkcs11", pkcs11_module=module, pkcs11_token=token, pkcs11_key=key_label,
        secret_env=secret_env, certificate_pem=info.pem, subject=info.subject, issuer=info.issuer,
        serial=info.serial, not_before=info.not_before, not_after=info.not_after,
    )  # fmt: skip


def ensure_demo_key(agency) -> SigningKey:
    """`agency`'s usable key, issued by the demo certificate authority when it has none
    (development, tests and the demo; refused when SIGNING_DEMO_CA is off)."""
    from .pki import issue_demo_key

    if not settings.SIGNING_DEMO_CA:
        raise KeyUnavailable(_("Tổ chức cấp chứng thư thử nghiệm bị tắt (SIGNING_DEMO_CA)."))
    key = signing_key_for(agency)
    if (
        key is not None
        and key.pkcs12_path
        and not key.secret_env
        and Path(settings.SIGNING_DIR, key.pkcs12_path).exists()
    ):
        return key
    relative, _data = issue_demo_key(agency)
    return add_pkcs12_key(agency=agency, path=relative)


def ensure_demo_keys() -> int:
    """A demo key for every agency in force that has an electronic identifier and no usable demo
    key (development and the demo); returns how many keys were issued."""
    from agencies.models import Agency

    issued = 0
    for agency in Agency.objects.active_on().exclude(code="").order_by("code"):
        before = agency.signing_keys.count()
        ensure_demo_key(agency)
        issued += agency.signing_keys.count() - before
    return issued


def revoke_key(key: SigningKey, *, at=None) -> None:
    """Documents this key signs from `at` on are reported as signed with a revoked certificate."""
    SigningKey.objects.filter(pk=key.pk).update(revoked_at=at or timezone.now(), is_active=False)


def mark_signed(dossier_code: str, files: list) -> list:
    """`files` (a dossier's result files), each given `.signed`: its SignedDocument when the portal
    signed it, else None; one query."""
    rows = SignedDocument.objects.select_related("agency").filter(
        dossier_code=dossier_code, file_sha256__in=[f.sha256 for f in files]
    )
    by_hash = {row.file_sha256: row for row in rows}
    for upload in files:
        upload.signed = by_hash.get(upload.sha256)
    return files


def agencies_with_keys(when=None) -> set[int]:
    """The ids of the agencies that have a usable signing key now."""
    return set(SigningKey.objects.usable(when).values_list("agency_id", flat=True))
