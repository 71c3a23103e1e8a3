"""Applying for one item through the graph: the form fields the base databases know are filled from
them (not as typed, not from the account), each saying where it came from; a base that has nothing
leaves the field to the applicant; materials become 免提交 only where a base covers them."""

from __future__ import annotations

from datetime import date

from server.domain.shareddata.models import CreditRecord
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.shareddata import helpers as h

HOUSEHOLD = "山东省聊城市冠县清泉街道振兴路 88 号"  # what factories.population_record writes
CASE_FORM = "query($id: ID!) { case(id: $id) { formData prefilled { key base field sourceLabel } materials { name state note } } }"


async def test_a_citizen_in_the_population_base_has_the_form_filled_and_the_household_register_exempt(
        gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="林晓雨")
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    typed = h.typed_person()
    res = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert res["errors"] == [] and res["created"] is True, res
    case = res["case"]
    # the base's values, not what was typed; the phone stays the applicant's
    assert case["formData"] == {"applicantName": "林晓雨", "idNumber": person.id_number, "householdAddress": HOUSEHOLD,
                                "contactPhone": typed["contactPhone"]}
    assert h.prefilled(case) == {"applicantName": ("POPULATION", "来自人口库"), "idNumber": ("POPULATION", "来自人口库"),
                                 "householdAddress": ("POPULATION", "来自人口库")}
    assert {p["key"]: p["field"] for p in case["prefilled"]} == {
        "applicantName": "姓名", "idNumber": "公民身份号码", "householdAddress": "户籍地址"}
    assert h.states(case) == {
        "居民户口簿": ("EXEMPT", "A", "免提交：来自人口库（户籍信息）"),
        "居民身份证": ("EXEMPT", "A", "免提交：来自人口库（居民身份证信息）"),
        "申请表": ("PROVIDED", "C", "申请人上传"),
    }
    # the window sees the same form with its personal data masked, and where each value came from
    clerk = await gql.as_user("city_clerk")
    seen = (await clerk(CASE_FORM, {"id": case["id"]}))["case"]
    number = person.id_number or ""
    assert seen["formData"] == {"applicantName": "林**", "idNumber": number[:4] + "*" * 10 + number[-4:],
                                "householdAddress": HOUSEHOLD[:6] + "****",
                                "contactPhone": typed["contactPhone"][:3] + "****" + typed["contactPhone"][-4:]}
    assert {p["key"]: p["sourceLabel"] for p in seen["prefilled"]} == {k: v[1] for k, v in h.prefilled(case).items()}


async def test_a_base_that_has_nothing_leaves_the_form_to_the_applicant_and_the_material_must_be_supplied(
        gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="不在库", in_bases=False)
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    typed = h.typed_person()
    refused = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert refused["case"] is None
    assert [(e["code"], e["message"]) for e in refused["errors"]] == [("MISSING_MATERIAL", "请提交“居民户口簿”")]
    # supplied like any other material: accepted, the form as typed, nothing said to come from a base
    done = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表", "居民户口簿"]))
    assert done["errors"] == [], done
    case = done["case"]
    assert case["formData"] == typed and case["prefilled"] == []
    assert h.states(case)["居民户口簿"] == ("PROVIDED", "C", "申请人上传")
    assert h.states(case)["居民身份证"] == ("REUSED", "A", "实名认证核验")  # verified at sign-up, not from the base
    # a required field the base would have filled is asked of the applicant like any other
    blank = await h.submit(me, item, "户籍材料", {"contactPhone": "13800138000"},
                           materials=await h.uploads(me, item, "户籍材料", ["申请表", "居民户口簿"]))
    assert {e["message"] for e in blank["errors"]} == {"请填写“申请人姓名”", "请填写“身份证号码”"}


