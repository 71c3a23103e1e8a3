"""GraphQL over HTTP through the real ASGI app (server/graphql/core/view.py, server/app.py).

Status codes and media types per the GraphQL-over-HTTP spec, query limits, production hardening
(no introspection, no suggestions, no GraphiQL, masked errors), request ids, health, metrics and
structured logs.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from server.app import create_app
from server.observability import ContextFilter
from server.settings import Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
GR_HEADERS = {"accept": GRAPHQL_RESPONSE}

OK_QUERY = "query Ok { serviceItems(first: 1) { totalCount } }"
PARSE_ERROR = "query { serviceItems(first: 1) { totalCount "  # unterminated selection set
UNKNOWN_FIELD = "query { serviceItems(first: 1) { totalCountz } }"
TYPED = "query Typed($first: Int) { serviceItems(first: $first) { totalCount } }"
REQUIRED = "query Required($code: String!) { serviceItemByCode(code: $code) { name } }"
# node() with a malformed global id raises in its resolver: a field error with a path; me is null
FIELD_ERROR = "query FieldError { me { username } node(id: \"not-a-global-id\") { id } }"

HEX16 = re.compile(r"^[0-9a-f]{16}$")


def _media(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


async def _post(
    client: httpx.AsyncClient, body: Any, *, accept: str | None = GRAPHQL_RESPONSE, **headers: str
) -> httpx.Response:
    h = dict(headers)
    if accept is not None:
        h["accept"] = accept
    return await client.post("/graphql", json=body, headers=h)


def _assert_request_error(response: httpx.Response) -> dict[str, Any]:
    """A GraphQL request error under application/graphql-response+json: 400, errors, no data key."""
    assert response.status_code == 400, response.text
    assert _media(response) == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body, body
    assert body["errors"], body
    assert all(isinstance(e["message"], str) and e["message"] for e in body["errors"]), body
    return body


@pytest.fixture(scope="module")
def production_app(settings: Settings) -> Starlette:
    return create_app(
        Settings(env="production", database_url=settings.database_url, secret_key="x" * 40), manage_db=False
    )


@pytest.fixture(scope="module")
def development_app(settings: Settings) -> Starlette:
    return create_app(
        Settings(env="development", database_url=settings.database_url, secret_key="d" * 40), manage_db=False
    )


@pytest.fixture
async def prod(production_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=production_app, client=("127.0.0.1", 40002))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


@pytest.fixture
async def dev(development_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=development_app, client=("127.0.0.1", 40003))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


# --- status codes under application/graphql-response+json ---------------------------------------


async def test_success_is_200_with_data(client: httpx.AsyncClient) -> None:
    r = await _post(client, {"query": OK_QUERY, "operationName": "Ok"})
    assert r.status_code == 200
    assert _media(r) == GRAPHQL_RESPONSE
    assert r.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    body = r.json()
    assert "errors" not in body
    assert body["data"]["serviceItems"]["totalCount"] > 0


async def test_parse_error_is_400_without_data(client: httpx.AsyncClient) -> None:
    body = _assert_request_error(await _post(client, {"query": PARSE_ERROR}))
    error = body["errors"][0]
    assert error["message"].startswith("查询语法错误：") and error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_validation_error_is_400_without_data(client: httpx.AsyncClient) -> None:
    body = _assert_request_error(await _post(client, {"query": UNKNOWN_FIELD}))
    assert "totalCountz" in body["errors"][0]["message"]


async def test_variable_of_wrong_type_is_400_without_data(client: httpx.AsyncClient) -> None:
    body = _assert_request_error(await _post(client, {"query": TYPED, "variables": {"first": "ten"}}))
    assert "$first" in body["errors"][0]["message"]


async def test_missing_required_variable_is_400_without_data(client: httpx.AsyncClient) -> None:
    body = _assert_request_error(await _post(client, {"query": REQUIRED, "variables": {}}))
    assert "$code" in body["errors"][0]["message"]


async def test_field_error_during_execution_is_200_with_data(client: httpx.AsyncClient) -> None:
    r = await _post(client, {"query": FIELD_ERROR})
    assert r.status_code == 200, r.text
    assert _media(r) == GRAPHQL_RESPONSE
    body = r.json()
    assert "data" in body
    assert body["data"] == {"me": None, "node": None}
    assert sorted(e["path"] for e in body["errors"]) == [["me"], ["node"]]  # me: nobody signed in


async def test_field_error_nulling_the_whole_result_is_still_200_with_data(client: httpx.AsyncClient) -> None:
    # serviceItems is non-null: its error bubbles up to data = null, but execution did start
    r = await _post(client, {"query": "{ serviceItems(first: 1000) { totalCount } }"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "data" in body and body["data"] is None
    assert body["errors"][0]["path"] == ["serviceItems"]


# --- application/json: always 200 for well-formed requests ----------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"query": PARSE_ERROR}, id="parse"),
        pytest.param({"query": UNKNOWN_FIELD}, id="validation"),
        pytest.param({"query": TYPED, "variables": {"first": "ten"}}, id="variable-type"),
        pytest.param({"query": REQUIRED, "variables": {}}, id="variable-missing"),
        pytest.param({"query": FIELD_ERROR}, id="field"),
        pytest.param({"query": OK_QUERY}, id="ok"),
    ],
)
@pytest.mark.parametrize("accept", [JSON, None], ids=["accept-json", "no-accept"])
async def test_application_json_answers_200(client: httpx.AsyncClient, payload: dict[str, Any],
                                            accept: str | None) -> None:
    request = client.build_request("POST", "/graphql", json=payload)
    if accept is None:
        del request.headers["accept"]  # httpx sends */* by default
    else:
        request.headers["accept"] = accept
    assert ("accept" in request.headers) == (accept is not None)
    r = await client.send(request)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == f"{JSON}; charset=utf-8"
    body = r.json()
    assert "errors" in body or "data" in body
    if payload["query"] is OK_QUERY:
        assert "errors" not in body and body["data"]["serviceItems"]["totalCount"] > 0
    elif payload["query"] is not FIELD_ERROR:
        assert body["errors"] and "data" not in body


# --- Accept negotiation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (f"{JSON};q=0.9, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
        ("*/*", JSON),
        ("", JSON),
    ],
)
async def test_accept_negotiation(client: httpx.AsyncClient, accept: str, expected: str) -> None:
    r = await _post(client, {"query": UNKNOWN_FIELD}, accept=accept)
    assert _media(r) == expected
    assert r.status_code == (400 if expected == GRAPHQL_RESPONSE else 200)


@pytest.mark.parametrize("accept", ["text/plain", "text/plain, text/csv;q=0.5", f"{GRAPHQL_RESPONSE};q=0"])
async def test_unacceptable_accept_is_406(client: httpx.AsyncClient, accept: str) -> None:
    r = await _post(client, {"query": OK_QUERY}, accept=accept)
    assert r.status_code == 406, r.text
    assert "application/graphql-response+json" in r.text


# --- GET and malformed requests ---------------------------------------------------------------------


async def test_get_runs_a_query(client: httpx.AsyncClient) -> None:
    r = await client.get(
        "/graphql",
        params={"query": TYPED, "variables": json.dumps({"first": 2}), "operationName": "Typed"},
        headers=GR_HEADERS,
    )
    assert r.status_code == 200, r.text
    assert _media(r) == GRAPHQL_RESPONSE
    assert r.json()["data"]["serviceItems"]["totalCount"] > 0


async def test_get_with_a_mutation_is_405_allow_post(client: httpx.AsyncClient) -> None:
    mutation = 'mutation { login(input: {username: "city_admin", password: "nope-nope"}) { token } }'
    r = await client.get("/graphql", params={"query": mutation}, headers=GR_HEADERS)
    assert r.status_code == 405, r.text
    assert r.headers["allow"] == "POST"
    body = r.json()
    assert "data" not in body and body["errors"][0]["message"]


async def test_get_with_invalid_variables_json_is_400(client: httpx.AsyncClient) -> None:
    r = await client.get("/graphql", params={"query": TYPED, "variables": "{first:"}, headers=GR_HEADERS)
    assert r.status_code == 400
    assert "variables" in r.json()["errors"][0]["message"]


async def test_invalid_json_body_is_400(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/graphql", content=b'{"query": "{ me { username } }"', headers={**GR_HEADERS, "content-type": JSON}
    )
    assert r.status_code == 400, r.text
    body = r.json()
    assert "data" not in body and "JSON" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/graphql"]
)
async def test_non_json_content_type_is_415(client: httpx.AsyncClient, content_type: str) -> None:
    r = await client.post(
        "/graphql", content=json.dumps({"query": OK_QUERY}).encode(),
        headers={**GR_HEADERS, "content-type": content_type},
    )
    assert r.status_code == 415, r.text
    assert "application/json" in r.json()["errors"][0]["message"]


async def test_json_content_type_with_charset_is_accepted(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/graphql", content=json.dumps({"query": OK_QUERY}).encode(),
        headers={**GR_HEADERS, "content-type": "application/json; charset=utf-8"},
    )
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("body", [{}, {"query": ""}, {"query": "   "}, {"query": 42}, {"variables": {}}])
async def test_missing_query_is_400(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    r = await _post(client, body)
    assert r.status_code == 400, r.text
    assert "query" in r.json()["errors"][0]["message"]


async def test_missing_query_on_get_is_400(client: httpx.AsyncClient) -> None:
    r = await client.get("/graphql", headers=GR_HEADERS)
    assert r.status_code == 400
    assert "query" in r.json()["errors"][0]["message"]


@pytest.mark.parametrize("variables", [[1, 2], "{}", 3])
async def test_variables_not_an_object_is_400(client: httpx.AsyncClient, variables: Any) -> None:
    r = await _post(client, {"query": TYPED, "variables": variables})
    assert r.status_code == 400, r.text
    assert "variables" in r.json()["errors"][0]["message"]


async def test_body_not_an_object_is_400(client: httpx.AsyncClient) -> None:
    r = await _post(client, [{"query": OK_QUERY}])
    assert r.status_code == 400, r.text


async def test_unknown_operation_name_is_400(client: httpx.AsyncClient) -> None:
    r = await _post(client, {"query": OK_QUERY, "operationName": "Nope"})
    assert r.status_code == 400, r.text
    assert "data" not in r.json()


# --- query limits (DESIGN.md rule 13) ---------------------------------------------------------------


def _nested_regions(parents: int) -> str:
    """regions at depth 0, each parent one deeper; the innermost `code` is at depth parents + 1."""
    return "{ regions { " + "parent { " * parents + "code" + " }" * parents + " } }"


async def test_depth_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    assert settings.max_depth == 12
    at_limit = await _post(client, {"query": _nested_regions(settings.max_depth - 1)})
    assert at_limit.status_code == 200, at_limit.text
    body = _assert_request_error(await _post(client, {"query": _nested_regions(settings.max_depth)}))
    assert body["errors"][0]["message"] == "查询嵌套过深：最多 12 层"
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"


async def test_alias_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    assert settings.max_aliases == 30

    def aliased(n: int) -> str:
        return "{ " + " ".join(f"a{i}: __typename" for i in range(n)) + " }"

    ok = await _post(client, {"query": aliased(settings.max_aliases)})
    assert ok.status_code == 200, ok.text
    body = _assert_request_error(await _post(client, {"query": aliased(settings.max_aliases + 1)}))
    assert body["errors"][0]["message"] == "别名过多：查询中有 31 个别名，最多 30 个"
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES"


async def test_token_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    assert settings.max_tokens == 2000
    # about 1 950 tokens, nearly all in a list literal (cheap to validate and run): under the limit
    statuses = ", ".join(["ACTIVE"] * 1930)
    near = (f"query Near($s: [ItemStatus!] = [{statuses}]) "
            "{ serviceItems(first: 1, filter: {statuses: $s}) { totalCount } }")
    ok = await _post(client, {"query": near})
    assert ok.status_code == 200, ok.text
    assert ok.json()["data"]["serviceItems"]["totalCount"] > 0
    big = "{ " + " ".join(["__typename"] * (settings.max_tokens + 1)) + " }"
    body = _assert_request_error(await _post(client, {"query": big}))
    assert body["errors"][0]["message"] == "查询过长：最多 2000 个记号（token）"
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_TOKENS"


async def test_directive_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    assert settings.max_directives == 20

    def directed(n: int) -> str:
        return "{ " + " ".join(["__typename @include(if: true)"] * n) + " }"

    ok = await _post(client, {"query": directed(settings.max_directives)})
    assert ok.status_code == 200, ok.text
    body = _assert_request_error(await _post(client, {"query": directed(settings.max_directives + 1)}))
    messages = [e["message"] for e in body["errors"]]
    assert len(messages) == 1 and "指令" in messages[0], messages
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_DIRECTIVES"


# --- production hardening ---------------------------------------------------------------------------

INTROSPECTION = "query IntrospectionQuery { __schema { queryType { name } types { name } } }"


async def test_introspection_rejected_in_production(
    prod: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    body = _assert_request_error(await _post(prod, {"query": INTROSPECTION}))
    assert body["errors"][0]["message"].startswith("生产环境不提供内省查询")
    assert body["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"
    # the non-production app answers it
    r = await _post(client, {"query": INTROSPECTION})
    assert r.status_code == 200 and r.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_no_field_suggestions_in_production(prod: httpx.AsyncClient, dev: httpx.AsyncClient) -> None:
    query = "{ serviceItemByCod(code: \"x\") { name } }"
    body = _assert_request_error(await _post(prod, {"query": query}))
    message = body["errors"][0]["message"]
    assert "serviceItemByCod" in message
    assert "Did you mean" not in message and "serviceItemByCode" not in message
    # development keeps the helpful suggestion (so the production assertion is meaningful)
    dev_body = _assert_request_error(await _post(dev, {"query": query}))
    assert "Did you mean" in dev_body["errors"][0]["message"]


async def test_no_graphiql_in_production(prod: httpx.AsyncClient) -> None:
    r = await prod.get("/graphql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 404
    assert "graphiql" not in r.text.lower()


async def test_graphiql_page_in_development(dev: httpx.AsyncClient, development_app: Starlette) -> None:
    r = await dev.get("/graphql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.headers["content-type"].startswith("text/html")
    built = (development_app.state.settings.admin_dist / "graphiql" / "manifest.json").exists()
    if built:
        assert r.status_code == 200, r.text[:500]
        assert "/graphiql-assets/" in r.text
        csp = r.headers["content-security-policy"]
        nonce = re.search(r"'nonce-([^']+)'", csp)
        assert nonce and f'nonce="{nonce.group(1)}"' in r.text, csp
        assert "default-src 'self'" in csp
        assert r.headers["cache-control"] == "no-store"
        assert "serviceItems" in r.text  # the example tabs are embedded
    else:
        assert r.status_code == 503
        assert "npm ci" in r.text and "npm run build" in r.text
    # the non-GraphiQL parts of the endpoint are unaffected by the HTML page
    q = await dev.get("/graphql", params={"query": "{ __typename }"}, headers=GR_HEADERS)
    assert q.status_code == 200 and q.json() == {"data": {"__typename": "Query"}}
    p = await _post(dev, {"query": "{ __typename }"})
    assert p.status_code == 200 and p.json() == {"data": {"__typename": "Query"}}
    # a browser asking for a query by GET gets JSON negotiation, not the page
    h = await dev.get("/graphql", params={"query": "{ __typename }"},
                      headers={"accept": "text/html, application/json;q=0.9"})
    assert h.status_code == 200 and _media(h) == JSON


async def test_graphiql_assets_served_when_built(dev: httpx.AsyncClient, development_app: Starlette) -> None:
    manifest = development_app.state.settings.admin_dist / "graphiql" / "manifest.json"
    r = await dev.get("/graphiql-assets/manifest.json")
    if manifest.exists():
        assert r.status_code == 200
        assert "max-age" in r.headers["cache-control"]
    else:
        assert r.status_code == 404


# --- masked errors ---------------------------------------------------------------------------------


async def _boom(*_: Any, **__: Any) -> int:
    raise RuntimeError("secret detail")


COUNT = "query CountItems { serviceItems(first: 1) { totalCount } }"


async def test_unexpected_error_masked_in_production(
    prod: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import server.domain.catalog.service as catalog_service

    monkeypatch.setattr(catalog_service.ItemPages, "count", _boom)  # what totalCount reads
    with caplog.at_level(logging.ERROR, logger="liaoyi.graphql"):
        r = await _post(prod, {"query": COUNT, "operationName": "CountItems"})
    assert r.status_code == 200, r.text
    assert "secret detail" not in r.text
    body = r.json()
    assert "data" in body
    [error] = body["errors"]
    rid = r.headers["x-request-id"]
    assert error["extensions"] == {"code": "INTERNAL", "requestId": rid}
    assert rid in error["message"]
    assert "secret detail" not in error["message"]
    assert error["path"] == ["serviceItems", "totalCount"]
    # the traceback reaches the log (for the operator), with the original exception
    logged = [rec for rec in caplog.records if rec.name == "liaoyi.graphql" and rec.exc_info]
    assert logged and isinstance(logged[-1].exc_info[1], RuntimeError)  # type: ignore[index]


async def test_unexpected_error_shown_in_development(
    dev: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import server.domain.catalog.service as catalog_service

    monkeypatch.setattr(catalog_service.ItemPages, "count", _boom)  # what totalCount reads
    r = await _post(dev, {"query": COUNT})
    assert r.status_code == 200
    [error] = r.json()["errors"]
    assert error["message"] == "secret detail"
    assert error["extensions"] == {"code": "INTERNAL", "requestId": r.headers["x-request-id"]}


async def test_malformed_node_id_is_not_an_internal_error(prod: httpx.AsyncClient) -> None:
    """SERVER BUG (server/graphql/catalog/queries.py, CatalogQuery.service_item): ``int(id.node_id)``
    raises ValueError for a well-formed global id with a non-numeric node id ("ServiceItem:abc"),
    which the view reports as INTERNAL (masked, logged with a traceback) although it is the client's
    mistake. node(id:) with the same id answers null."""
    bad = base64.b64encode(b"ServiceItem:abc").decode()
    via_node = await _post(prod, {"query": f'{{ node(id: "{bad}") {{ id }} }}'})
    assert via_node.json() == {"data": {"node": None}}
    r = await _post(prod, {"query": f'{{ serviceItem(id: "{bad}") {{ name }} }}'})
    assert r.status_code == 200
    body = r.json()
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors", [])]
    assert "INTERNAL" not in codes, f"SERVER BUG: a malformed id is reported as an internal error: {body}"
    assert body["data"] == {"serviceItem": None}


async def test_domain_errors_are_not_masked_in_production(prod: httpx.AsyncClient) -> None:
    r = await _post(prod, {"query": "{ serviceItems(first: 1000) { totalCount } }"})
    [error] = r.json()["errors"]
    assert error["extensions"] == {"code": "INVALID"}
    assert "100" in error["message"]


# --- request ids -----------------------------------------------------------------------------------


async def test_valid_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    rid = "abc-12345-DEF-67890"
    r = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"x-request-id": rid})
    assert r.headers["x-request-id"] == rid


async def test_non_ascii_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    """SERVER BUG (server/graphql/core/view.py, new_request_id): str.isalnum() accepts non-ASCII letters
    and digits; the header is decoded as latin-1 but echoed UTF-8-encoded, so the client gets back
    different bytes than it sent (b"\\xc0" becomes b"\\xc3\\x80"). Only [A-Za-z0-9-] ids should be kept."""
    incoming = "ÀÀÀÀ²²²²".encode("latin-1")
    r = await client.get("/healthz", headers={b"x-request-id": incoming})
    echoed = dict(r.headers.raw)[b"x-request-id"]
    assert HEX16.match(echoed.decode("latin-1")), (
        f"SERVER BUG: non-ASCII X-Request-ID {incoming!r} was accepted and echoed as {echoed!r}"
    )


@pytest.mark.parametrize("incoming", [None, "short", "has spaces in it", "x" * 65, "semi;colon;id"])
async def test_missing_or_invalid_request_id_is_generated(
    client: httpx.AsyncClient, incoming: str | None
) -> None:
    headers = {"x-request-id": incoming} if incoming is not None else {}
    r = await client.get("/healthz", headers=headers)
    rid = r.headers["x-request-id"]
    assert HEX16.match(rid), rid
    assert rid != incoming
    again = await client.get("/healthz", headers=headers)
    assert again.headers["x-request-id"] != rid  # fresh per request


# --- health, readiness, metrics ---------------------------------------------------------------------


async def test_healthz(client: httpx.AsyncClient) -> None:
    r = await client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


async def test_readyz(client: httpx.AsyncClient) -> None:
    r = await client.get("/readyz")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ready"
    assert isinstance(body["migrations"], int) and body["migrations"] >= 1


async def test_metrics(client: httpx.AsyncClient) -> None:
    r = await _post(client, {"query": "query MetricsProbe { __typename }", "operationName": "MetricsProbe"})
    assert r.status_code == 200
    await _post(client, {"query": UNKNOWN_FIELD, "operationName": None})
    m = await client.get("/metrics")
    assert m.status_code == 200
    assert m.headers["content-type"].startswith("text/plain")
    text = m.text
    assert re.search(
        r'^liaoyi_graphql_requests_total\{operation="MetricsProbe",outcome="ok"\} [1-9]', text, re.M
    ), text
    assert re.search(r'^liaoyi_graphql_requests_total\{operation="anonymous",outcome="request_error"\} [1-9]',
                     text, re.M)
    assert re.search(r'^liaoyi_graphql_request_seconds_count\{operation="MetricsProbe"\} [1-9]', text, re.M)
    assert 'liaoyi_graphql_request_seconds_bucket{le="0.002",operation="MetricsProbe"}' in text
    assert re.search(r'^liaoyi_db_pool_size\{connection="[^"]+"\} \d', text, re.M), text
    assert re.search(
        r'^liaoyi_http_requests_total\{method="POST",route="/graphql",status="200"\} [1-9]', text, re.M
    )


async def test_metrics_operation_label_is_bounded(client: httpx.AsyncClient) -> None:
    # operationName is client input: a malformed one must not become a label value
    r = await _post(client, {"query": "query A { __typename }", "operationName": "A; DROP"})
    assert r.status_code == 400
    text = (await client.get("/metrics")).text
    assert "DROP" not in text


# --- structured logs --------------------------------------------------------------------------------


async def test_log_records_carry_request_id_and_operation(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.handler.addFilter(ContextFilter())
    with caplog.at_level(logging.INFO, logger="liaoyi"):
        r = await _post(
            client, {"query": "query LogProbe { __typename }", "operationName": "LogProbe"},
            **{"x-request-id": "log-probe-0001"},
        )
    assert r.status_code == 200
    assert r.headers["x-request-id"] == "log-probe-0001"
    access = [
        rec for rec in caplog.records if rec.name == "liaoyi.http" and getattr(rec, "path", "") == "/graphql"
    ]
    assert access, [rec.name for rec in caplog.records]
    rec = access[-1]
    assert rec.request_id == r.headers["x-request-id"]  # type: ignore[attr-defined]
    assert rec.operation == "LogProbe"  # type: ignore[attr-defined]
    assert rec.status == 200  # type: ignore[attr-defined]
    assert rec.method == "POST"  # type: ignore[attr-defined]


async def test_log_request_id_for_generated_id(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.handler.addFilter(ContextFilter())
    with caplog.at_level(logging.INFO, logger="liaoyi"):
        r = await client.get("/healthz")
    [rec] = [rec for rec in caplog.records if rec.name == "liaoyi.http"]
    assert rec.request_id == r.headers["x-request-id"]  # type: ignore[attr-defined]
    assert rec.operation == "-"  # type: ignore[attr-defined]
