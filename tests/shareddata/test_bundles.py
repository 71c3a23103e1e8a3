"""A themed bundle (一件事) through the graph: its one merged form takes what the bases hold (before the
account), each value saying where it came from, on the bundle and on its sub-cases; its one set of
materials is 免提交 where a base covers it; the pull is logged once for the bundle."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry import relay

from server.domain.shareddata.models import SharedDataPull
from server.domain.themes.models import Theme
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.shareddata import helpers as h

PREVIEW = """query($id: ID!, $a: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $a) {
  form { key type required options source sharedSource }
  materials { key name necessity generated elicence sharedData toProvide } } }"""
APPLY = """mutation($i: ApplyForThemeInput!) { applyForTheme(input: $i) { created bundle { id number formData
  prefilled { key base field sourceLabel }
  subCases { id formData prefilled { key base sourceLabel } materials { name state trust note } } }
  errors { field message code } } }"""
VALUES = {"text": "测试内容", "textarea": "测试内容", "number": 5, "date": "2026-01-05", "phone": "13800138000",
          "boolean": True}


def _form(form: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fl in form:
        t = fl["type"].lower()
        if t == "select":
            out[fl["key"]] = fl["options"][0]
        elif t == "id_number":
            out[fl["key"]] = f.id_number()
        elif t == "credit_code":
            out[fl["key"]] = f.credit_code()
        else:
            out[fl["key"]] = VALUES.get(t, "测试内容")
    return out


async def _apply(client: GraphQLClient, code: str, answers: dict[str, str], *, keep: tuple[str, ...],
                 enterprise: str | None = None) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Preview the theme, upload every material to provide except those whose e-licence kind is in
    ``keep`` (left for the bases), apply with a form typed wrong where a base knows better."""
    theme = await Theme.get(code=code)
    preview = (await client(PREVIEW, {"id": str(relay.GlobalID("Theme", str(theme.id))),
                                      "a": [{"question": k, "value": v} for k, v in answers.items()]}))["themeBundle"]
    files = [{"key": m["key"], "uploadId": await h.upload(client, f"{m['name'][:20]}.pdf")}
             for m in preview["materials"]
             if m["toProvide"] and m["necessity"] != "OPTIONAL" and m["elicence"] not in keep]
    typed = _form(preview["form"])
    i: dict[str, Any] = {"idempotencyKey": uuid.uuid4().hex, "themeCode": code, "answers": answers, "formData": typed,
                         "materials": files}
    if enterprise is not None:
        i["enterpriseId"] = enterprise
    res = (await client(APPLY, {"i": i}))["applyForTheme"]
    return preview, typed, res


async def test_a_persons_bundle_takes_the_population_base_once_for_its_form_and_materials(
        gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="失业者")
    me = await f.citizen_client(gql, settings, person)
    preview, typed, res = await _apply(me, "unemployment", {"insured": "no"}, keep=("居民身份证", "居民户口簿"))
    assert {fl["key"]: fl["sharedSource"] for fl in preview["form"] if fl["sharedSource"]} == {"idNumber": "POPULATION"}
    assert res["errors"] == [], res
    bundle = res["bundle"]
    assert bundle["formData"]["idNumber"] == person.id_number != typed["idNumber"]
    assert [(p["key"], p["base"], p["sourceLabel"]) for p in bundle["prefilled"]] == [("idNumber", "POPULATION", "来自人口库")]
    subs = [s for s in bundle["subCases"] if "idNumber" in s["formData"]]
    assert subs and all(s["formData"]["idNumber"] == person.id_number for s in subs)
    assert all(s["prefilled"] == [{"key": "idNumber", "base": "POPULATION", "sourceLabel": "来自人口库"}] for s in subs)
    cards = [m for s in bundle["subCases"] for m in s["materials"] if m["name"] == "居民身份证"]
    assert cards and {(m["state"], m["trust"], m["note"]) for m in cards} == {
        ("EXEMPT", "A", "免提交：来自人口库（居民身份证信息）")}
    # one pull for the whole bundle at submission, by the applicant, named with it and scoped as it (失业登记
    # is an instant item whose rule asks the credit base); the system's later pulls say why they were made:
    # the instant approval after acceptance, the second stage opening (naming its sub-case)
    rows = list(await SharedDataPull.filter(bundle_number=bundle["number"]).order_by("id"))
    applied = [r for r in rows if r.caller_kind == "citizen"]
    assert sorted(r.base for r in applied) == ["credit", "elicence", "population"] and len({r.batch for r in applied}) == 1
    assert {(r.purpose, r.caller_id, r.region_code, r.case_id) for r in applied} == {
        ("申请主题办件“失业保障”：材料免提交核验、一表申请预填", person.id, "371500", None)}
    later = {(r.base, r.purpose) for r in rows if r.caller_kind == "system"}
    assert ("credit", "主题办件“失业保障”受理后秒批：信用核查") in later
    opened = [r for r in rows if r.caller_kind == "system" and "第 2 阶段开办" in r.purpose]
    assert opened and all(r.case_number for r in opened) and {r.caller_label for r in opened} == {"系统"}
    assert next(r for r in applied if r.base == "population").filled == {"idNumber": "id_number"}


async def test_an_enterprises_bundle_takes_the_legal_person_base_before_the_account(
        gql: GraphQLClient, settings: Settings) -> None:
    rep = await f.citizen(name="变更人")
    ent = await f.enterprise(rep, in_bases=False)
    await f.legal_person_record(ent, credit_code=ent.credit_code, name=ent.name)
    me = await f.citizen_client(gql, settings, rep)
    preview, typed, res = await _apply(me, "enterprise-change", {"change": "scope", "bank": "no"}, keep=(),
                                       enterprise=h.gid("Enterprise", ent.id))
    assert res["errors"] == [], res
    bundle = res["bundle"]
    assert bundle["formData"]["creditCode"] == ent.credit_code != typed["creditCode"]
    assert {(p["key"], p["sourceLabel"]) for p in bundle["prefilled"]} == {("creditCode", "来自法人库")}
    # without a record, the account's registration fills it (the form's own source), and nothing says a base did
    rep2 = await f.citizen(name="未入库")
    other = await f.enterprise(rep2, in_bases=False)
    me2 = await f.citizen_client(gql, settings, rep2)
    _, _, res2 = await _apply(me2, "enterprise-change", {"change": "scope", "bank": "no"}, keep=(),
                              enterprise=h.gid("Enterprise", other.id))
    assert res2["errors"] == [], res2
    assert res2["bundle"]["formData"]["creditCode"] == other.credit_code and res2["bundle"]["prefilled"] == []
