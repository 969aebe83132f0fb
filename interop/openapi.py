"""The OpenAPI 3.1 description of API version 1, written by hand and served at /api/v1/openapi.json.

interop/tests/test_openapi.py checks that every route of interop/urls.py is described here and
nothing else, with the methods the views accept.
"""

from __future__ import annotations

from dossiers.constants import Action, DossierStatus

from .constants import PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, Scope

__all__ = ["openapi_document"]

VERSION = "1.0.0"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


CODE_PARAMETER = {
    "name": "code",
    "in": "path",
    "required": True,
    "description": "Mã hồ sơ theo mẫu quốc gia <mã cơ quan>-<YYMMDD>-<NNNN>.",
    "schema": {"type": "string", "example": "000.00.12.H53-251128-0001"},
}
COMMON_ERRORS = {
    "401": _error_response("Thiếu khóa, khóa sai hoặc đã thu hồi."),
    "403": _error_response("Khóa không có quyền (scope) cần thiết, hoặc đơn vị không được phép."),
}


def _schemas() -> dict:
    unit = {
        "type": ["object", "null"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
        "required": ["code", "name"],
    }
    status = {"type": "string", "enum": DossierStatus.values, "description": "Mã trạng thái quốc gia (1–10)."}
    summary_properties = {
        "code": {"type": "string"},
        "status": status,
        "status_label": {"type": "string"},
        "procedure_code": {"type": "string"},
        "procedure_name": {"type": "string"},
        "receiving_unit": unit,
        "competent_agency": unit,
        "submitted_at": {"type": "string", "format": "date-time"},
        "status_changed_at": {"type": ["string", "null"], "format": "date-time"},
        "due_date": {"type": ["string", "null"], "format": "date"},
        "applicant_name": {"type": "string"},
    }
    return {
        "Error": {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "status": {"type": "integer"},
                        "message": {"type": "string", "description": "Thông báo bằng tiếng Việt."},
                        "fields": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                            "description": "Lỗi theo từng trường (khi dữ liệu gửi lên không hợp lệ).",
                        },
                    },
                    "required": ["status", "message"],
                }
            },
            "required": ["error"],
        },
        "DossierSummary": {
            "type": "object",
            "properties": {**summary_properties, "url": {"type": "string"}},
            "required": list(summary_properties) + ["url"],
        },
        "DossierPage": {
            "type": "object",
            "properties": {
                "count": {"type": "integer"},
                "page": {"type": "integer"},
                "page_size": {"type": "integer"},
                "next": {"type": ["string", "null"]},
                "previous": {"type": ["string", "null"]},
                "server_time": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Thời điểm máy chủ trả lời: dùng làm updated_since cho lần đồng bộ sau.",
                },
                "results": {"type": "array", "items": _ref("DossierSummary")},
            },
            "required": ["count", "page", "page_size", "next", "previous", "server_time", "results"],
        },
        "StatusChange": {
            "type": "object",
            "properties": {
                "from_status": {"type": ["string", "null"]},
                "status": status,
                "status_label": {"type": "string"},
                "action": {"type": ["string", "null"], "enum": [*Action.values, None]},
                "at": {"type": "string", "format": "date-time"},
                "reason": {"type": "string"},
                "by": {"type": "string"},
                "system": {"type": ["string", "null"]},
            },
            "required": ["from_status", "status", "action", "at", "reason", "by", "system"],
        },
        "File": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "purpose": {"type": "string", "enum": ["submitted", "supplement", "result"]},
                "component": {"type": "string"},
                "name": {"type": "string"},
                "content_type": {"type": "string"},
                "size": {"type": "integer"},
                "sha256": {"type": "string"},
                "scan_status": {"type": "string"},
                "uploaded_at": {"type": "string", "format": "date-time"},
            },
            "required": ["id", "purpose", "name", "content_type", "size", "sha256"],
        },
        "Dossier": {
            "type": "object",
            "properties": {
                **summary_properties,
                "applicant": {
                    "type": "object",
                    "properties": {
                        k: {"type": "string"} for k in ("name", "phone", "email", "citizen_id", "address")
                    },
                },
                "time_limit_rule": {"type": "string"},
                "answers": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "step": {"type": "string"},
                            "key": {"type": "string"},
                            "label": {"type": "string"},
                            "kind": {"type": "string"},
                            "value": {},
                            "display": {"type": "string"},
                        },
                    },
                },
                "files": {"type": "array", "items": _ref("File")},
                "history": {"type": "array", "items": _ref("StatusChange")},
            },
            "required": [*summary_properties, "applicant", "answers", "files", "history"],
        },
        "StatusChangeRequest": {
            "type": "object",
            "properties": {
                "action": {"type": "string", "enum": Action.values},
                "reason": {"type": "string", "maxLength": 2000, "description": "Lý do, gửi cho công dân."},
                "due_date": {
                    "type": "string",
                    "format": "date",
                    "description": "Ngày hẹn trả kết quả: khi tiếp nhận (accept, không bắt buộc) hoặc ngày hẹn "
                    "mới khi xin lỗi (apologize, bắt buộc).",
                },
                "amount": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Số tiền (nghĩa vụ tài chính), đồng.",
                },
                "to_unit": {"type": "string", "description": "Mã đơn vị nhận hồ sơ liên thông (chuyển)."},
            },
            "required": ["action"],
        },
        "StatusChangeResult": {
            "type": "object",
            "properties": {"dossier": _ref("DossierSummary"), "status_change": _ref("StatusChange")},
            "required": ["dossier", "status_change"],
        },
        "ResultFiles": {
            "type": "object",
            "properties": {
                "dossier": _ref("DossierSummary"),
                "files": {"type": "array", "items": _ref("File")},
            },
            "required": ["dossier", "files"],
        },
    }


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def openapi_document() -> dict:
    scopes = {scope.value: str(scope.label) for scope in Scope}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cổng Dịch vụ công — API liên thông",
            "version": VERSION,
            "description": (
                "API cho các hệ thống một cửa điện tử khác của tỉnh: đọc hồ sơ theo đơn vị và trạng thái, "
                "cập nhật trạng thái, đính kèm kết quả. Xác thực bằng khóa riêng của từng hệ thống "
                "(Authorization: Bearer <khóa>); mọi lượt gọi được ghi nhật ký. Xem docs/api.md."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerToken": []}],
        "tags": [{"name": "dossiers", "description": "Hồ sơ"}],
        "paths": {
            "/dossiers/": {
                "get": {
                    "operationId": "listDossiers",
                    "tags": ["dossiers"],
                    "summary": "Danh sách hồ sơ của các đơn vị hệ thống được xem",
                    "description": "Sắp xếp ổn định theo thứ tự tạo hồ sơ. Quyền: dossiers:read.",
                    "x-scopes": [Scope.DOSSIERS_READ.value],
                    "parameters": [
                        _query("unit", "Mã đơn vị (tiếp nhận hoặc giải quyết).", {"type": "string"}),
                        _query(
                            "status", "Mã trạng thái, nhiều mã cách nhau bằng dấu phẩy.", {"type": "string"}
                        ),
                        _query("procedure", "Mã thủ tục.", {"type": "string"}),
                        _query(
                            "submitted_from",
                            "Nộp từ ngày (YYYY-MM-DD).",
                            {"type": "string", "format": "date"},
                        ),
                        _query(
                            "submitted_to", "Nộp đến ngày (YYYY-MM-DD).", {"type": "string", "format": "date"}
                        ),
                        _query(
                            "updated_since",
                            "Chỉ hồ sơ nộp hoặc đổi trạng thái từ thời điểm này (ISO 8601).",
                            {"type": "string", "format": "date-time"},
                        ),
                        _query("page", "Trang, từ 1.", {"type": "integer", "minimum": 1, "default": 1}),
                        _query(
                            "page_size",
                            "Số hồ sơ mỗi trang.",
                            {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": PAGE_SIZE_MAX,
                                "default": PAGE_SIZE_DEFAULT,
                            },
                        ),
                    ],
                    "responses": {
                        "200": _json(_ref("DossierPage"), "Một trang hồ sơ."),
                        "400": _error_response("Tham số không hợp lệ (lỗi theo từng trường)."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/dossiers/{code}/": {
                "get": {
                    "operationId": "getDossier",
                    "tags": ["dossiers"],
                    "summary": "Một hồ sơ: người nộp, nội dung khai, tệp (thông tin), lịch sử",
                    "x-scopes": [Scope.DOSSIERS_READ.value],
                    "parameters": [CODE_PARAMETER],
                    "responses": {
                        "200": _json(_ref("Dossier"), "Hồ sơ."),
                        **COMMON_ERRORS,
                        "404": _error_response("Không có hồ sơ này trong các đơn vị hệ thống được xem."),
                    },
                }
            },
            "/dossiers/{code}/status-changes/": {
                "post": {
                    "operationId": "changeDossierStatus",
                    "tags": ["dossiers"],
                    "summary": "Chuyển trạng thái hồ sơ (ghi vào lịch sử với tên hệ thống)",
                    "x-scopes": [Scope.DOSSIERS_WRITE.value],
                    "parameters": [CODE_PARAMETER],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("StatusChangeRequest")}},
                    },
                    "responses": {
                        "200": _json(_ref("StatusChangeResult"), "Đã chuyển trạng thái."),
                        "400": _error_response("Dữ liệu không hợp lệ (lỗi theo từng trường)."),
                        **COMMON_ERRORS,
                        "404": _error_response("Không có hồ sơ này trong các đơn vị hệ thống được xem."),
                        "409": _error_response("Thao tác không được phép ở trạng thái hiện tại của hồ sơ."),
                    },
                }
            },
            "/dossiers/{code}/results/": {
                "post": {
                    "operationId": "attachResult",
                    "tags": ["dossiers"],
                    "summary": "Gửi tệp kết quả giải quyết (PDF, JPEG, PNG; kiểm tra như mọi tệp tải lên)",
                    "description": "Hồ sơ đang xử lý (4): hoàn thành xử lý với các tệp này (→ 9, ghi lịch sử "
                    "với tên hệ thống). Trạng thái khác: 409. Quyền: results:write.",
                    "x-scopes": [Scope.RESULTS_WRITE.value],
                    "parameters": [CODE_PARAMETER],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "file": {
                                            "type": "array",
                                            "items": {
                                                "type": "string",
                                                "contentMediaType": "application/octet-stream",
                                            },
                                            "description": "Một hoặc nhiều tệp (PDF, JPEG, PNG), cùng tên trường.",
                                        },
                                        "reason": {"type": "string", "description": "Nội dung gửi công dân."},
                                    },
                                    "required": ["file"],
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": _json(_ref("ResultFiles"), "Đã lưu tệp kết quả."),
                        "400": _error_response("Thiếu tệp hoặc tệp bị từ chối (lý do bằng tiếng Việt)."),
                        **COMMON_ERRORS,
                        "404": _error_response("Không có hồ sơ này trong các đơn vị hệ thống được xem."),
                        "409": _error_response("Hồ sơ không ở trạng thái đang xử lý."),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "Tài liệu này (không cần khóa)",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Khóa riêng của từng hệ thống. Quyền (scope): "
                    + "; ".join(f"{k} — {v}" for k, v in scopes.items()),
                }
            },
            "schemas": _schemas(),
        },
    }
