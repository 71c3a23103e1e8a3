"""The exchange in the graph: a city admin registers a partner (its secret shown once), rotates and
retires its keys, reads the exchange log of the region (masked) and retries a dead message; a bank's
API key answers for a case routed to it, and may run no other mutation."""

from __future__ import annotations

from typing import Any

import httpx

from server import clock
from server.domain.accounts import apikeys
from server.domain.cases.models import Case
from server.domain.exchange.models import ExchangeMessage, Partner
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.exchange.peer import Peer, running
from tests.exchange.test_exchange import BANK_ITEM, _accepted_bundle

ERR = "errors { code message field }"
PARTNER = "partner { id code name kind routes isActive keys { id fingerprint signs } }"
CREATE = "mutation($i: CreatePartnerInput!) { createPartner(input: $i) { secret " + PARTNER + " " + ERR + " } }"
ROTATE = "mutation($i: PartnerIdInput!) { rotatePartnerKey(input: $i) { secret " + PARTNER + " " + ERR + " } }"
RETIRE = "mutation($i: PartnerIdInput!) { retirePartnerKey(input: $i) { " + PARTNER + " " + ERR + " } }"
UPDATE = "mutation($i: UpdatePartnerInput!) { updatePartner(input: $i) { " + PARTNER + " " + ERR + " } }"
LOG = """query($f: ExchangeLogFilter) { exchangeMessages(filter: $f, first: 20) { totalCount edges { node {
  id messageId direction partnerCode event caseNumber status attempts lastError answerStatus body } } } }"""
RETRY = "mutation($i: RetryExchangeMessageInput!) { retryExchangeMessage(input: $i) { message { id status } " + ERR + " } }"
ANSWER = """mutation($i: AnswerRoutedCaseInput!) { answerRoutedCase(input: $i) { case { id status } """ + ERR + " } }"


async def _as_key(client: httpx.AsyncClient, key: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    r = await client.post("/graphql", json={"query": query, "variables": variables},
                          headers={"x-api-key": key, "accept": "application/graphql-response+json"})
    return dict(r.json())


async def test_partners_keys_and_the_log(gql: GraphQLClient, client: httpx.AsyncClient, database: str) -> None:
    admin = await gql.as_user("city_admin")
    async with running(Peer(secrets=[])) as peer:
        await Partner.all().update(is_active=False)
        bad = (await admin(CREATE, {"i": {"code": "X", "fields": {"name": "行", "baseUrl": "ftp://x", "kind": "BANK"}}}))
        assert {tuple(e["field"]) for e in bad["createPartner"]["errors"]} >= {("code",), ("name",), ("baseUrl",),
                                                                               ("regionCode",)}
        made = (await admin(CREATE, {"i": {"code": f"bank-{clock.now().microsecond}", "fields": {
            "name": "聊城测试银行", "kind": "BANK", "regionCode": "371500", "baseUrl": peer.url,
            "routes": [BANK_ITEM]}}}))["createPartner"]
        assert made["errors"] == [] and made["secret"].startswith("whsec_")
        p = made["partner"]
        assert p["routes"] == [BANK_ITEM] and [k["signs"] for k in p["keys"]] == [True]
        assert made["secret"] not in str(await admin("query { partners { keys { id fingerprint } } }"))
        peer.secrets = [made["secret"]]
        # rotation: a new key signs, the old one still verifies; retired afterwards
        rotated = (await admin(ROTATE, {"i": {"partnerId": p["id"]}}))["rotatePartnerKey"]
        assert rotated["errors"] == [] and [k["signs"] for k in rotated["partner"]["keys"]] == [True, False]
        peer.secrets = [rotated["secret"], made["secret"]]
        wrong = (await admin(UPDATE, {"i": {"partnerId": p["id"], "fields": {"routes": ["12"]}}}))["updatePartner"]
        assert [e["field"] for e in wrong["errors"]] == [["routes"]]

        # a case forwarded to it shows in the region's log, masked
        row = await Partner.get(code=p["code"])
        _, sub = await _accepted_bundle(row)
        log = (await admin(LOG, {"f": {"partnerCode": p["code"], "direction": "OUT"}}))["exchangeMessages"]
        (edge,) = log["edges"]
        node = edge["node"]
        assert node["status"] == "DELIVERED" and node["caseNumber"] == sub.number and node["event"] == "case.routed"
        assert node["body"]["data"]["applicant"]["name"] != sub.applicant_name  # masked
        assert peer.received and peer.bad_signatures == 0
        retired = (await admin(RETIRE, {"i": {"partnerId": p["id"]}}))["retirePartnerKey"]
        assert [k["signs"] for k in retired["partner"]["keys"]] == [True]

        # a message the bank refuses is dead; the admin retries it (the same id) and it arrives
        peer.refuse_for = 1
        _, second = await _accepted_bundle(row)
        dead = (await admin(LOG, {"f": {"partnerCode": p["code"], "statuses": ["DEAD"]}}))["exchangeMessages"]
        assert [e["node"]["caseNumber"] for e in dead["edges"]] == [second.number]
        assert dead["edges"][0]["node"]["answerStatus"] == 400
        retried = (await admin(RETRY, {"i": {"id": dead["edges"][0]["node"]["id"]}}))["retryExchangeMessage"]
        assert retried["errors"] == [] and retried["message"]["status"] == "DELIVERED"
        # another region's admin sees none of it, and may not retry it
        county = await gql.as_user("guanxian_admin")
        assert (await county(LOG, {"f": {"partnerCode": p["code"]}}))["exchangeMessages"]["totalCount"] == 0
        refused = (await county(RETRY, {"i": {"id": dead["edges"][0]["node"]["id"]}}))["retryExchangeMessage"]
        assert [e["code"] for e in refused["errors"]] == ["NOT_FOUND"]

        # the bank's API key answers for its case, and may do nothing else
        key = await apikeys.create_api_key(actor=await f.staff("city_admin"), name="测试银行系统", kind="bank",
                                           partner_code=p["code"])
        answered = (await _as_key(client, key.full_key, ANSWER, {"i": {
            "caseId": _gid("Case", sub.id), "answer": "ACCEPTED", "data": {"number": "KH-7"}}}))
        assert answered["data"]["answerRoutedCase"]["errors"] == [], answered
        assert answered["data"]["answerRoutedCase"]["case"]["status"] == "UNDER_REVIEW"
        assert (await Case.get(id=sub.id)).forwarded_number == "KH-7"
        decided = await _as_key(client, key.full_key, ANSWER, {"i": {
            "caseId": _gid("Case", sub.id), "answer": "DECIDED", "data": {"decision": "approved", "result_number": "6222"}}})
        assert decided["data"]["answerRoutedCase"]["case"]["status"] == "APPROVED"
        late = await _as_key(client, key.full_key, ANSWER, {"i": {"caseId": _gid("Case", sub.id), "answer": "ACCEPTED"}})
        assert [e["code"] for e in late["data"]["answerRoutedCase"]["errors"]] == ["INVALID_STATE"]
        other = await _as_key(client, key.full_key, "mutation($i: CaseReasonInput!) { withdrawCase(input: $i) { case { id } } }",
                              {"i": {"caseId": _gid("Case", sub.id)}})
        assert other.get("data") is None and other["errors"][0]["extensions"]["code"] == "FORBIDDEN", other
        logged = await ExchangeMessage.filter(case_id=sub.id, direction="in", verification="api_key").count()
        assert logged == 2


def _gid(type_name: str, pk: int) -> str:
    from strawberry import relay

    return str(relay.GlobalID(type_name, str(pk)))