async def test_an_enterprise_in_the_legal_person_base_has_its_registration_filled_and_its_licence_exempt(
        gql: GraphQLClient, settings: Settings) -> None:
    rep = await f.citizen(name="郑经理")
    ent = await f.enterprise(rep)
    me = await f.citizen_client(gql, settings, rep)
    item = await h.enterprise_item()
    typed = h.typed_enterprise()
    res = await h.submit(me, item, "企业登记信息", typed, enterprise=h.gid("Enterprise", ent.id),
                         materials=await h.uploads(me, item, "企业登记信息", ["登记申请书"]))
    assert res["errors"] == [], res
    case = res["case"]
    assert case["formData"] == {
        "enterpriseName": ent.name, "creditCode": ent.credit_code, "legalRepresentative": "郑经理",
        "enterpriseAddress": "山东省聊城市东昌府区柳园街道东昌路 1 号", "foundedOn": "2018-05-08", "registeredCapital": 100,
        "contactPhone": typed["contactPhone"],
    }
    assert set(h.prefilled(case)) == set(case["formData"]) - {"contactPhone"}
    assert {v for v in h.prefilled(case).values()} == {("LEGAL_PERSON", "来自法人库")}
    assert h.states(case) == {
        "营业执照": ("EXEMPT", "A", "免提交：来自法人库（市场主体登记信息）"),
        "法定代表人身份证件": ("EXEMPT", "A", "免提交：来自法人库（法定代表人身份信息）"),
        "统一社会信用代码证书": ("EXEMPT", "A", "免提交：来自法人库（市场主体登记信息）"),
        "登记申请书": ("PROVIDED", "C", "申请人上传"),
    }


async def test_a_legal_person_no_longer_in_force_covers_nothing_and_one_not_in_the_base_types_its_own(
        gql: GraphQLClient, settings: Settings) -> None:
    item = await h.enterprise_item()
    # revoked (吊销): its registration still fills the form, but it no longer stands for its licence
    rep = await f.citizen(name="吴老板")
    ent = await f.enterprise(rep, in_bases=False)
    await f.legal_person_record(ent, status="吊销")
    me = await f.citizen_client(gql, settings, rep)
    refused = await h.submit(me, item, "企业登记信息", h.typed_enterprise(), enterprise=h.gid("Enterprise", ent.id),
                             materials=await h.uploads(me, item, "企业登记信息", ["登记申请书"]))
    assert {e["message"] for e in refused["errors"]} == {
        "请提交“营业执照”", "请提交“法定代表人身份证件”", "请提交“统一社会信用代码证书”"}
    # not in the base at all: the form as typed, every material supplied
    rep2 = await f.citizen(name="冯老板")
    other = await f.enterprise(rep2, in_bases=False)
    me2 = await f.citizen_client(gql, settings, rep2)
    typed = h.typed_enterprise()
    done = await h.submit(me2, item, "企业登记信息", typed, enterprise=h.gid("Enterprise", other.id),
                          materials=await h.uploads(me2, item, "企业登记信息", list(item.materials["企业登记信息"])))
    assert done["errors"] == [], done
    assert done["case"]["formData"] == typed and done["case"]["prefilled"] == []
    assert {s for s, _, _ in h.states(done["case"]).values()} == {"PROVIDED"}


async def test_the_elicence_base_covers_the_licences_the_applicant_holds_and_no_others(
        gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="韩梅")
    await h.licences(person, ["结婚证"])
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    without = await h.submit(me, item, "全套材料", h.typed_person(), materials=await h.uploads(me, item, "全套材料", ["申请表"]))
    assert {e["message"] for e in without["errors"]} == {
        "请提交“不动产权证书”", "请提交“出生医学证明”", "请提交“完税凭证”", "请提交“残疾人证”"}
    res = await h.submit(me, item, "全套材料", h.typed_person(), materials=await h.uploads(
        me, item, "全套材料", ["申请表", "不动产权证书", "出生医学证明", "完税凭证", "残疾人证"]))
    assert res["errors"] == [], res
    st = h.states(res["case"])
    assert st["结婚证"][:2] == ("REUSED", "A") and st["结婚证"][2].startswith("电子证照 DZZZ-SD-")
    assert st["结婚证"][2].endswith("（来自电子证照库）")
    assert st["监护关系证明（户口簿）"] == ("EXEMPT", "A", "免提交：来自人口库（户籍信息）")
    assert {n for n, (s, _, _) in st.items() if s == "PROVIDED"} == {"申请表", "不动产权证书", "出生医学证明", "完税凭证", "残疾人证"}
    licence = next(p for p in await h.pulls_of_case(res["case"]["id"]) if p.base == "elicence")
    assert sorted(licence.fields_asked) == sorted(["居民户口簿", "居民身份证", "结婚证", "不动产权证书", "出生医学证明", "残疾人证"])
    assert licence.fields_returned == ["结婚证"] and licence.found


