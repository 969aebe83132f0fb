"""Every endpoint's real answers, successes and errors, match the schema that the generated OpenAPI
document gives for that status; errors keep their exact bytes; bad input is refused in Vietnamese
and writes nothing."""

import json
from datetime import date, datetime
from uuid import UUID

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dossiers.models import Dossier, DossierFile, StatusChange
from dossiers.tests.factories import pdf_bytes
from interop.models import ApiCallLog

from .conftest import bearer

pytestmark = pytest.mark.django_db
LIST = reverse("interop:dossiers")

TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}
FORMATS = {"date-time": datetime.fromisoformat, "date": date.fromisoformat, "uuid": UUID}


def check(value, schema: dict, document: dict, where: str = "$") -> None:
    """Assert that `value` matches `schema` (the JSON Schema keywords ninja's document uses).

    Stricter than JSON Schema on one point: an object whose schema lists its properties may not carry
    others (an undocumented field is drift between the answer and the document)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        check(value, document["components"]["schemas"][name], document, where)
    for part in schema.get("allOf", []):
        check(value, part, document, where)
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            try:
                check(value, option, document, where)
                break
            except AssertionError:
                continue
        else:
            raise AssertionError(f"{where}: {value!r} matches none of {schema['anyOf']}")
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(TYPES[kind](value) for kind in kinds), f"{where}: {value!r} is not {kinds}"
    if isinstance(value, str) and schema.get("format") in FORMATS:
        FORMATS[schema["format"]](value)
    if isinstance(value, str) and "maxLength" in schema:
        assert len(value) <= schema["maxLength"], where
    if TYPES["number"](value):
        assert value >= schema.get("minimum", value) and value <= schema.get("maximum", value), where
    if isinstance(value, list):
        for index, item in enumerate(value):
            check(item, schema.get("items", {}), document, f"{where}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            assert name in value, f"{where}: {name!r} missing"
        for name, item in value.items():
            if name in properties:
                check(item, properties[name], document, f"{where}.{name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                check(item, schema["additionalProperties"], document, f"{where}.{name}")
            else:
                assert not properties, f"{where}: {name!r} is not in the document"


@pytest.fixture
def document(client):
    return client.get(reverse("interop:openapi")).json()


def matches_document(response, document, template: str, method: str) -> dict:
    """The answer's body, after checking it against the document's schema for its status."""
    assert response["Content-Type"] == "application/json"
    responses = document["paths"][template][method]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method} {template} answered {status}, which the document does not list"
    body = response.json()
    check(body, responses[status]["content"]["application/json"]["schema"], document)
    return body


def push(client, token, dossier, **body):
    return client.post(
        reverse("interop:status_change", args=[dossier.code]),
        body,
        content_type="application/json",
        **bearer(token),
    )


# --- The checker itself ----------------------------------------------------------------------------
def test_the_checker_refuses_what_the_schema_does_not_allow(document):
    error = {"$ref": "#/components/schemas/Error"}
    check({"error": {"status": 400, "message": "Sai.", "fields": {"a": ["b"]}}}, error, document)
    for wrong in (
        {"error": {"status": 400}},  # message missing
        {"error": {"status": "400", "message": "Sai."}},  # wrong type
        {"error": {"status": 400, "message": "Sai.", "fields": {"a": "b"}}},  # not a list
        {"error": {"status": 400, "message": "Sai.", "extra": 1}},  # not documented
    ):
        with pytest.raises(AssertionError):
            check(wrong, error, document)
    with pytest.raises(ValueError):
        check({"at": "hôm qua"}, {"properties": {"at": {"format": "date-time"}}}, document)
    with pytest.raises(AssertionError):
        check("11", {"$ref": "#/components/schemas/DossierStatus"}, document)


# --- Successes -------------------------------------------------------------------------------------
def test_list_and_detail_match_the_document(client, writer, dossier, document):
    api_client, token = writer
    page = matches_document(client.get(LIST, **bearer(token)), document, "/dossiers/", "get")
    assert [d["code"] for d in page["results"]] == [dossier.code]
    url = reverse("interop:dossier", args=[dossier.code])
    detail = matches_document(client.get(url, **bearer(token)), document, "/dossiers/{code}/", "get")
    assert detail["files"] and detail["answers"] and detail["history"]
    # dates as isoformat() writes them, as before ninja (no cut microseconds, no "Z")
    dossier.refresh_from_db()
    assert detail["submitted_at"] == dossier.submitted_at.isoformat()
    assert detail["due_date"] == (dossier.appointment_date.isoformat() if dossier.appointment_date else None)


def test_status_change_and_result_match_the_document(client, writer, dossier, document):
    api_client, token = writer
    template = "/dossiers/{code}/status-changes/"
    for action in ("accept", "start"):
        body = matches_document(push(client, token, dossier, action=action), document, template, "post")
    assert body["status_change"]["system"] == "mot-cua-tinh"
    upload = SimpleUploadedFile("ket-qua.pdf", pdf_bytes("Ket qua"), content_type="application/pdf")
    response = client.post(reverse("interop:results", args=[dossier.code]), {"file": upload}, **bearer(token))
    assert response.status_code == 201
    body = matches_document(response, document, "/dossiers/{code}/results/", "post")
    assert body["dossier"]["status"] == "9" and body["files"][0]["purpose"] == "result"


# --- Errors ----------------------------------------------------------------------------------------
def test_every_error_matches_the_document(client, writer, make_api_client, dossier, other_dossier, document):
    api_client, token = writer
    reader, read_token = make_api_client("dossiers:read", units=[dossier.receiving_unit])
    detail, status_changes, results = (
        "/dossiers/{code}/",
        "/dossiers/{code}/status-changes/",
        "/dossiers/{code}/results/",
    )
    results_url = reverse("interop:results", args=[dossier.code])
    answers = [
        (client.get(LIST), "/dossiers/", "get", 401),
        (client.get(LIST, HTTP_AUTHORIZATION="Bearer dvc_00000000_x"), "/dossiers/", "get", 401),
        (client.get(LIST, {"status": "11", "page": "0"}, **bearer(token)), "/dossiers/", "get", 400),
        (
            client.get(LIST, {"unit": other_dossier.receiving_unit.code}, **bearer(token)),
            "/dossiers/",
            "get",
            403,
        ),
        (
            client.get(reverse("interop:dossier", args=[other_dossier.code]), **bearer(token)),
            detail,
            "get",
            404,
        ),
        (push(client, read_token, dossier, action="accept"), status_changes, "post", 403),
        (push(client, token, dossier, action="bay"), status_changes, "post", 400),
        (push(client, token, dossier, action="return"), status_changes, "post", 409),
        (push(client, token, other_dossier, action="accept"), status_changes, "post", 404),
        (client.post(results_url, {}, **bearer(token)), results, "post", 400),
        (client.post(results_url, {"file": _pdf()}, **bearer(token)), results, "post", 409),
    ]
    for response, template, method, status in answers:
        assert response.status_code == status, (template, method, response.content)
        body = matches_document(response, document, template, method)
        assert body["error"]["status"] == status
    assert ApiCallLog.objects.count() == len(answers)


def test_wrong_method_is_an_error_in_the_same_format(client, writer, dossier, document):
    api_client, token = writer
    response = client.put(LIST, **bearer(token))
    assert response.status_code == 405 and response["Allow"] == "GET"
    check(response.json(), {"$ref": "#/components/schemas/Error"}, document)
    assert "PUT" in response.json()["error"]["message"]
    # the token is checked first, as for the allowed method, and both calls are logged
    assert client.delete(reverse("interop:dossier", args=[dossier.code])).status_code == 401
    logged = ApiCallLog.objects.order_by("pk").values_list("client_id", "method", "status_code")
    assert list(logged) == [(api_client.pk, "PUT", 405), (None, "DELETE", 401)]


def _pdf():
    return SimpleUploadedFile("ket-qua.pdf", pdf_bytes(), content_type="application/pdf")


def _bytes(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def test_error_bodies_keep_their_exact_bytes(client, writer, dossier):
    api_client, token = writer
    assert client.get(LIST).content == _bytes(
        {
            "error": {
                "status": 401,
                "message": "Thiếu khóa truy cập: gửi tiêu đề “Authorization: Bearer <khóa>”.",
            }
        }
    )
    assert client.get(LIST, {"status": "11"}, **bearer(token)).content == _bytes(
        {
            "error": {
                "status": 400,
                "message": "Tham số không hợp lệ.",
                "fields": {
                    "status": ["Trạng thái không hợp lệ: 11 (dùng mã 1 đến 10, cách nhau bằng dấu phẩy)."]
                },
            }
        }
    )
    assert push(client, token, dossier, action="return").content == _bytes(
        {
            "error": {
                "status": 409,
                "message": "Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Mới đăng ký”.",
            }
        }
    )


# --- Bad input -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            {"action": "refuse", "due_date": "mai", "amount": "nhiều"},
            {
                "reason": ["Thao tác này cần lý do / nội dung gửi công dân."],
                "due_date": ["Nhập một ngày hợp lệ."],
                "amount": ["Nhập một số tổng thể."],
            },
        ),
        (
            {"action": "bay"},
            {"action": ["Hãy chọn một lựa chọn hợp lệ. bay không phải là một trong các lựa chọn khả thi."]},
        ),
        (
            {"action": "request_payment", "amount": 0, "reason": "x" * 2001},
            {
                "reason": ["Giá trị này chỉ có tối đa 2000 kí tự (hiện có 2001)"],
                "amount": ["Đảm bảo giá trị này lớn hơn hoặc bằng với 1 ."],
            },
        ),
        ({"action": "  "}, {"action": ["Trường này là bắt buộc."]}),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_writes_nothing(client, writer, dossier, body, expected):
    api_client, token = writer
    before = Dossier.objects.values().get(pk=dossier.pk)
    history, files = StatusChange.objects.count(), DossierFile.objects.count()
    response = push(client, token, dossier, **body)
    assert response.status_code == 400
    assert response.json() == {
        "error": {"status": 400, "message": "Dữ liệu không hợp lệ.", "fields": expected}
    }
    assert Dossier.objects.values().get(pk=dossier.pk) == before
    assert (StatusChange.objects.count(), DossierFile.objects.count()) == (history, files)
    assert list(ApiCallLog.objects.values_list("status_code", flat=True)) == [400]


def test_bad_list_parameters_are_all_reported_at_once(client, writer, dossier):
    api_client, token = writer
    response = client.get(LIST, {"page_size": "0", "updated_since": "hom-qua", "page": "x"}, **bearer(token))
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "updated_since": ["Nhập một ngày/thời gian hợp lệ."],
        "page": ["Nhập một số tổng thể."],
        "page_size": ["Đảm bảo giá trị này lớn hơn hoặc bằng với 1 ."],
    }


def test_blank_parameters_count_as_absent(client, writer, dossier):
    api_client, token = writer
    response = client.get(LIST, {"page": "", "status": "", "unit": " "}, **bearer(token))
    assert response.status_code == 200, response.content
    assert response.json()["page"] == 1 and response.json()["count"] == 1


def test_a_nul_byte_is_refused_in_the_apis_own_format(client, writer):
    """Refused before any view (core.middleware), yet still JSON in the error format, not the HTML
    page the citizens' pages get (found by schemathesis, interop/tests/test_schemathesis.py)."""
    _api_client, token = writer
    response = client.get("/api/v1/dossiers/?unit=%00", **bearer(token))
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert "ký tự NUL" in response.json()["error"]["message"]


