"""API keys of partner systems: shown once, stored hashed, revocable, scoped; partners read only."""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from graphql import GraphQLObjectType

from server.domain.accounts import apikeys
from server.domain.accounts.models import ApiKey
from server.domain.accounts.roles import Actor, Role
from server.domain.errors import DomainError
from server.graphql.core.permissions import PARTNER_MUTATIONS
from server.graphql.schema import build_schema
from server.settings import Settings
from tests.conftest import GraphQLClient, refusal

KEY_FIELDS = "id name kind prefix regionCode partnerCode createdAt lastUsedAt revokedAt region { code }"
CREATE = f"""
mutation Create($i: CreateApiKeyInput!) {{
  createApiKey(input: $i) {{ key apiKey {{ {KEY_FIELDS} }} errors {{ field message code }} }}
}}"""
REVOKE = f"""
mutation Revoke($i: RevokeApiKeyInput!) {{
  revokeApiKey(input: $i) {{ apiKey {{ {KEY_FIELDS} }} errors {{ field message code }} }}
}}"""
KEYS = f"""
query Keys($f: ApiKeyFilter, $first: Int) {{
  apiKeys(filter: $f, first: $first) {{ totalCount edges {{ node {{ {KEY_FIELDS} }} }} }}
}}"""
PARTNER = "query { partner { name kind prefix regionCode partnerCode region { code name } } }"
ME = "query { me { username } }"
KEY_FORMAT = re.compile(r"^lyk_[a-z0-9]{8}\.[A-Za-z0-9_-]{32,}$")


def _name() -> str:
    return f"测试系统 {uuid.uuid4().hex[:8]}"


async def _create(gql: GraphQLClient, **i: Any) -> dict[str, Any]:
    return dict((await gql(CREATE, {"i": {"name": _name(), **i}}))["createApiKey"])


async def _as_partner(client: httpx.AsyncClient, key: str, query: str = PARTNER, *, header: str = "x-api-key",
                      variables: dict[str, Any] | None = None) -> httpx.Response:
    value = key if header == "x-api-key" else f"ApiKey {key}"
    return await client.post("/graphql", json={"query": query, "variables": variables or {}},
                             headers={header: value, "accept": "application/graphql-response+json"})


# --- created, shown once, stored hashed ------------------------------------------------------------------


async def test_key_is_shown_once_and_stored_hashed(gql: GraphQLClient) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="COUNTY_SYSTEM", regionCode="371525")
    assert made["errors"] == []
    key = made["key"]
    assert KEY_FORMAT.match(key), key
    prefix, secret = key.split(".")
    api_key = made["apiKey"]
    assert (api_key["prefix"], api_key["kind"], api_key["regionCode"], api_key["region"]) == (
        prefix, "COUNTY_SYSTEM", "371525", {"code": "371525"}
    )
    row = await ApiKey.get(prefix=prefix)
    assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = " ".join(str(v) for v in (await ApiKey.filter(id=row.id).values())[0].values())
    assert secret not in stored
    # never again: neither the list nor the node carry the secret, and no field could
    listed = await city(KEYS, {"first": 100})
    assert secret not in str(listed) and prefix in str(listed)
    node = await city("query($id: ID!) { node(id: $id) { ... on ApiKey { prefix name } } }", {"id": api_key["id"]})
    assert node["node"]["prefix"] == prefix
    schema = build_schema(Settings())._schema
    key_type = schema.type_map["ApiKey"]
    assert isinstance(key_type, GraphQLObjectType)
    assert not {f for f in key_type.fields if "secret" in f.lower() or "hash" in f.lower() or f == "key"}


async def test_validation_of_kind_region_and_partner_code(gql: GraphQLClient) -> None:
    city = await gql.as_user("city_admin")

    def problems(r: dict[str, Any]) -> set[tuple[str, str]]:
        assert r["key"] is None and r["apiKey"] is None
        return {(e["code"], e["field"][0]) for e in r["errors"]}

    assert problems(await _create(city, kind="COUNTY_SYSTEM")) == {("INVALID", "regionCode")}
    assert problems(await _create(city, kind="COUNTY_SYSTEM", regionCode="999999")) == {("NOT_FOUND", "regionCode")}
    assert problems(await _create(city, kind="BANK")) == {("INVALID", "partnerCode")}
    assert problems(await _create(city, kind="BANK", partnerCode="ICBC", regionCode="371525")) == {
        ("INVALID", "regionCode")
    }
    assert problems(await _create(city, kind="PROVINCE", partnerCode="SD")) == {("INVALID", "partnerCode")}
    assert problems(await _named(city, " ", "PROVINCE")) == {("INVALID", "name")}
    bank = await _create(city, kind="BANK", partnerCode="ICBC-LC")
    assert bank["errors"] == [] and bank["apiKey"]["partnerCode"] == "ICBC-LC" and bank["apiKey"]["regionCode"] is None


