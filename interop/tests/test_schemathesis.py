"""API v1 fuzzed against its own OpenAPI document with schemathesis (issue 17, item 4).

For every operation of the document, inputs are generated from it — valid ones, and in negative mode
ones the document forbids — and sent to the real WSGI application with a real client's token. Every
answer must be no server error, and carry a status code, content type and body that the document
declares for that operation (schemathesis' default checks). One default check is left out:
`positive_data_acceptance` expects every schema-valid input to be accepted, but the API rightly
refuses content no schema can describe (an empty file, bytes that are not a PDF, a dossier code that
does not exist) with a documented 4xx."""

import json

import pytest
import schemathesis
from schemathesis import checks
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.generation import GenerationMode

from portal.wsgi import application

pytestmark = [pytest.mark.engine]

OPENAPI = "/api/v1/openapi.json"
SETTINGS = hypothesis_settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same inputs on every run: a failure in CI reproduces on a laptop
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _operations(client):
    """Every operation of the document as the portal serves it, bound to the WSGI application (the
    document itself is checked in test_openapi.py)."""
    loaded = schemathesis.openapi.from_dict(json.loads(client.get(OPENAPI).content))
    loaded.app = application
    loaded.location = OPENAPI
    operations = [result.ok() for result in loaded.get_all_operations()]
    return [operation for operation in operations if not operation.path.startswith("/openapi")]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_answers_every_generated_input_as_documented(client, writer, dossier, mode):
    _api_client, token = writer
    headers = {"Authorization": f"Bearer {token}"}
    operations = _operations(client)
    assert len(operations) >= 5, [op.label for op in operations]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @SETTINGS
        def check(case):
            case.call_and_validate(headers=headers, excluded_checks=[checks.positive_data_acceptance])

        try:
            check()
        except Exception as failure:
            raise AssertionError(f"{operation.label} ({mode.value}): {failure}") from failure
