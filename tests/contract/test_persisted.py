"""Persisted (trusted) documents over HTTP: by id in a POST body or a GET query string, unknown ids,
the trusted-only mode, and the HTTP caching of public catalogue reads."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.contract import operations
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

OPS = {op.name: op for op in operations()}
GQL_JSON = "application/graphql-response+json"
HALLS = OPS["HallsOfRegion"]
SEARCH = OPS["SearchServiceItems"]


@pytest.fixture(scope="module")
def trusted_app(settings: Settings) -> Any:
    return create_app(dataclasses.replace(settings, trusted_documents="mobile"), manage_db=False)


@pytest.fixture
async def trusted(trusted_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=trusted_app, client=(f.address(), 41000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


def get_params(document_id: str, variables: dict[str, Any]) -> dict[str, str]:
    return {"documentId": document_id, "variables": json.dumps(variables, separators=(",", ":"))}


async def test_a_document_is_named_by_id_in_a_post_body(client: httpx.AsyncClient) -> None:
    by_text = await client.post("/graphql", json={"query": HALLS.text, "variables": {"regionCode": "371500"}})
    by_id = await client.post(
        "/graphql", json={"documentId": HALLS.document_id, "variables": {"regionCode": "371500"}},
        headers={"accept": GQL_JSON},
    )
    assert by_id.status_code == 200 and by_id.json() == by_text.json()
    assert by_id.json()["data"]["halls"][0]["name"] == "聊城市政务服务中心"
    assert HALLS.document_id == "sha256:" + hashlib.sha256(HALLS.text.encode()).hexdigest()


async def test_a_query_document_is_named_by_id_in_a_get(client: httpx.AsyncClient) -> None:
    variables = {"filter": {"text": "gtgsh", "onlineOnly": False, "instantOnly": False}, "first": 5}
    got = await client.get("/graphql", params=get_params(SEARCH.document_id, variables), headers={"accept": GQL_JSON})
    assert got.status_code == 200, got.text
    assert got.json()["data"]["serviceItems"]["totalCount"] > 0
    assert got.headers["content-type"].startswith(GQL_JSON)


async def test_a_mutation_document_is_refused_over_get(client: httpx.AsyncClient) -> None:
    got = await client.get(
        "/graphql", params=get_params(OPS["RequestSmsCode"].document_id, {"phone": f.phone()}),
        headers={"accept": GQL_JSON},
    )
    assert got.status_code == 405 and got.headers["allow"] == "POST"
    assert got.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize("media", [GQL_JSON, "application/json"])
async def test_an_unknown_document_id_is_a_400_with_a_chinese_message(
    client: httpx.AsyncClient, media: str
) -> None:
    unknown = "sha256:" + "0" * 64
    for response in (
        await client.post("/graphql", json={"documentId": unknown}, headers={"accept": media}),
        await client.get("/graphql", params={"documentId": unknown}, headers={"accept": media}),
    ):
        assert response.status_code == 400
        assert response.headers["content-type"].startswith(media)
        body = response.json()
        assert "data" not in body
        assert body["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"
        assert "未知的可信文档" in body["errors"][0]["message"]


async def test_a_request_names_a_document_or_sends_one_never_both(client: httpx.AsyncClient) -> None:
    both = await client.post(
        "/graphql", json={"documentId": HALLS.document_id, "query": HALLS.text}, headers={"accept": GQL_JSON}
    )
    assert both.status_code == 400 and "二选一" in both.json()["errors"][0]["message"]
    wrong = await client.post("/graphql", json={"documentId": 42}, headers={"accept": GQL_JSON})
    assert wrong.status_code == 400 and "documentId" in wrong.json()["errors"][0]["message"]


async def test_development_accepts_free_form_documents_from_anyone(client: httpx.AsyncClient) -> None:
    assert Settings().trusted_documents == "off"
    free = await client.post("/graphql", json={"query": "{ halls(regionCode: \"371500\") { code } }"},
                             headers={"x-liaoyi-client": "mobile"})
    assert free.status_code == 200 and free.json()["data"]["halls"]


def test_production_defaults_to_trusted_documents_for_mobile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIAOYI_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("LIAOYI_ENV", "production")
    monkeypatch.setenv("LIAOYI_SMS_GATEWAY_URL", "https://sms.example.invalid/send")
    monkeypatch.setenv("LIAOYI_METRICS_TOKEN", "m" * 40)
    monkeypatch.delenv("LIAOYI_TRUSTED_DOCUMENTS", raising=False)
    assert Settings.from_env().trusted_documents == "mobile"
    monkeypatch.setenv("LIAOYI_TRUSTED_DOCUMENTS", "off")
    assert Settings.from_env().trusted_documents == "off"
    monkeypatch.setenv("LIAOYI_ENV", "development")
    monkeypatch.delenv("LIAOYI_TRUSTED_DOCUMENTS")
    assert Settings.from_env().trusted_documents == "off"
    monkeypatch.setenv("LIAOYI_TRUSTED_DOCUMENTS", "everything")
    with pytest.raises(SystemExit, match="LIAOYI_TRUSTED_DOCUMENTS"):
        Settings.from_env()


# --- trusted-only mode -----------------------------------------------------------------------------


FREE_FORM = "{ serviceItems(first: 100) { totalCount edges { node { name guide { faq { question } } } } } }"


async def test_trusted_mode_refuses_a_free_form_anonymous_query(trusted: httpx.AsyncClient) -> None:
    for media in (GQL_JSON, "application/json"):
        refused = await trusted.post("/graphql", json={"query": FREE_FORM}, headers={"accept": media})
        assert refused.status_code == 400
        body = refused.json()
        assert "data" not in body and body["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_REQUIRED"
        assert "可信文档" in body["errors"][0]["message"]
    got = await trusted.get("/graphql", params={"query": FREE_FORM}, headers={"accept": GQL_JSON})
    assert got.status_code == 400


async def test_trusted_mode_accepts_the_contracts_documents(trusted: httpx.AsyncClient) -> None:
    ok = await trusted.post("/graphql", json={"documentId": HALLS.document_id, "variables": {"regionCode": "371525"}},
                            headers={"accept": GQL_JSON, "x-liaoyi-client": "mobile"})
    assert ok.status_code == 200 and ok.json()["data"]["halls"]


async def test_trusted_mode_keeps_full_access_for_staff_and_their_sign_in(trusted: httpx.AsyncClient) -> None:
    gql = GraphQLClient(trusted)
    token = await gql.login("city_admin")  # the admin UI's free-form sign-in stays open
    data = await gql("{ me { username } serviceItems(first: 1) { totalCount } }", token=token)
    assert data["me"]["username"] == "city_admin" and data["serviceItems"]["totalCount"] > 0


async def test_trusted_mode_only_opens_the_bare_staff_sign_in(trusted: httpx.AsyncClient) -> None:
    sneaky = ('mutation { login(input: {username: "x", password: "y"}) { errors { code } } '
              'requestSmsCode(input: {phone: "13900000000"}) { sent } }')
    refused = await trusted.post("/graphql", json={"query": sneaky}, headers={"accept": GQL_JSON})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_REQUIRED"
    query_named_login = await trusted.post("/graphql", json={"query": "query login { halls(regionCode: \"371500\") { code } }"})
    assert query_named_login.status_code == 400


async def test_trusted_mode_binds_citizens_and_the_mobile_client(
    trusted: httpx.AsyncClient, settings: Settings
) -> None:
    phone = f.phone()
    sent = await trusted.post("/graphql", json={"documentId": OPS["RequestSmsCode"].document_id,
                                                "variables": {"phone": phone}})
    assert sent.json()["data"]["requestSmsCode"]["sent"] is True
    signed = await trusted.post("/graphql", json={
        "documentId": OPS["SignInWithSmsCode"].document_id,
        "variables": {"phone": phone, "code": f.latest_code(settings, phone)},
    })
    token = signed.json()["data"]["signInWithSmsCode"]["tokens"]["token"]
    as_citizen = {"authorization": f"Bearer {token}", "accept": GQL_JSON}
    refused = await trusted.post("/graphql", json={"query": "{ myProfile { id phone } }"}, headers=as_citizen)
    assert refused.status_code == 400
    ok = await trusted.post("/graphql", json={"documentId": OPS["MyProfile"].document_id}, headers=as_citizen)
    assert ok.status_code == 200 and ok.json()["data"]["myProfile"]["phone"] == phone
    staff = await GraphQLClient(trusted).login("city_catalog")
    as_mobile_staff = {"authorization": f"Bearer {staff}", "x-liaoyi-client": "mobile", "accept": GQL_JSON}
    refused = await trusted.post("/graphql", json={"query": "{ me { username } }"}, headers=as_mobile_staff)
    assert refused.status_code == 400, "a request that says it is the mobile app is held to the contract"


# --- caching ----------------------------------------------------------------------------------------


SEARCH_VARS = {"filter": {"text": "yyzz", "onlineOnly": False, "instantOnly": False}, "first": 10}


async def test_an_anonymous_get_of_a_trusted_query_is_cacheable(client: httpx.AsyncClient) -> None:
    params = get_params(SEARCH.document_id, SEARCH_VARS)
    first = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=60"
    assert first.headers["etag"] == '"' + hashlib.sha256(first.content).hexdigest() + '"'
    assert "Accept" in first.headers["vary"] and "Authorization" in first.headers["vary"]
    again = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
    assert again.headers["etag"] == first.headers["etag"], "the same answer has the same strong ETag"

    for if_none_match in (first.headers["etag"], f'"nope", {first.headers["etag"]}', "W/" + first.headers["etag"], "*"):
        cached = await client.get("/graphql", params=params,
                                  headers={"accept": GQL_JSON, "if-none-match": if_none_match})
        assert cached.status_code == 304 and cached.content == b""
        assert cached.headers["etag"] == first.headers["etag"]
        assert cached.headers["cache-control"] == "public, max-age=60"
    stale = await client.get("/graphql", params=params, headers={"accept": GQL_JSON, "if-none-match": '"other"'})
    assert stale.status_code == 200 and stale.content == first.content


async def test_the_server_keeps_a_public_answer_as_a_proxy_would(client: httpx.AsyncClient, sql: Any) -> None:
    variables = {"filter": {"text": "gtgsh", "onlineOnly": False, "instantOnly": True}, "first": 3}
    params = get_params(SEARCH.document_id, variables)
    first = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
    with sql() as counter:
        again = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
        revalidated = await client.get("/graphql", params=params,
                                       headers={"accept": GQL_JSON, "if-none-match": first.headers["etag"]})
    assert counter.count == 0, "answered from the kept answer"
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert revalidated.status_code == 304
    with sql() as counter:
        other = await client.get("/graphql", params=get_params(SEARCH.document_id, variables | {"first": 4}))
        posted = await client.post("/graphql", json={"documentId": SEARCH.document_id, "variables": variables})
    assert counter.count > 0, "other variables and POSTs are executed"
    assert other.status_code == posted.status_code == 200
    assert other.headers["cache-control"] == "public, max-age=60"


async def test_other_answers_are_never_cacheable(client: httpx.AsyncClient, gql: GraphQLClient) -> None:
    params = get_params(SEARCH.document_id, SEARCH_VARS)
    token = await gql.login("city_clerk")
    signed_in = await client.get("/graphql", params=params, headers={"authorization": f"Bearer {token}"})
    assert signed_in.status_code == 200
    assert signed_in.headers["cache-control"] == "private, no-store" and "etag" not in signed_in.headers
    free_form = await client.get("/graphql", params={"query": SEARCH.text,
                                                     "variables": params["variables"]})
    assert free_form.status_code == 200 and free_form.headers["cache-control"] == "private, no-store"
    posted = await client.post("/graphql", json={"documentId": SEARCH.document_id, "variables": SEARCH_VARS})
    assert posted.headers["cache-control"] == "private, no-store" and "etag" not in posted.headers
    mutation = await client.post("/graphql", json={"documentId": OPS["RequestSmsCode"].document_id,
                                                   "variables": {"phone": f.phone()}})
    assert mutation.status_code == 200 and mutation.headers["cache-control"] == "private, no-store"
    with_errors = await client.get("/graphql", params=get_params(OPS["ServiceItemGuide"].document_id,
                                                                 {"id": "bm90IGFuIGlk"}))
    assert with_errors.headers["cache-control"] == "private, no-store"


async def test_tracking_a_case_is_never_publicly_cached(client: httpx.AsyncClient) -> None:
    """trackCase answers with one person's case: not for a shared cache or a proxy log, even by GET."""
    params = get_params(OPS["TrackCase"].document_id, {"number": "371500-20260101-00001", "queryCode": "ABCDEFGH"})
    first = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
    assert first.status_code == 200 and first.json()["data"] == {"trackCase": None}
    assert first.headers["cache-control"] == "private, no-store" and "etag" not in first.headers


async def test_tracking_a_bundle_is_never_publicly_cached(client: httpx.AsyncClient) -> None:
    """trackBundle, like trackCase, answers with one person's matter for whoever holds the query code."""
    params = get_params(OPS["TrackBundle"].document_id, {"number": "371500-20260101-00001", "queryCode": "ABCDEFGH"})
    first = await client.get("/graphql", params=params, headers={"accept": GQL_JSON})
    assert first.status_code == 200 and first.json()["data"] == {"trackBundle": None}
    assert first.headers["cache-control"] == "private, no-store" and "etag" not in first.headers
