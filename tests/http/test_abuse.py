"""What a hostile or careless caller can send (issue 15), through the real ASGI app: request body
size, the standard introspection query, over-long strings, and the Chinese limit messages."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from graphql import build_client_schema, get_introspection_query, parse, print_schema, validate

from server.app import create_app
from server.contract import operations
from server.graphql.schema import build_schema
from server.settings import Settings
from tests import factories as f
from tests.cases.test_graph_lifecycle import gid
from tests.conftest import GraphQLClient
from tests.http.test_uploads import citizen_token, post_files, unique_pdf

GR = {"accept": "application/graphql-response+json"}
OK_QUERY = "query Ok { serviceItems(first: 1) { totalCount } }"
SMALL_BODY = 8 * 1024


@pytest.fixture(scope="module")
def small_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return replace(settings, max_body_bytes=SMALL_BODY, upload_dir=tmp_path_factory.mktemp("uploads"))


@pytest.fixture
async def small(small_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(small_settings, manage_db=False), client=("10.200.15.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


def test_body_limit_defaults_to_one_megabyte() -> None:
    assert Settings().max_body_bytes == 1024 * 1024


def _padded(size: int) -> bytes:
    """A valid request padded with spaces to ``size`` bytes: parsed, it would run."""
    head = json.dumps({"query": OK_QUERY}).encode()
    return head[:-1] + b" " * (size - len(head)) + b"}"


async def test_json_body_over_the_limit_is_413_and_never_runs(small: httpx.AsyncClient) -> None:
    fits = await small.post("/graphql", content=_padded(SMALL_BODY), headers=GR | {"content-type": "application/json"})
    assert fits.status_code == 200 and fits.json()["data"]["serviceItems"]["totalCount"] > 0, fits.text
    r = await small.post("/graphql", content=_padded(SMALL_BODY + 1), headers=GR | {"content-type": "application/json"})
    assert r.status_code == 413, r.text
    body = r.json()
    assert "data" not in body
    assert body["errors"] == [{"message": "请求体过大：JSON 请求体不能超过 8 KB", "extensions": {"code": "BODY_TOO_LARGE"}}]


async def test_chunked_json_body_is_counted_while_it_arrives(small: httpx.AsyncClient) -> None:
    payload = _padded(4 * SMALL_BODY)

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(payload), 1000):
            yield payload[i:i + 1000]

    r = await small.post("/graphql", content=chunks(), headers=GR | {"content-type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413 and r.json()["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"


async def test_multipart_keeps_its_own_limit(small: httpx.AsyncClient, small_settings: Settings) -> None:
    token = await citizen_token(small_settings)
    data = unique_pdf() + b"%" + b"x" * (3 * SMALL_BODY) + b"\n"  # larger than a JSON body may be
    r = await post_files(small, [("大文件.pdf", data, "application/pdf")], token=token)
    assert r.status_code == 200, r.text
    payload = r.json()["data"]["uploadMaterial"]
    assert payload["errors"] == [] and payload["upload"]["size"] == len(data)


async def test_default_app_refuses_twenty_megabytes_of_spaces(client: httpx.AsyncClient) -> None:
    r = await client.post("/graphql", content=_padded(20 * 1024 * 1024),
                          headers=GR | {"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["errors"][0]["message"] == "请求体过大：JSON 请求体不能超过 1 MB"




FULL_INTROSPECTION = get_introspection_query(
    descriptions=True, specified_by_url=True, directive_is_repeatable=True, schema_description=True,
    input_value_deprecation=True,
)


async def test_full_introspection_query_runs_and_a_client_builds_the_schema(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    """What a client that loads the schema first does (the ``gql`` client with
    ``fetch_schema_from_transport``, codegen tools): the standard introspection query, then a client
    schema built from its answer, against which the client validates its operations. ``gql`` is not
    installed here; it does exactly this with graphql-core's ``build_client_schema``."""
    r = await client.post("/graphql", json={"query": FULL_INTROSPECTION}, headers=GR)
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    assert "errors" not in body, body.get("errors", [])[:3]
    inputs = {t["name"]: t for t in body["data"]["__schema"]["types"] if t["kind"] == "INPUT_OBJECT"}
    form_data = next(f for f in inputs["ApplicationInput"]["inputFields"] if f["name"] == "formData")
    assert form_data["defaultValue"] == "{  }"
    client_schema = build_client_schema(body["data"])
    served = build_schema(settings)._schema
    assert print_schema(client_schema) == print_schema(served)
    for op in operations():
        assert validate(client_schema, parse(op.text)) == [], op.name