async def test_the_credit_base_is_asked_for_an_instant_item_and_a_dishonesty_listing_stops_instant_approval(
        gql: GraphQLClient, settings: Settings) -> None:
    item = await h.publish_item(name=f"共享数据秒批事项{f.tag()}", department="371500-XZSPJ", objects=["natural_person"],
                                form=h.PERSON_FORM, situations={"本人申请": h.FEW[:2]}, instant=True)
    honest = await f.citizen(name="诚实人")
    await CreditRecord.create(subject_kind="person", subject_code=honest.id_number, kind="honour", detail="守信激励",
                              valid_from=date(2024, 1, 1))
    ok = await h.submit(await f.citizen_client(gql, settings, honest), item, "本人申请", h.typed_person())
    assert ok["errors"] == [] and ok["instant"]["approved"] is True, ok
    listed = await f.citizen(name="失信人")
    await CreditRecord.create(subject_kind="person", subject_code=listed.id_number, kind="dishonest_debtor",
                              detail="（2024）鲁1502执 1 号", authority="聊城市东昌府区人民法院", valid_from=date(2024, 1, 1))
    expired = await f.citizen(name="已修复")
    await CreditRecord.create(subject_kind="person", subject_code=expired.id_number, kind="dishonest_debtor",
                              valid_from=date(2020, 1, 1), valid_until=date(2021, 1, 1))
    no = await h.submit(await f.citizen_client(gql, settings, listed), item, "本人申请", h.typed_person())
    assert no["errors"] == [] and no["instant"] == {"approved": False,
                                                    "reasons": ["申请人在失信名单中（来自信用库：失信被执行人）"]}
    assert no["case"]["status"] == "SUBMITTED" and no["case"]["timeline"][-1]["action"] == "instant_declined"
    credit = next(p for p in await h.pulls_of_case(no["case"]["id"]) if p.base == "credit")
    assert credit.found and credit.fields_returned == ["entries"]
    # a listing no longer in force is not a listing
    again = await h.submit(await f.citizen_client(gql, settings, expired), item, "本人申请", h.typed_person())
    assert again["instant"]["approved"] is True
    # an item without the credit condition does not read the credit base at all (最小必要)
    plain = await h.person_item()
    other = await f.citizen(name="普通人")
    me = await f.citizen_client(gql, settings, other)
    res = await h.submit(me, plain, "户籍材料", h.typed_person(), materials=await h.uploads(me, plain, "户籍材料", ["申请表"]))
    assert {p.base for p in await h.pulls_of_case(res["case"]["id"])} == {"population", "elicence"}


async def test_an_application_registering_a_new_entity_takes_no_legal_person_field_from_the_applicant(
        gql: GraphQLClient, settings: Settings) -> None:
    """A 设立登记 describes the entity being founded: an enterprise founding it (a legal-person
    shareholder) is still covered by its own record for its licence, but its form is its own."""
    rep = await f.citizen(name="投资人")
    ent = await f.enterprise(rep)
    me = await f.citizen_client(gql, settings, rep)
    item = await h.publish_item(name=f"共享数据测试公司设立登记{f.tag()}", department="371500-XZSPJ", objects=["enterprise"],
                                form=h.ENTERPRISE_FORM, situations={"企业登记信息": h.ENTERPRISE_MATERIALS},
                                result_licence="营业执照")
    typed = h.typed_enterprise()
    res = await h.submit(me, item, "企业登记信息", typed, enterprise=h.gid("Enterprise", ent.id),
                         materials=await h.uploads(me, item, "企业登记信息", ["登记申请书"]))
    assert res["errors"] == [], res
    assert res["case"]["formData"] == typed and res["case"]["prefilled"] == []
    assert h.states(res["case"])["营业执照"][0] == "EXEMPT"