async def _named(gql: GraphQLClient, name: str, kind: str) -> dict[str, Any]:
    return dict((await gql(CREATE, {"i": {"name": name, "kind": kind}}))["createApiKey"])


async def test_county_admin_keys_stay_within_its_county(gql: GraphQLClient) -> None:
    county = await gql.as_user("guanxian_admin")
    city = await gql.as_user("city_admin")
    outside = await _create(county, kind="COUNTY_SYSTEM", regionCode="371522")
    assert [(e["code"], e["field"]) for e in outside["errors"]] == [("NOT_ALLOWED", ["regionCode"])]
    bank = await _create(county, kind="UTILITY", partnerCode="WATER-GX")
    assert [(e["code"], e["field"]) for e in bank["errors"]] == [("NOT_ALLOWED", ["kind"])]
    own = await _create(county, kind="COUNTY_SYSTEM", regionCode="371525")
    assert own["errors"] == []
    shenxian = await _create(city, kind="COUNTY_SYSTEM", regionCode="371522")
    utility = await _create(city, kind="UTILITY", partnerCode="GRID-LC")

    county_keys = {e["node"]["prefix"] for e in (await county(KEYS, {"first": 100}))["apiKeys"]["edges"]}
    city_keys = {e["node"]["prefix"] for e in (await city(KEYS, {"first": 100}))["apiKeys"]["edges"]}
    prefixes = {name: made["apiKey"]["prefix"] for name, made in
                (("own", own), ("shenxian", shenxian), ("utility", utility))}
    assert prefixes["own"] in county_keys
    assert prefixes["shenxian"] not in county_keys and prefixes["utility"] not in county_keys
    assert set(prefixes.values()) <= city_keys
    # a county admin cannot revoke a key outside its scope
    foreign = (await county(REVOKE, {"i": {"id": shenxian["apiKey"]["id"]}}))["revokeApiKey"]
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]
    only_utilities = (await city(KEYS, {"f": {"kind": "UTILITY"}, "first": 100}))["apiKeys"]["edges"]
    assert only_utilities and {e["node"]["kind"] for e in only_utilities} == {"UTILITY"}


async def test_only_admins_manage_keys(gql: GraphQLClient) -> None:
    for username in ("city_catalog", "city_supervisor", "city_auditor"):
        caller = await gql.as_user(username)
        made = await caller(CREATE, {"i": {"name": _name(), "kind": "PROVINCE"}}, expect_errors=True)
        assert refusal(made, "createApiKey") == "FORBIDDEN"
        assert refusal(await caller(KEYS, expect_errors=True), "apiKeys") == "FORBIDDEN"
    nobody = await gql(CREATE, {"i": {"name": _name(), "kind": "PROVINCE"}}, expect_errors=True)
    assert refusal(nobody, "createApiKey") == "UNAUTHENTICATED"


# --- authentication --------------------------------------------------------------------------------------


async def test_partner_signs_in_with_either_header(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="COUNTY_SYSTEM", regionCode="371525")
    for header in ("x-api-key", "authorization"):
        r = await _as_partner(client, made["key"], header=header)
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        assert refusal((await _as_partner(client, made["key"], ME, header=header)).json(), "me") == "FORBIDDEN"
        assert data["partner"] == {
            "name": made["apiKey"]["name"], "kind": "COUNTY_SYSTEM", "prefix": made["apiKey"]["prefix"],
            "regionCode": "371525", "partnerCode": None, "region": {"code": "371525", "name": "冠县"},
        }
    bank = await _create(city, kind="BANK", partnerCode="ABC-LC")
    r = await _as_partner(client, bank["key"])
    assert r.json()["data"]["partner"]["partnerCode"] == "ABC-LC"
    assert r.json()["data"]["partner"]["regionCode"] is None
    # without a key nobody is a partner: asked by nobody or by staff, the field is refused
    assert refusal(await gql(PARTNER, expect_errors=True), "partner") == "UNAUTHENTICATED"
    assert refusal(await city(PARTNER, expect_errors=True), "partner") == "FORBIDDEN"