def test_an_unknown_or_misspelt_parameter_is_refused_not_ignored(client, writer, dossier):
    """Ignored, `?trang_thai=9` would answer every dossier as if it were filtered (found by
    schemathesis in negative mode)."""
    _api_client, token = writer
    response = client.get("/api/v1/dossiers/?trang_thai=9&status=1&=0", **bearer(token))
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert set(fields) == {"trang_thai", "(trống)"} and "không được hỗ trợ" in fields["trang_thai"][0]
    assert client.get("/api/v1/dossiers/?status=1&page=1", **bearer(token)).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["submitted_from=0001-01-01", "submitted_to=9999-12-31", "updated_since=0001-01-01T00:00:00%2B07:00"],
)
def test_dates_out_of_any_dossiers_range_are_refused(client, writer, dossier, query):
    """Year 1 overflowed when turned into an instant in the portal's time zone: a 500 (schemathesis)."""
    _api_client, token = writer
    response = client.get(f"/api/v1/dossiers/?{query}", **bearer(token))
    assert response.status_code == 400
    [(field, messages)] = response.json()["error"]["fields"].items()
    assert query.startswith(field) and "01/01/1990" in messages[0]


@pytest.mark.engine  # PostgreSQL refuses a non-address in an inet column; SQLite stores anything
def test_a_call_without_a_client_address_is_logged_without_one(client, writer):
    _api_client, token = writer
    response = client.get("/api/v1/dossiers/", REMOTE_ADDR="", **bearer(token))
    assert response.status_code == 200
    assert ApiCallLog.objects.latest("pk").remote_addr is None
