"""The OpenAPI document matches the routes of interop/urls.py and is well formed."""

import json
import re

import pytest
from django.urls import reverse

from interop import urls as interop_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get(reverse("interop:openapi"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)


def _template(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_required_top_level_fields(document):
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] and document["info"]["version"]
    assert document["servers"] == [{"url": "/api/v1"}]
    assert document["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"


def test_every_route_is_described_and_nothing_else(document):
    routes = {_template(str(p.pattern)) for p in interop_urls.urlpatterns}
    assert routes == set(document["paths"])


def test_servers_url_plus_path_is_the_real_url(document):
    for pattern in interop_urls.urlpatterns:
        kwargs = {name: "000.00.31.H80-250101-0001" for name in pattern.pattern.converters}
        url = reverse(f"interop:{pattern.name}", kwargs=kwargs)
        template = _template(str(pattern.pattern))
        assert url == "/api/v1" + template.replace("{code}", "000.00.31.H80-250101-0001")


def test_documented_methods_are_the_accepted_ones(client, document, writer, dossier):
    """A method the document does not list is answered 405 by the view; a listed one is not."""
    api_client, token = writer
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for path, operations in document["paths"].items():
        if path == "/openapi.json":
            continue
        url = "/api/v1" + path.replace("{code}", dossier.code)
        for method in ("get", "post"):
            response = getattr(client, method)(url, **auth)
            assert (response.status_code == 405) == (method not in operations), (method, path)


def test_every_reference_resolves(document):
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    refs = set(walk(document))
    assert refs
    for ref in refs:
        name = ref.removeprefix("#/components/schemas/")
        assert name in document["components"]["schemas"], ref


def test_every_protected_operation_answers_401_and_names_its_scope(document):
    for path, operations in document["paths"].items():
        for operation in operations.values():
            if operation.get("security") == []:
                continue
            assert "401" in operation["responses"] and "403" in operation["responses"], path
            assert operation["x-scopes"], path
