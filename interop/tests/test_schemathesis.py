"""API v1 fuzzed against its own OpenAPI document with schemathesis (issue 17, item 4).

For every operation of the document, inputs are generated from it — valid ones, and in negative mode
ones the document forbids — and sent to the real WSGI application with a real client's token. Every
answer must be no server error, and carry a status code, content type and body that the document
declares for that operation (schemathesis' default checks). Two default checks are left out, both
about the API's deliberate choices rather than its correctness:
- `positive_data_acceptance` expects every schema-valid input to be accepted, but the API rightly
  refuses content no schema can describe (an empty file, bytes that are not a PDF, a dossier code
  that does not exist) with a documented 4xx;
- `negative_data_rejection` expects every schema-invalid input to be refused, but a blank query
  parameter counts as absent (docs/api.md; tested in test_responses.py). What it found that was a
  defect (unknown parameters silently ignored) is fixed and tested there too."""

import json
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import checks
from schemathesis.generation import GenerationMode

from portal.wsgi import application

pytestmark = [pytest.mark.engine]

OPENAPI = "/api/v1/openapi.json"
EXCLUDED = [checks.positive_data_acceptance, checks.negative_data_rejection]
SETTINGS = hypothesis_settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same inputs on every run: a failure in CI reproduces on a laptop
    database=None,
    suppress_health_check=list(HealthCheck),
)


@contextmanager
def keep_the_test_connection():
    """Called through WSGI (not Django's test client), each request would end with
    `close_old_connections`, closing the connection that holds the test's transaction (PostgreSQL).
    Django's test client disconnects it the same way, and connects it again after each of its own
    requests: so this wraps the WSGI calls only."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in signals:
            signal.connect(close_old_connections)


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
            case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)

        try:
            with keep_the_test_connection():
                check()
        except Exception as failure:
            raise AssertionError(f"{operation.label} ({mode.value}): {failure}") from failure
