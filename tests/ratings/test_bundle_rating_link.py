"""好差评 of a bundle (一件事) by its SMS link, over HTTP (issue 18): when the last item of a bundle
ends, the applicant's SMS carries an absolute link with a signed, single-use, expiring token; it
rates the bundle once, as a whole (each department's item carries the rating), and a reused, a
forged and an expired token are refused, as is a second rating from another channel."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

from server.domain.cases import bundles, clock
from server.domain.cases.models import CaseBundle, CaseRating, RatingToken, Rectification
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient

ERRS = "errors { field message code }"
BY_LINK = f"mutation($i: RateBundleByLinkInput!) {{ rateBundleByLink(input: $i) {{ rated bundleNumber level {ERRS} }} }}"
CASE_LINK = f"mutation($i: RateCaseByLinkInput!) {{ rateCaseByLink(input: $i) {{ case {{ id }} {ERRS} }} }}"
LINK = """query($t: String!) { ratingLink(token: $t) { link { subject itemName caseNumber rated
  dimensionSet { name } } errors { field message code } } }"""
COMPLETE = f"mutation($i: CompleteBundleInput!) {{ completeBundle(input: $i) {{ bundle {{ number }} {ERRS} }} }}"
RATE_APP = f"mutation($i: RateBundleInput!) {{ rateBundle(input: $i) {{ bundle {{ number }} {ERRS} }} }}"

# two instant items (approved at submission), so the bundle only waits for its one delivery
INSTANT: dict[str, Any] = {
    **t.TEN, "name": "新办企业涉税及参保一件事（评价链接）",
    "stages": [{"key": "all", "name": "并联办理", "items": [
        {"key": "tax", "basic_code": "100160001000", "department": "371500-SWJ"},
        {"key": "social", "basic_code": "200170001000", "department": "371500-RSJ"},
    ]}],
}


def gid(pk: int, kind: str) -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


async def _completed_bundle(gql: GraphQLClient, settings: Settings) -> tuple[CaseBundle, t.Applicant]:
    """A bundle whose results went out for pickup, completed by the clerk over HTTP."""
    version = await t.publish(INSTANT)
    a = await t.applicant()
    b = (await t.apply(a, version, settings=settings)).bundle
    clerk = await f.staff("city_clerk")
    await bundles.issue_results(actor=clerk, settings=settings, bundle_id=b.id, method="pickup")
    done = (await (await gql.as_user("city_clerk"))(COMPLETE, {"i": {"bundleId": gid(b.id, "Bundle")}}))["completeBundle"]
    assert done["errors"] == [], done
    return await CaseBundle.get(id=b.id), a


async def _sms_token(bundle: CaseBundle, settings: Settings) -> str:
    row = await Outbox.filter(bundle_id=bundle.id, event="bundle_completed", channel="sms").first()
    assert row is not None
    link = str(row.params["link"])
    assert link.startswith(settings.public_base_url.rstrip("/") + "/rate/"), link  # absolute
    return link.rsplit("/", 1)[1]


async def test_the_bundle_sms_link_rates_once_and_refuses_reused_forged_expired(gql: GraphQLClient,
                                                                               settings: Settings) -> None:
    b, _ = await _completed_bundle(gql, settings)
    token = await _sms_token(b, settings)
    assert await RatingToken.filter(bundle_id=b.id, purpose="sms").count() == 1
    opened = (await gql(LINK, {"t": token}))["ratingLink"]
    assert opened["errors"] == []
    assert opened["link"] == {"subject": "bundle", "itemName": b.theme_name, "caseNumber": b.number, "rated": False,
                              "dimensionSet": {"name": "online"}}
    # forged: the signature, or the row it names
    head, nonce, sig = token.split(".")
    forged = (await gql(BY_LINK, {"i": {"token": f"{head}.{nonce}.{'A' * len(sig)}", "level": 5}}))["rateBundleByLink"]
    assert forged["rated"] is False and forged["errors"][0] == {"field": ["token"], "message": "评价链接无效",
                                                                "code": "INVALID"}
    other = (await gql(BY_LINK, {"i": {"token": f"{int(head) + 100000}.{nonce}.{sig}", "level": 5}}))["rateBundleByLink"]
    assert other["errors"][0]["message"] == "评价链接无效"
    # a bundle's token is no case's
    as_case = (await gql(CASE_LINK, {"i": {"token": token, "level": 5}}))["rateCaseByLink"]
    assert as_case["errors"][0]["code"] == "INVALID" and not await CaseRating.exists(bundle_id=b.id)
    # a bad rating needs its reason; then once, on each department's item, real-name, 差评 rectified
    why = (await gql(BY_LINK, {"i": {"token": token, "level": 2}}))["rateBundleByLink"]
    assert why["errors"][0]["field"] == ["comment"]
    ok = (await gql(BY_LINK, {"i": {"token": token, "level": 2, "comment": "两次跑窗口才领到"}}))["rateBundleByLink"]
    assert ok == {"rated": True, "bundleNumber": b.number, "level": 2, "errors": []}
    rows = await CaseRating.filter(bundle_id=b.id)
    subs = await t.subs(b)
    assert len(rows) == len(subs) == 2 and {r.channel for r in rows} == {"sms"} and {r.level for r in rows} == {2}
    assert {r.citizen_id for r in rows} == {b.contact_citizen_id or b.applicant_citizen_id} != {None}
    assert sorted(x.department_code for x in await Rectification.filter(case_id__in=[c.id for c in subs])) == \
        sorted(c.department_code for c in subs)
    # reused
    reused = (await gql(BY_LINK, {"i": {"token": token, "level": 5}}))["rateBundleByLink"]
    assert reused["errors"][0]["message"] == "该评价链接已使用过"
    assert (await gql(LINK, {"t": token}))["ratingLink"]["errors"][0]["message"] == "该评价链接已使用过"
    assert await CaseRating.filter(bundle_id=b.id).count() == 2

    # expired
    late, _ = await _completed_bundle(gql, settings)
    late_token = await _sms_token(late, settings)
    await RatingToken.filter(bundle_id=late.id).update(expires_at=clock.now() - timedelta(minutes=1))
    expired = (await gql(BY_LINK, {"i": {"token": late_token, "level": 5}}))["rateBundleByLink"]
    assert expired["errors"][0]["message"] == "评价链接已过期" and not await CaseRating.exists(bundle_id=late.id)


async def test_a_bundle_rated_in_the_app_refuses_its_sms_link(gql: GraphQLClient, settings: Settings) -> None:
    b, a = await _completed_bundle(gql, settings)
    token = await _sms_token(b, settings)
    me = await f.citizen_client(gql, settings, a.rep)
    rated = (await me(RATE_APP, {"i": {"bundleId": gid(b.id, "Bundle"), "level": 5}}))["rateBundle"]
    assert rated["errors"] == []
    assert (await gql(LINK, {"t": token}))["ratingLink"]["link"]["rated"] is True
    again = (await gql(BY_LINK, {"i": {"token": token, "level": 1, "comment": "再评一次"}}))["rateBundleByLink"]
    assert again["errors"][0]["code"] == "INVALID_STATE" and "已评价" in again["errors"][0]["message"]
    assert await CaseRating.filter(bundle_id=b.id).count() == 2 and not await RatingToken.filter(
        bundle_id=b.id, used_at__not_isnull=True).exists()
