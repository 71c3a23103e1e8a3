"""好差评 through every channel, over HTTP (issue 18): the app with the national dimensions, the
SMS link (reused, forged, expired), the QR code, the window evaluator device, one rating per case
whatever the channel, the follow-up, and the default that is never a person's voice."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import httpx

from server.domain.accounts.models import Citizen
from server.domain.cases import clock, ratings
from server.domain.cases.models import Case, CaseRating, RatingToken
from server.domain.catalog.models import Window
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

RATING = "rating { level channel comment dimensionSet dimensionVersion scores { key label score } windowId isDefault }"
ERRS = "errors { field message code }"
RATE = f"mutation($i: RateCaseInput!) {{ rateCase(input: $i) {{ case {{ {RATING} }} {ERRS} }} }}"
BY_LINK = f"mutation($i: RateCaseByLinkInput!) {{ rateCaseByLink(input: $i) {{ case {{ {RATING} }} {ERRS} }} }}"
LINK = """query($t: String!) { ratingLink(token: $t) { link { itemName caseNumber rated expiresAt
  dimensionSet { name version dimensions { key label } } } errors { field message code } } }"""
DEVICE = f"mutation($i: RateAtWindowInput!) {{ rateAtWindow(input: $i) {{ case {{ {RATING} }} {ERRS} }} }}"
SERVE = "mutation($i: ServeCaseAtWindowInput!) { serveCaseAtWindow(input: $i) { served errors { field message code } } }"
FOLLOW = """mutation($i: FollowUpRatingInput!) { followUpRating(input: $i) {
  rating { level followUpLevel followUpComment } errors { field message code } } }"""
KEY = """mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { kind regionCode } errors { field code message } } }"""


def gid(pk: int, kind: str = "Case") -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


async def _sms_token(case: Case, settings: Settings) -> str:
    row = await Outbox.filter(case_id=case.id, event="evaluation_invitation", channel="sms").first()
    assert row is not None
    link = row.params["link"]
    assert link.startswith(settings.public_base_url + "/rate/"), link  # absolute, from the public base URL
    return str(link.rsplit("/", 1)[1])


async def test_dimension_sets_are_the_national_ones_and_versioned(gql: GraphQLClient) -> None:
    sets = (await gql("{ ratingDimensionSets { name version current dimensions { label } } }"))["ratingDimensionSets"]
    by = {s["name"]: s for s in sets}
    assert [d["label"] for d in by["online"]["dimensions"]] == ["整体满意度", "办事效率", "办事指南精确度", "办事便捷度", "平台操作性"]
    assert [d["label"] for d in by["window"]["dimensions"]] == ["整体满意度", "服务效率", "服务水平", "服务态度"]
    assert all(s["version"] == 1 and s["current"] for s in sets)


async def test_app_rating_with_dimensions_then_refused_from_another_channel(gql: GraphQLClient, settings: Settings) -> None:
    case, citizen_id = await f.completed_case(settings)
    me = await f.citizen_client(gql, settings, await Citizen.get(id=citizen_id))
    wrong = (await me(RATE, {"i": {"caseId": gid(case.id), "level": 5, "scores": [{"key": "attitude", "score": 5}]}}))
    assert wrong["rateCase"]["errors"][0]["field"] == ["scores"]  # 服务态度 is a window dimension
    done = (await me(RATE, {"i": {"caseId": gid(case.id), "level": 4, "comment": "不错",
                                  "scores": [{"key": "efficiency", "score": 5}, {"key": "guide", "score": 3}]}}))["rateCase"]
    assert done["errors"] == []
    r = done["case"]["rating"]
    assert (r["channel"], r["dimensionSet"], r["dimensionVersion"], r["isDefault"]) == ("app", "online", 1, False)
    assert {s["label"]: s["score"] for s in r["scores"]} == {"整体满意度": 4, "办事效率": 5, "办事指南精确度": 3}
    row = await CaseRating.get(case_id=case.id)
    assert (row.item_id, row.department_code, row.hall_code) == (case.item_id, case.department_code, case.hall_code)
    # the SMS link sent at completion: the case is rated already, whatever the channel
    token = await _sms_token(case, settings)
    again = (await gql(BY_LINK, {"i": {"token": token, "level": 1, "comment": "再评一次"}}))["rateCaseByLink"]
    assert again["errors"][0]["code"] == "INVALID_STATE" and "已评价" in again["errors"][0]["message"]
    assert await CaseRating.filter(case_id=case.id).count() == 1


async def test_sms_link_once_and_refused_when_reused_forged_or_expired(gql: GraphQLClient, settings: Settings) -> None:
    case, _ = await f.completed_case(settings)
    token = await _sms_token(case, settings)
    opened = (await gql(LINK, {"t": token}))["ratingLink"]
    assert opened["errors"] == [] and opened["link"]["rated"] is False
    assert opened["link"]["caseNumber"] == case.number and opened["link"]["dimensionSet"]["name"] == "online"
    head, nonce, sig = token.split(".")
    forged = f"{head}.{nonce}.{'A' * len(sig)}"
    bad = (await gql(BY_LINK, {"i": {"token": forged, "level": 5}}))["rateCaseByLink"]
    assert bad["errors"][0]["code"] == "INVALID" and bad["errors"][0]["message"] == "评价链接无效"
    other = (await gql(BY_LINK, {"i": {"token": f"{int(head) + 100000}.{nonce}.{sig}", "level": 5}}))["rateCaseByLink"]
    assert other["errors"][0]["message"] == "评价链接无效"
    ok = (await gql(BY_LINK, {"i": {"token": token, "level": 5, "comment": "很快"}}))["rateCaseByLink"]
    assert ok["errors"] == [] and ok["case"]["rating"]["channel"] == "sms"
    assert (await CaseRating.get(case_id=case.id)).citizen_id is not None  # real-name: the applicant's link
    reused = (await gql(BY_LINK, {"i": {"token": token, "level": 1, "comment": "再来"}}))["rateCaseByLink"]
    assert reused["errors"][0]["message"] == "该评价链接已使用过"
    # an expired one
    late, _ = await f.completed_case(settings)
    late_token = await _sms_token(late, settings)
    await RatingToken.filter(case_id=late.id).update(expires_at=clock.now() - timedelta(minutes=1))
    expired = (await gql(BY_LINK, {"i": {"token": late_token, "level": 5}}))["rateCaseByLink"]
    assert expired["errors"][0]["message"] == "评价链接已过期"
    assert not await CaseRating.exists(case_id=late.id)


async def test_qr_code_from_the_server_carries_a_link_token(gql: GraphQLClient, client: httpx.AsyncClient,
                                                            settings: Settings) -> None:
    case, citizen_id = await f.completed_case(settings)
    clerk = await gql.login("city_clerk")
    svg = await client.get(f"/cases/{gid(case.id)}/rating-qr.svg", headers={"authorization": f"Bearer {clerk}"})
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content
    png = await client.get(f"/cases/{gid(case.id)}/rating-qr.png", headers={"authorization": f"Bearer {clerk}"})
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert await RatingToken.filter(case_id=case.id, purpose="qr").count() == 1  # printed again, not minted again
    assert (await client.get(f"/cases/{gid(case.id)}/rating-qr.svg")).status_code == 401
    stranger = await f.citizen_client(gql, settings, await f.citizen())
    assert stranger.token is not None
    refused = await client.get(f"/cases/{gid(case.id)}/rating-qr.svg", headers={"authorization": f"Bearer {stranger.token}"})
    assert refused.status_code == 404
    row = await RatingToken.get(case_id=case.id, purpose="qr")
    token = ratings._token_text(row, settings.secret_key)
    done = (await gql(BY_LINK, {"i": {"token": token, "level": 4}}))["rateCaseByLink"]
    assert done["errors"] == [] and done["case"]["rating"]["channel"] == "qr"


async def test_window_device_rates_the_case_just_served(gql: GraphQLClient, client: httpx.AsyncClient,
                                                        settings: Settings) -> None:
    case, _ = await f.completed_case(settings)
    assert case.hall_code is not None
    window = await Window.filter(hall_id=case.hall_code).order_by("id").first()
    assert window is not None
    admin = await gql.as_user("city_admin")
    made = (await admin(KEY, {"i": {"name": "1 号窗口评价器", "kind": "HALL_DEVICE", "windowId": window.id}}))["createApiKey"]
    assert made["errors"] == [] and made["apiKey"]["kind"] == "HALL_DEVICE"
    no_window = (await admin(KEY, {"i": {"name": "评价器", "kind": "HALL_DEVICE"}}))["createApiKey"]
    assert no_window["errors"][0]["field"] == ["windowId"]

    async def device(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        r = await client.post("/graphql", json={"query": query, "variables": variables},
                              headers={"x-api-key": made["key"]})
        body: dict[str, Any] = r.json()
        return body

    nothing = await device(DEVICE, {"i": {"level": 5}})
    assert nothing["data"]["rateAtWindow"]["errors"][0]["code"] == "NOT_FOUND"
    clerk = await gql.as_user("city_clerk")
    served = (await clerk(SERVE, {"i": {"caseId": gid(case.id), "windowId": window.id}}))["serveCaseAtWindow"]
    assert served == {"served": True, "errors": []}
    rated = (await device(DEVICE, {"i": {"level": 5, "scores": [{"key": "attitude", "score": 5}]}}))["data"]["rateAtWindow"]
    assert rated["errors"] == []
    r = rated["case"]["rating"]
    assert (r["channel"], r["dimensionSet"], r["windowId"]) == ("window", "window", window.id)
    again = (await device(DEVICE, {"i": {"level": 4}}))["data"]["rateAtWindow"]
    assert again["errors"][0]["code"] == "INVALID_STATE"  # one rating per case and service
    # any other mutation is still refused to a device key
    other = await device(SERVE, {"i": {"caseId": gid(case.id), "windowId": window.id}})
    assert other.get("data") is None and other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # a county-system key is no evaluator
    county = (await admin(KEY, {"i": {"name": "冠县系统", "kind": "COUNTY_SYSTEM", "regionCode": "371525"}}))["createApiKey"]
    r2 = await client.post("/graphql", json={"query": DEVICE, "variables": {"i": {"level": 5}}},
                           headers={"x-api-key": county["key"]})
    assert r2.json()["data"]["rateAtWindow"]["errors"][0]["code"] == "NOT_ALLOWED"


async def test_follow_up_once_within_the_window(gql: GraphQLClient, settings: Settings) -> None:
    case, citizen_id = await f.completed_case(settings)
    me = await f.citizen_client(gql, settings, await Citizen.get(id=citizen_id))
    none = (await me(FOLLOW, {"i": {"caseId": gid(case.id), "level": 5, "comment": "补充"}}))["followUpRating"]
    assert none["errors"][0]["code"] == "INVALID_STATE"
    assert (await me(RATE, {"i": {"caseId": gid(case.id), "level": 4}}))["rateCase"]["errors"] == []
    ok = (await me(FOLLOW, {"i": {"caseId": gid(case.id), "level": 5, "comment": "证照已收到，很满意"}}))["followUpRating"]
    assert ok["errors"] == [] and ok["rating"] == {"level": 4, "followUpLevel": 5, "followUpComment": "证照已收到，很满意"}
    twice = (await me(FOLLOW, {"i": {"caseId": gid(case.id), "level": 3, "comment": "再补充"}}))["followUpRating"]
    assert twice["errors"][0]["message"] == "已追加评价过"
    late, late_citizen = await f.completed_case(settings)
    them = await f.citizen_client(gql, settings, await Citizen.get(id=late_citizen))
    assert (await them(RATE, {"i": {"caseId": gid(late.id), "level": 4}}))["rateCase"]["errors"] == []
    await CaseRating.filter(case_id=late.id).update(
        rated_at=clock.now() - timedelta(days=settings.rating_follow_up_days + 1))
    expired = (await them(FOLLOW, {"i": {"caseId": gid(late.id), "level": 5, "comment": "补充"}}))["followUpRating"]
    assert "已超过期限" in expired["errors"][0]["message"]


async def test_the_default_is_recorded_as_default_and_no_voice(gql: GraphQLClient, settings: Settings) -> None:
    case, _ = await f.completed_case(settings)
    await f.rewrite(case.id, completed_at=clock.now() - timedelta(days=settings.default_rating_days + 1))
    assert await ratings.default_ratings(today=clock.today(), settings=settings) >= 1
    row = await CaseRating.get(case_id=case.id)
    assert (row.level, row.channel, row.citizen_id, row.item_id) == (3, "default", None, case.item_id)
    token = await _sms_token(case, settings)
    late = (await gql(BY_LINK, {"i": {"token": token, "level": 1, "comment": "太慢"}}))["rateCaseByLink"]
    assert late["errors"][0]["code"] == "INVALID_STATE"


QR = 'query($c: ID!) { ratingQrCode(caseId: $c) { svg dataUri } }'


async def test_the_printed_qr_code_encodes_the_link_whose_token_rates_the_case(
        gql: GraphQLClient, client: httpx.AsyncClient, settings: Settings) -> None:
    """What a notice prints (ratingQrCode, the SVG drawn by the server) is the QR code of the
    absolute link of the case's unused QR token, the same the GET endpoint serves; that token rates
    the case once. Staff who do not see the case, and partners, get nothing."""
    case, _ = await f.completed_case(settings)
    clerk = await gql.as_user("city_clerk")
    printed = (await clerk(QR, {"c": gid(case.id)}))["ratingQrCode"]
    assert printed is not None and printed["svg"].lstrip().startswith("<?xml") and "<svg" in printed["svg"]
    assert base64.b64decode(printed["dataUri"].removeprefix("data:image/svg+xml;base64,")).decode() == printed["svg"]
    row = await RatingToken.get(case_id=case.id, purpose="qr")
    link = ratings.link(settings, ratings._token_text(row, settings.secret_key))
    assert link.startswith(settings.public_base_url.rstrip("/") + "/rate/")
    assert printed["svg"] == ratings.qr_svg(link)  # segno draws one matrix per text: the payload is this link
    assert printed["svg"] != ratings.qr_svg(link + "x")
    # printed again: the same token, the same code as the endpoint's
    again = (await clerk(QR, {"c": gid(case.id)}))["ratingQrCode"]
    token = await gql.login("city_clerk")
    served = await client.get(f"/cases/{gid(case.id)}/rating-qr.svg", headers={"authorization": f"Bearer {token}"})
    assert again == printed and served.text == printed["svg"]
    assert await RatingToken.filter(case_id=case.id, purpose="qr").count() == 1
    # a stranger sees nothing
    stranger = await f.citizen_client(gql, settings, await f.citizen())
    assert (await stranger(QR, {"c": gid(case.id)}))["ratingQrCode"] is None
    # the link's token rates the case, once
    done = (await gql(BY_LINK, {"i": {"token": link.rsplit("/", 1)[1], "level": 5}}))["rateCaseByLink"]
    assert done["errors"] == [] and done["case"]["rating"]["channel"] == "qr"
    reused = (await gql(BY_LINK, {"i": {"token": link.rsplit("/", 1)[1], "level": 1, "comment": "再评"}}))["rateCaseByLink"]
    assert reused["errors"][0]["message"] == "该评价链接已使用过"
    # once used, a new print carries a fresh token (the used one is no longer printed)
    fresh = (await clerk(QR, {"c": gid(case.id)}))["ratingQrCode"]
    assert fresh is not None and fresh["svg"] != printed["svg"]
