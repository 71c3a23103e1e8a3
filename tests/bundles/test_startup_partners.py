"""企业开办: the applicant chooses the bank and the seal carver, and the registration's results flow
forward — the enterprise founded by the 设立登记 is registered, its credit code and name fill the
later items' forms, and the chosen partners (simulated banks and a seal carver, real HTTP servers
on loopback) receive their sub-cases with the new enterprise's credit code and licence number."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from stdnum.cn import uscc

from server.domain.accounts.models import Citizen, Enterprise
from server.domain.cases import bundles
from server.domain.cases.models import Case, ELicence
from server.domain.errors import DomainErrors
from server.domain.exchange.models import Partner, PartnerKind
from server.domain.shareddata.models import LegalPersonRecord
from server.domain.themes.models import Theme, ThemeVersion
from server.domain.themes.resolve import resolve
from server.settings import Settings
from tests import factories as h
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient
from tests.exchange.peer import Peer, running

ANSWERS = {"company_type": "llc", "housing_fund": "yes", "bank_account": "yes"}
BANK_ITEM, SEAL_ITEM = "200100010000", "100150001000"


@contextlib.asynccontextmanager
async def partners(peer: Peer) -> AsyncIterator[dict[str, Partner]]:
    """Two banks and one seal carver of the city posting to ``peer``; the other banks and seal
    carvers are set aside while inside (and put back after)."""
    others = list(await Partner.filter(kind__in=[PartnerKind.BANK, PartnerKind.SEAL_CARVER], is_active=True)
                  .values_list("id", flat=True))
    await Partner.filter(id__in=others).update(is_active=False)
    made: dict[str, Partner] = {}
    try:
        for name, code, kind, route in (("聊城农商银行测试网点", "bank-a", PartnerKind.BANK, BANK_ITEM),
                                        ("工商银行聊城测试支行", "bank-b", PartnerKind.BANK, BANK_ITEM),
                                        ("聊城诚信刻章", "seal-a", PartnerKind.SEAL_CARVER, SEAL_ITEM)):
            secret = f"whsec_{h.tag()}{h.tag()}"
            made[code] = await Partner.create(
                code=f"{code}-{h.tag()}"[:32].lower(), name=name, kind=kind, region_code="371500", base_url=peer.url,
                keys=[{"id": "k1", "secret": secret, "created_at": "2026-01-01T00:00:00+08:00"}], routes=[route])
            peer.secrets.append(secret)
        yield made
    finally:
        await Partner.filter(id__in=[p.id for p in made.values()]).update(is_active=False)
        await Partner.filter(id__in=others).update(is_active=True)


async def _startup() -> ThemeVersion:
    theme = await Theme.get(code="enterprise-startup")
    return await ThemeVersion.get(id=theme.published_version_id)


async def _application(person: Citizen, version: ThemeVersion, chosen: dict[str, str]) -> bundles.ThemeApplication:
    b = await resolve(version=version, answers=ANSWERS)
    actor = h.as_citizen(person)
    files = [bundles.MaterialFile(m.key, await h.upload(actor, m.name)) for m in b.materials
             if m.necessity != "optional" and not m.generated and not m.shared_data and m.produced_by is None]
    form = t.form_for(b.form)
    form["enterpriseName"] = f"聊城市鲁西新材料科技有限公司{h.tag()}"
    return bundles.ThemeApplication(theme_code="enterprise-startup", answers=ANSWERS, form_data=form, materials=files,
                                    partners=chosen)


PREVIEW = """query($id: ID!, $a: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $a) {
  form { key source sourceLabel } stages { items { key partnerKind partnerChoices { code name } } } } }"""


async def test_the_applicant_chooses_the_bank_and_the_seal_carver(gql: GraphQLClient, settings: Settings) -> None:
    version = await _startup()
    peer = Peer(secrets=[])
    async with running(peer), partners(peer) as p:
        # the phone and the window offer the choice, and do not ask what the registration will produce
        data = await gql(PREVIEW, {"id": t_gid("Theme", version.theme_id),
                                   "a": [{"question": k, "value": v} for k, v in ANSWERS.items()]})
        items = {i["key"]: i for s in data["themeBundle"]["stages"] for i in s["items"]}
        assert items["bank"]["partnerKind"] == "bank"
        assert {c["code"] for c in items["bank"]["partnerChoices"]} == {p["bank-a"].code, p["bank-b"].code}
        assert [c["code"] for c in items["seal"]["partnerChoices"]] == [p["seal-a"].code]
        assert items["tax"]["partnerKind"] is None and items["tax"]["partnerChoices"] == []
        sources = {f["key"]: f for f in data["themeBundle"]["form"]}
        assert sources["creditCode"]["source"] == "FOUNDED_CREDIT_CODE"
        assert "营业执照核准后自动填写" in sources["creditCode"]["sourceLabel"]

        person = await h.citizen(name="鲁新材")
        actor = h.as_citizen(person)
        # two banks could take it: the applicant must say which (the seal carver is the only one: chosen)
        try:
            await bundles.submit(actor=actor, settings=None, idempotency_key=h.key(),
                                 app=await _application(person, version, {}))
            raise AssertionError("a bundle without a chosen bank was accepted")
        except DomainErrors as exc:
            assert [(e.field, e.message) for e in exc.errors] == [(["partners", "bank"], "请选择办理“企业银行账户开户预约（政银合作）”的银行")]
        try:
            await bundles.submit(actor=actor, settings=None, idempotency_key=h.key(),
                                 app=await _application(person, version, {"bank": p["seal-a"].code}))
            raise AssertionError("a seal carver was accepted as the bank")
        except DomainErrors as exc:
            assert exc.errors[0].field == ["partners", "bank"] and "不能由所选银行办理" in exc.errors[0].message

        app = await _application(person, version, {"bank": p["bank-b"].code.upper()})
        done = await bundles.submit(actor=actor, settings=None, idempotency_key=h.key(), app=app)
        bundle = done.bundle
        plan = {it["key"]: it for st in bundle.plan for it in st["items"]}
        assert plan["bank"]["partner_code"] == p["bank-b"].code and plan["seal"]["partner_code"] == p["seal-a"].code
        assert "creditCode" not in bundle.form_data  # nobody typed it: the enterprise does not exist yet

        clerk = await h.staff("city_clerk")
        bundle = await bundles.accept(actor=clerk, settings=None, bundle_id=bundle.id)
        licence = next(c for c in await t.subs(bundle) if c.bundle_stage == 1)
        await t.finish(licence)

        # the registration founded the enterprise: on the platform, in the legal-person base, holding the licence
        ent = await Enterprise.get(name=app.form_data["enterpriseName"])
        assert uscc.is_valid(ent.credit_code) and ent.credit_code.startswith("91")
        assert ent.legal_rep_id == person.id and ent.legal_rep_name == "鲁新材"
        assert await LegalPersonRecord.exists(credit_code=ent.credit_code, status="存续")
        lic = await ELicence.get(case_id=licence.id)
        assert lic.holder_enterprise_id == ent.id and lic.holder_name == ent.name

        # its results fill the later items: nobody types them twice
        later = {c.basic_code: c for c in await t.subs(bundle) if c.bundle_stage == 2}
        assert later["100160001000"].form_data["creditCode"] == ent.credit_code
        social = later["200170001000"].form_data
        assert social["creditCode"] == ent.credit_code and social["unitName"] == ent.name
        assert social["foundedOn"] == lic.issued_at.date().isoformat()

        # the chosen bank and seal carver get their sub-cases (and nobody else), with the new enterprise
        assert later[BANK_ITEM].partner_code == p["bank-b"].code
        assert later[SEAL_ITEM].partner_code == p["seal-a"].code
        routed = {m["data"]["item"]["basic_code"]: m["data"] for m in peer.received.values()}
        assert set(routed) == {BANK_ITEM, SEAL_ITEM}
        for data in routed.values():
            assert data["applicant"]["enterprise"] == {"credit_code": ent.credit_code, "name": ent.name,
                                                       "licence_number": lic.number}
        assert await Case.filter(bundle_id=bundle.id, partner_code=p["bank-a"].code).count() == 0

        # the bank works its queue with its API key: its own sub-case only, and it answers through the graph
        from server.domain.accounts import apikeys

        keys = {c: (await apikeys.issue(name=f"{p[c].name}接口", kind="bank", region_code="371500",
                                        partner_code=p[c].code)).full_key for c in ("bank-a", "bank-b")}

        async def as_bank(code: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
            r = await gql.http.post("/graphql", json={"query": query, "variables": variables},
                                    headers={"x-api-key": keys[code], "accept": "application/graphql-response+json"})
            return dict(r.json())

        queue = "query { caseQueue(queue: ALL) { totalCount edges { node { id number itemName status } } } }"
        mine = (await as_bank("bank-b", queue, {}))["data"]["caseQueue"]
        assert [e["node"]["number"] for e in mine["edges"]] == [later[BANK_ITEM].number]
        assert (await as_bank("bank-a", queue, {}))["data"]["caseQueue"]["totalCount"] == 0
        answer = """mutation($i: AnswerRoutedCaseInput!) { answerRoutedCase(input: $i) {
          case { id status } errors { field message code } } }"""
        case_id = mine["edges"][0]["node"]["id"]
        for data, kind in (({"number": "LCB-0001"}, "ACCEPTED"),
                           ({"decision": "approved", "result_number": "3715 0101 0400 1234", "result": {
                               "account_number": "3715 0101 0400 1234", "bank_branch": "工商银行聊城测试支行"}},
                            "DECIDED")):
            done_ = (await as_bank("bank-b", answer, {"i": {"caseId": case_id, "answer": kind, "data": data}}))
            assert done_["data"]["answerRoutedCase"]["errors"] == [], done_
        assert (await Case.get(id=later[BANK_ITEM].id)).status == "approved"
        wrong = await as_bank("bank-a", answer, {"i": {"caseId": case_id, "answer": "ACCEPTED", "data": {}}})
        assert [e["code"] for e in wrong["data"]["answerRoutedCase"]["errors"]] == ["NOT_FOUND"]

        # the applicant sees who does each part, and how its delivery stands
        me = await h.citizen_client(gql, settings, person)
        seen = await me("""query($id: ID!) { bundle(id: $id) { stageList { items {
          key partnerCode partnerName partnerDelivery caseStatus partnerResult { number entries { label value } data } }
          } } }""", {"id": t_gid("Bundle", bundle.id)})
        items = {i["key"]: i for s in seen["bundle"]["stageList"] for i in s["items"]}
        assert (items["bank"]["partnerName"], items["bank"]["caseStatus"]) == ("工商银行聊城测试支行", "APPROVED")
        assert items["seal"]["partnerName"] == "聊城诚信刻章" and items["seal"]["partnerDelivery"] == "已送达办理单位"
        assert items["tax"]["partnerCode"] is None and items["tax"]["partnerDelivery"] is None
        # what the bank produced is a field of the bundle, not only a line of the sub-case's timeline
        assert items["bank"]["partnerResult"] == {
            "number": "3715 0101 0400 1234",
            "entries": [{"label": "账号", "value": "3715 0101 0400 1234"}, {"label": "开户网点", "value": "工商银行聊城测试支行"}],
            "data": {"account_number": "3715 0101 0400 1234", "bank_branch": "工商银行聊城测试支行"},
        }
        assert items["seal"]["partnerResult"] is None and items["tax"]["partnerResult"] is None  # not finished / no partner


def t_gid(type_name: str, pk: Any) -> str:
    from strawberry import relay

    return str(relay.GlobalID(type_name, str(pk)))
