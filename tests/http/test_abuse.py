"""What a hostile or careless caller can send (issue 15), through the real ASGI app: request body
size, the standard introspection query, over-long strings, and the Chinese limit messages."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace

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