async def test_a_json_default_still_applies_when_the_field_is_left_out(gql: GraphQLClient, settings: Settings) -> None:
    """The default introspection now prints is the one execution uses (a guard on the change above):
    a draft saved without ``formData`` gets ``{}``."""
    person = await f.citizen(name="韩立新")
    me = await f.citizen_client(gql, settings, person)
    item, version = await f.item("公司变更登记")
    situation, _materials = await f.situation(version, "经营范围变更")
    ent = await f.enterprise(person)
    application = {"itemId": gid("ServiceItem", item.id), "situationKey": situation.id,
                   "enterpriseId": gid("Enterprise", ent.id)}
    data = await me("""mutation($i: SaveApplicationDraftInput!) { saveApplicationDraft(input: $i) {
        case { status } errors { code message } } }""", {"i": {"application": application}})
    assert data["saveApplicationDraft"] == {"case": {"status": "DRAFT"}, "errors": []}


@pytest.fixture(scope="module")
def strict_app(settings: Settings) -> Any:
    return create_app(replace(settings, env="production", secret_key="p" * 40, trusted_documents="off",
                              max_depth=3, max_aliases=2, max_tokens=60), manage_db=False)


@pytest.fixture
async def strict(strict_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=strict_app, client=("10.200.15.2", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


async def _errors(c: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    r = await c.post("/graphql", json={"query": query, "variables": variables or {}}, headers=GR)
    return list(r.json()["errors"])


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(("query", "variables", "code", "message"), [
    ("{ serviceItems(first: 1) { edges { node { department { name } } } } }", None, "QUERY_TOO_DEEP",
     "查询嵌套过深：最多 3 层"),
    ("{ a: __typename b: __typename c: __typename }", None, "TOO_MANY_ALIASES", "别名过多：查询中有 3 个别名，最多 2 个"),
    ("{ " + " ".join(["__typename"] * 70) + " }", None, "TOO_MANY_TOKENS", "查询过长：最多 60 个记号（token）"),
    ("{ __schema { queryType { name } } }", None, "INTROSPECTION_DISABLED",
     "生产环境不提供内省查询（__schema）：请使用仓库中的 schema/schema.graphql"),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": "not-a-global-id"}, "INVALID_ID",
     "全局 ID 格式不正确：\"not-a-global-id\"（应为查询结果中的 id 原样传回）"),
    ('{ serviceItem(id: "bad") { id } }', None, "INVALID_ID", "全局 ID 格式不正确：\"bad\"（应为查询结果中的 id 原样传回）"),
    ('query($d: Date!) { calendar(regionCode: "371500", from: $d, to: $d) { date } }', {"d": "2026-13-45"},
     "INVALID_DATE", "变量 $d 的值不正确：日期不正确：\"2026-13-45\"（应为 YYYY-MM-DD 格式的有效日期，如 2026-01-05）"),
    ('{ calendar(regionCode: "371500", from: "2026-02-30", to: "2026-03-01") { date } }', None, "INVALID_DATE",
     "日期不正确：\"2026-02-30\"（应为 YYYY-MM-DD 格式的有效日期，如 2026-01-05）"),
])
async def test_limit_and_input_messages_are_chinese_with_codes(
    strict: httpx.AsyncClient, query: str, variables: dict[str, Any] | None, code: str, message: str
) -> None:
    errors = await _errors(strict, query, variables)
    assert (errors[0]["extensions"]["code"], errors[0]["message"]) == (code, message), errors


SUGGESTING = [
    "{ serviceItemz { totalCount } }",  # a field
    "{ serviceItems(frist: 1) { totalCount } }",  # an argument
    "query($f: ServiceItemFiltr) { serviceItems(filter: $f) { totalCount } }",  # a type
    "{ regions(level: CITI) { code } }",  # an enum value
    '{ serviceItems(filter: {txt: "a"}) { totalCount } }',  # an input field
]


@pytest.mark.parametrize("query", SUGGESTING)
async def test_production_suggests_nothing(strict: httpx.AsyncClient, client: httpx.AsyncClient, query: str) -> None:
    development = await _errors(client, query)
    assert any("Did you mean" in e["message"] for e in development)  # what production must not say
    for e in await _errors(strict, query):
        assert "Did you mean" not in e["message"] and e["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", e
        assert _chinese(e["message"])
    by_variables: list[tuple[str, dict[str, Any]]] = [
        ("query($f: ServiceItemFilter) { serviceItems(filter: $f) { totalCount } }", {"f": {"txt": "a"}}),
        ("query($l: Level) { regions(level: $l) { code } }", {"l": "CITI"}),
    ]
    for variables_query, variables in by_variables:
        for e in await _errors(strict, variables_query, variables):
            assert "Did you mean" not in e["message"] and "text" not in e["message"] and "CITY" not in e["message"], e