@pytest.mark.parametrize("mangle", [
    lambda k: k[:-1] + ("A" if k[-1] != "A" else "B"),  # wrong secret
    lambda k: "lyk_zzzzzzzz." + k.split(".")[1],  # unknown prefix
    lambda k: k.split(".")[0],  # no secret
    lambda k: "garbage",
    lambda k: " ",
])
async def test_bad_keys_are_401(gql: GraphQLClient, client: httpx.AsyncClient, mangle: Any) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="PROVINCE")
    r = await _as_partner(client, mangle(made["key"]))
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "ApiKey"
    assert "data" not in r.json()


async def test_key_and_token_together_are_refused(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="PROVINCE")
    r = await client.post("/graphql", json={"query": PARTNER},
                          headers={"x-api-key": made["key"], "authorization": f"Bearer {city.token}"})
    assert r.status_code == 401
    r = await client.post("/graphql", json={"query": PARTNER},
                          headers={"x-api-key": made["key"], "authorization": f"ApiKey {made['key']}"})
    assert r.status_code == 401


async def test_revoked_key_is_401_at_once(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="COUNTY_SYSTEM", regionCode="371522")
    assert (await _as_partner(client, made["key"])).status_code == 200
    revoked = (await city(REVOKE, {"i": {"id": made["apiKey"]["id"]}}))["revokeApiKey"]
    assert revoked["errors"] == [] and revoked["apiKey"]["revokedAt"] is not None
    r = await _as_partner(client, made["key"])
    assert r.status_code == 401 and r.headers["www-authenticate"] == "ApiKey"
    again = (await city(REVOKE, {"i": {"id": made["apiKey"]["id"]}}))["revokeApiKey"]
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    listed = (await city(KEYS, {"first": 100}))["apiKeys"]["edges"]
    assert made["apiKey"]["prefix"] not in {e["node"]["prefix"] for e in listed}
    with_revoked = (await city(KEYS, {"f": {"includeRevoked": True}, "first": 100}))["apiKeys"]["edges"]
    assert made["apiKey"]["prefix"] in {e["node"]["prefix"] for e in with_revoked}


async def test_last_used_is_written_at_most_once_a_minute(
    gql: GraphQLClient, client: httpx.AsyncClient, sql: Any
) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="PROVINCE")
    prefix = made["apiKey"]["prefix"]
    assert (await ApiKey.get(prefix=prefix)).last_used_at is None
    await _as_partner(client, made["key"])
    first = (await ApiKey.get(prefix=prefix)).last_used_at
    assert first is not None
    with sql() as counted:
        for _ in range(3):
            assert (await _as_partner(client, made["key"])).status_code == 200
    writes = [s for s in counted.statements if s.lstrip().upper().startswith("UPDATE")]
    lookups = [s for s in counted.statements if "api_key" in s]
    assert writes == [] and len(lookups) == 3  # one lookup per request, no write
    assert (await ApiKey.get(prefix=prefix)).last_used_at == first
    # a minute later the next request records it again
    await ApiKey.filter(prefix=prefix).update(last_used_at=datetime.now(timezone.utc) - timedelta(minutes=2))
    await _as_partner(client, made["key"])
    used = (await ApiKey.get(prefix=prefix)).last_used_at
    assert used is not None and used > datetime.now(timezone.utc) - timedelta(seconds=30)


# --- partners read, never write ----------------------------------------------------------------------------


def _mutation_documents() -> list[tuple[str, str]]:
    """One document per mutation in the schema, so a mutation added later is covered too."""
    schema = build_schema(Settings())._schema
    assert schema.mutation_type is not None
    docs = []
    for name, field in schema.mutation_type.fields.items():
        args = ", ".join(f"${a}: {arg.type}" for a, arg in field.args.items())
        passed = ", ".join(f"{a}: ${a}" for a in field.args)
        header = f"mutation M({args})" if args else "mutation M"
        call = f"{name}({passed})" if passed else name
        docs.append((name, f"{header} {{ {call} {{ __typename }} }}"))
    return docs


