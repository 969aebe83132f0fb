"""API v1: verify a signed document (the check of /xac-thuc/, signing.services.verify)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import File as FileParam
from ninja import UploadedFile

from signing.services import verify

from ..constants import Scope
from ..schemas import Error, VerificationResult
from .api import INVALID_DATA, ApiError, endpoint


@endpoint(
    "POST",
    "/xac-thuc/",
    scope=Scope.DOCUMENTS_VERIFY,
    url_name="verify",
    responses={
        200: (VerificationResult, gettext_lazy("Kết quả kiểm tra (valid cho biết văn bản có hợp lệ không).")),
        400: (Error, gettext_lazy("Thiếu tệp hoặc tệp quá lớn.")),
    },
    operation_id="verifyDocument",
    summary="Xác thực văn bản PDF đã ký số (chữ ký, thời điểm, sửa đổi sau khi ký, chứng thư, mã hồ sơ)",
    description="Gửi tệp PDF (multipart, trường file). Tệp không được lưu. Quyền: documents:verify.",
)
def verify_document(request, file: FileParam[UploadedFile]):
    if file.size > settings.SIGNING_VERIFY_MAX_BYTES:
        raise ApiError(400, INVALID_DATA, {"file": [_("Tệp lớn hơn giới hạn kiểm tra.")]})
    result = verify(file.read())
    return {
        "valid": result.ok,
        "error": result.error,
        "sha256": result.sha256,
        "signatures": [
            {
                "signer": s.signer,
                "organisation": s.organisation,
                "signed_at": s.signed_at,
                "timestamped": s.timestamped,
                "intact": s.intact,
                "changed_after": s.changed_after,
                "trusted": s.trusted,
                "valid_at_signing": s.valid_at_signing,
                "revoked": s.revoked,
                "dossier_code": s.document.dossier_code if s.document else None,
                "problems": s.problems,
            }  # fmt: skip
            for s in result.signatures
        ],
    }
