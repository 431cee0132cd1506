"""schemathesis against the OpenAPI schema (#9): generated requests for every route get no server
error, and every answer matches the schema (status codes, content types, JSON bodies)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from kb_fixture import web_db  # noqa: F401  (fixture)

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, given, settings  # noqa: E402

EXAMPLES = 20  # per operation: bounded, so the whole schema runs in well under a minute


def operations(db: Path) -> list:
    from bilat.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token="secret"))
    return [r.ok() for r in schema.get_all_operations()]


def test_web_schema_lists_every_route(web_db: Path) -> None:
    labels = {op.label for op in operations(web_db)}
    for label in ("GET /", "GET /pairs/{pair}", "GET /events", "GET /events/{event_id}", "GET /documents/{key}",
                  "GET /actors/{code}", "GET /people", "GET /search", "POST /api/documents"):
        assert label in labels


def checker(op):
    """A hypothesis test of one operation: generated requests, each answer checked."""

    @given(case=op.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case) -> None:
        response = case.call()
        assert response.status_code < 500, (op.label, case.path_parameters, case.query, response.text[:300])
        case.validate_response(response)

    return check


def test_web_generated_requests_get_no_server_error_and_match_the_schema(web_db: Path) -> None:
    for op in operations(web_db):
        checker(op)()