async def test_partner_is_refused_every_mutation(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    city = await gql.as_user("city_admin")
    county_key = (await _create(city, kind="COUNTY_SYSTEM", regionCode="371525"))["key"]
    bank_key = (await _create(city, kind="BANK", partnerCode="BOC-LC"))["key"]
    docs = _mutation_documents()
    names = {n for n, _ in docs}
    assert {"createStaffUser", "disableStaffUser", "createApiKey", "revokeApiKey", "createMandate",
            "revokeMandate", "login", "logout", "createServiceItem"} <= names
    before = await ApiKey.all().count()
    for key in (county_key, bank_key):
        for name, doc in docs:
            if name in PARTNER_MUTATIONS:
                continue  # answering for its own routed cases; below and in tests/exchange
            r = await _as_partner(client, key, doc, variables={"input": {}})
            body = r.json()
            assert r.status_code == 403, (name, r.text)
            assert "data" not in body, name
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (name, body)
    assert await ApiKey.all().count() == before
    # a real, well-formed mutation is refused as well, with nothing written
    name = _name()
    r = await _as_partner(client, county_key, CREATE, variables={"i": {"name": name, "kind": "PROVINCE"}})
    assert r.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert not await ApiKey.exists(name=name)
    # the one mutation a partner may run answers only for cases routed to it: none are, here
    answer = ("mutation($i: AnswerRoutedCaseInput!) { answerRoutedCase(input: $i) { case { id } "
              "errors { code } } }")
    case_gid = base64.b64encode(b"Case:1").decode()
    # (a key bound to no partner code may not answer at all; the bank's has no case routed to it)
    for key, code in ((county_key, "NOT_ALLOWED"), (bank_key, "NOT_FOUND")):
        r = await _as_partner(client, key, answer, variables={"i": {"caseId": case_gid, "answer": "ACCEPTED"}})
        payload = r.json()["data"]["answerRoutedCase"]
        assert payload["case"] is None and [e["code"] for e in payload["errors"]] == [code], payload


async def test_county_key_reads_only_its_own_scope(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    city = await gql.as_user("city_admin")
    made = await _create(city, kind="COUNTY_SYSTEM", regionCode="371525")
    staff_gid = base64.b64encode(b"StaffUser:1").decode()
    r = await _as_partner(client, made["key"])
    assert r.json()["data"]["partner"]["regionCode"] == "371525"
    for query in ("{ staffUsers { totalCount } }", "{ apiKeys { totalCount } }", "{ mandates { totalCount } }"):
        body = (await _as_partner(client, made["key"], query)).json()
        assert body["data"] is None, query
        assert body["errors"][0]["extensions"]["code"] in {"UNAUTHENTICATED", "FORBIDDEN"}, query
    node = await _as_partner(client, made["key"], "query($id: ID!) { node(id: $id) { id } }", variables={"id": staff_gid})
    assert node.json()["data"]["node"] is None
    key_node = await _as_partner(client, made["key"], "query($id: ID!) { node(id: $id) { id } }",
                                 variables={"id": made["apiKey"]["id"]})
    assert key_node.json()["data"]["node"] is None
    # the public catalogue stays readable
    items = await _as_partner(client, made["key"], "{ serviceItems(first: 1) { totalCount } }")
    assert items.json()["data"]["serviceItems"]["totalCount"] > 0


# --- the domain, directly --------------------------------------------------------------------------------------


async def test_domain_refuses_partners() -> None:
    row = (await apikeys.create_api_key(
        actor=Actor(user_id=1, roles=frozenset({Role.CITY_ADMIN}), region_code="371500",
                    region_path="/100000/370000/371500/"),
        name=_name(), kind="province",
    )).row
    partner = await apikeys.actor_for_api_key("lyk_" + "0" * 8 + "." + "x" * 40)
    assert partner is None
    partner_actor = apikeys.partner_actor(await ApiKey.get(id=row.id).select_related("region"))
    assert partner_actor.is_partner and partner_actor.roles == frozenset()
    with pytest.raises(DomainError) as exc:
        await apikeys.create_api_key(actor=partner_actor, name=_name(), kind="province")
    assert exc.value.code == "NOT_ALLOWED"
    with pytest.raises(DomainError) as exc:
        await apikeys.revoke_api_key(actor=partner_actor, key_id=row.id)
    assert exc.value.code == "NOT_ALLOWED"
    assert await apikeys.api_keys_by_ids(actor=partner_actor, ids=[row.id]) == {}
