"""The tests' one factories module: identifiers, people, rows, actors and signed-in clients over the
real seeds. Every test builds what it needs here and reads back only what it made.

- Identifiers (no database): :func:`phone`, :func:`id_number`, :func:`credit_code`, :func:`person_name`,
  :func:`address`, :func:`tag`, :func:`key`. Phones and ID numbers come from one counter started at a
  random place, so no two people of a session share one, whatever the tests' order.
- Rows: :func:`citizen`, :func:`phone_citizen`, :func:`enterprise` (in the population and legal-person
  bases unless told otherwise: :func:`population_record`, :func:`legal_person_record`), :func:`department`,
  :func:`hall`, :func:`new_staff`, :func:`upload`, and cases inserted directly (:func:`case`,
  :func:`statistics_case`, :func:`missing_material`) for tests that are not about the lifecycle.
- Actors: :func:`as_citizen`, :func:`staff` (a seeded demo account).
- Through the domain: :func:`item`, :func:`situation`, :func:`uploads_for`, :func:`form_answers`,
  :func:`company_change`, :func:`completed_case`.
- Through the graph: SMS sign-in (:func:`open_devices`, :func:`sign_in`, :func:`verified_person`,
  :func:`latest_code`), :func:`citizen_client`, and the catalogue's create/publish documents.
- The worker: :func:`run_burst_worker`, :data:`CLOSED_PORT_URL`.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import httpx
from arq.connections import RedisSettings
from arq.worker import Worker, func
from stdnum.cn import ric, uscc
from tortoise import connections

from server.domain.accounts import tokens
from server.domain.accounts.models import Citizen, Enterprise, SmsCode, StaffUser
from server.domain.accounts.roles import Actor
from server.domain.accounts.service import role_tags
from server.domain.accounts.sms import SIGN_IN_CODE, get_sms_sender
from server.domain.accounts.tokens import citizen_actor, staff_actor
from server.domain.cases import clock, daily
from server.domain.cases.models import Case, CaseMaterial, Upload
from server.domain.catalog.models import (
    Department,
    Hall,
    ItemVersion,
    Material,
    Region,
    ServiceItem,
    Situation,
)
from server.settings import Settings
from tests.conftest import GraphQLClient

CITY = "371500"
_rng = random.Random()  # its own generator: a test that seeds `random` changes nothing here
_serial = itertools.count(_rng.randrange(10**7))  # phones and ID numbers, unique in the session

# --- identifiers -----------------------------------------------------------------------------------

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def tag() -> str:
    return uuid.uuid4().hex[:8].upper()


def key() -> str:
    """A client idempotency key."""
    return uuid.uuid4().hex


def phone() -> str:
    """A mobile number (1[3-9]…) no other person of this session has."""
    n = next(_serial)
    return f"1{3 + n // 10**9 % 7}{n % 10**9:09d}"


def id_number(birth: str | None = None, region: str = "371525", sex: str | None = None) -> str:
    """A valid GB 11643 number no other person of this session has (``birth`` YYYYMMDD, ``sex`` M/F)."""
    n = next(_serial)
    day, slot = divmod(n, 998)
    if birth is None:
        birth = f"{date(1950, 1, 1) + timedelta(days=day % (365 * 50)):%Y%m%d}"
    seq = slot + 1  # 001…998: odd for men, even for women
    if sex is not None and (seq % 2 == 1) != (sex == "M"):
        seq += 1
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")  # the function expects the check place present


def credit_code(region: str = "371525") -> str:
    """A valid GB 32100 unified social credit code of an enterprise registered in ``region``."""
    first17 = "91" + region + "".join(_rng.choice(CREDIT_ALPHABET) for _ in range(9))
    return first17 + uscc.calc_check_digit(first17)


def person_name() -> str:
    return _rng.choice(SURNAMES) + "".join(_rng.choice(GIVEN) for _ in range(_rng.choice((1, 2))))


def address() -> str:
    """A client address of its own (per-address limits live for the whole session)."""
    return f"10.{_rng.randrange(1, 255)}.{_rng.randrange(256)}.{_rng.randrange(1, 255)}"


def at(text: str) -> datetime:
    """``2021-03-01 10:00`` in China time."""
    return datetime.fromisoformat(text).replace(tzinfo=clock.ZONE)


# --- rows ------------------------------------------------------------------------------------------


async def citizen(*, verified: bool = True, dishonest: bool = False, name: str = "张晓明",
                  in_bases: bool = True) -> Citizen:
    """A citizen with a name and an ID number, real-name verified unless told otherwise, and (unless
    ``in_bases`` is False) in the population base (人口库) like every real resident. ``dishonest``: the
    credit base (信用库) lists them as a dishonest debtor (the account's own flag is not what counts)."""
    person = await Citizen.create(
        phone=phone(), name=name, id_number=id_number(), verified_at=datetime.now(timezone.utc) if verified else None,
    )
    if in_bases:
        await population_record(person)
    if dishonest:
        await dishonesty_listing("person", person.id_number or "", person.name or "")
    return person


async def dishonesty_listing(subject_kind: str, code: str, name: str) -> Any:
    """A dishonest-debtor entry of the credit base, in force since last year, for a person's ID number
    or an entity's credit code."""
    from server.domain.shareddata.models import CreditRecord

    return await CreditRecord.create(
        subject_kind=subject_kind, subject_code=code, subject_name=name, kind="dishonest_debtor",
        detail="未履行生效法律文书确定的给付义务", authority="聊城市中级人民法院",
        valid_from=clock.today().replace(month=1, day=1) - timedelta(days=365),
    )


async def population_record(person: Citizen, **values: Any) -> Any:
    """The population base's record of ``person`` (their name and ID number; ``values`` override)."""
    from server.domain.shareddata.models import PopulationRecord

    number = person.id_number or id_number()
    born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    row = {"id_number": number, "name": person.name or person_name(), "gender": "男" if int(number[16]) % 2 else "女",
           "birth_date": born, "ethnicity": "汉族", "household_address": "山东省聊城市冠县清泉街道振兴路 88 号",
           "household_region_code": number[:6], "household_head": person.name or "", "relation_to_head": "户主"}
    return await PopulationRecord.create(**{**row, **values})


async def phone_citizen() -> Citizen:
    """A citizen who has only signed in with a phone: no name, no ID number, not verified."""
    return await Citizen.create(phone=phone())


async def enterprise(rep: Citizen, *, dishonest: bool = False, in_bases: bool = True) -> Enterprise:
    """An enterprise registered on the platform with ``rep`` as its legal representative, and (unless
    ``in_bases`` is False) in the legal-person base (法人库), 存续."""
    ent = await Enterprise.create(
        credit_code=credit_code(CITY), name=f"聊城市测试商贸有限公司{_rng.randrange(10**6)}",
        legal_rep_name=rep.name or "", legal_rep_id_number=rep.id_number or "", legal_rep=rep, region_id=CITY,
    )
    if in_bases:
        await legal_person_record(ent)
    if dishonest:
        await dishonesty_listing("enterprise", ent.credit_code, ent.name)
    return ent


async def legal_person_record(ent: Enterprise, **values: Any) -> Any:
    """The legal-person base's record of ``ent`` (its name, code and legal representative)."""
    from server.domain.shareddata.models import LegalPersonRecord

    row = {"credit_code": ent.credit_code, "name": ent.name, "kind": "有限责任公司（自然人独资）",
           "legal_representative": ent.legal_rep_name, "legal_rep_id_number": ent.legal_rep_id_number,
           "address": "山东省聊城市东昌府区柳园街道东昌路 1 号", "registered_capital": 100,
           "established_on": date(2018, 5, 8), "status": "存续", "business_scope": "日用百货、五金交电销售",
           "registration_authority": "聊城市行政审批服务局"}
    return await LegalPersonRecord.create(**{**row, **values})


async def department() -> Department:
    """A department of the city of its own (so that the recipients of a warning are known exactly)."""
    code = f"{CITY}-T{tag()}"
    return await Department.create(code=code, name=f"测试局{code[-4:]}", short_name="测试局", kind="bureau",
                                   region_id=CITY)


async def hall() -> Hall:
    # "ZZ" sorts after the city's real hall (371500-ZWFWZX), which lists and contract examples read first
    code = f"{CITY}-ZZ{tag()}"
    return await Hall.create(code=code, name=f"测试大厅{code[-4:]}", region_id=CITY, address="聊城市测试路 1 号",
                             hours="工作日 9:00-17:00", phone="0635-0000000")


async def new_staff(role: str, *, department_code: str | None = None, hall_code: str | None = None,
                    active: bool = True, region: str = CITY) -> StaffUser:
    """A staff account of its own with one role (no password: it signs in through tokens)."""
    return await StaffUser.create(
        username=f"t-{role}-{tag().lower()}", display_name="测试人员", password_hash="!", roles=[role],
        role_tags=role_tags([role]), region_id=region, department_id=department_code, hall_id=hall_code,
        is_active=active,
    )


async def upload(owner: Actor, name: str = "材料.pdf") -> int:
    data = b"%PDF-1.4 " + uuid.uuid4().bytes
    row = await Upload.create(
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type="application/pdf", filename=name,
        storage_key=f"test/{uuid.uuid4().hex}", owner_citizen_id=owner.citizen_id, owner_staff_id=owner.user_id,
    )
    return row.id


async def published_item() -> ServiceItem:
    item = await ServiceItem.filter(status="active", published_version_id__isnull=False).order_by("id").first()
    assert item is not None, "the seeded catalogue has a published item"
    return item


async def case(*, department_code: str, status: str = "accepted", hall_code: str | None = None,
               county: str | None = None, deadline: date | None = None, warn_on: date | None = None,
               supply_by: date | None = None, claimed_by_id: int | None = None, citizen_id: int | None = None,
               contact_phone: str = "", applicant_kind: str = "citizen", applicant_name: str = "张三",
               item_name: str = "测试事项", **extra: Any) -> Case:
    """A Case row inserted directly on a seeded, published item, for tests the lifecycle is not about
    (``county``: handled in that county rather than by the city)."""
    item = await published_item()
    c = await Case.create(
        number=f"T{CITY}{tag()}", status=status, channel="window", item_id=item.id,
        version_id=item.published_version_id, item_name=item_name, basic_code=item.basic_code,
        department_code=department_code, region_code=county or CITY, city_code=CITY, county_code=county,
        hall_code=hall_code, applicant_kind=applicant_kind, applicant_citizen_id=citizen_id,
        contact_citizen_id=citizen_id, applicant_name=applicant_name, contact_phone=contact_phone,
        deadline=deadline, warn_on=warn_on, supply_by=supply_by, claimed_by_id=claimed_by_id, **extra,
    )
    # counted in the daily statistics as the transition that made it would have counted it
    await daily.apply(connections.get("default"), daily.contribution(c))
    return c


async def rewrite(case_id: int, **columns: Any) -> Case:
    """Writes ``columns`` of a case directly — a test moving a case back in time or to another place,
    which no transition does — and moves the daily statistics with it, so the aggregates stay what the
    case table says (the statistics tests compare the two over the whole shared database)."""
    before = await Case.get(id=case_id)
    await Case.filter(id=case_id).update(**columns)
    after = await Case.get(id=case_id)
    await daily.apply(connections.get("default"), daily.difference(daily.contribution(before), daily.contribution(after)))
    return after


async def remove_cases(**filters: Any) -> int:
    """Deletes the cases matching ``filters`` (a test cleaning up after itself) and takes them out of
    the daily statistics; returns how many went."""
    gone = await Case.filter(**filters)
    deltas: daily.Deltas = {}
    for c in gone:
        daily.merge(deltas, daily.contribution(c), -1)
    await daily.apply(connections.get("default"), deltas)
    return await Case.filter(id__in=[c.id for c in gone]).delete()


async def statistics_case(dept: str, *, county: str | None, status: str, submitted: datetime,
                          accepted: datetime | None = None, completed: datetime | None = None,
                          deadline: date | None = None, warn_on: date | None = None, used: int | None = None,
                          committed: int = 5) -> Case:
    """A case as the statistics count it: handled by ``dept`` in ``county`` (or the city) at its hall."""
    return await case(
        department_code=dept, county=county, status=status, hall_code=f"{county or CITY}-ZWFWZX",
        item_name="统计测试事项", applicant_name="统计测试", query_code="TESTCODE", submitted_at=submitted,
        accepted_at=accepted, completed_at=completed, deadline=deadline, warn_on=warn_on, working_days_used=used,
        committed_limit=committed,
    )


async def missing_material(c: Case) -> CaseMaterial:
    """Marks one material of the case's item as 容缺 (missing, to be supplied)."""
    material = await Material.filter(situation__version_id=c.version_id).order_by("id").first()
    assert material is not None, "the seeded item has materials"
    return await CaseMaterial.create(case_id=c.id, material_id=material.id, position=1, name=material.name,
                                     necessity="deferrable", state="missing")


# --- actors ----------------------------------------------------------------------------------------


def as_citizen(c: Citizen) -> Actor:
    return citizen_actor(c)


async def staff(username: str) -> Actor:
    """The actor of a seeded demo staff account (``city_clerk``, ``city_reviewer_scjg`` …)."""
    user = await StaffUser.get(username=username)
    region = await Region.get(code=user.region_id)
    return staff_actor(user, region.path)


# --- through the domain ----------------------------------------------------------------------------


async def item(name: str, region: str = CITY) -> tuple[ServiceItem, ItemVersion]:
    """A seeded item by the name of its published version, and that version."""
    it = await ServiceItem.filter(
        region_id=region, status="active", versions__name=name, versions__status="published"
    ).distinct().get()
    return it, await ItemVersion.get(id=it.published_version_id)


async def situation(version: ItemVersion, name: str) -> tuple[Situation, list[Material]]:
    s = await Situation.get(version_id=version.id, name=name)
    return s, list(await Material.filter(situation_id=s.id).order_by("position"))


async def uploads_for(owner: Actor, materials: list[Material], *, skip: frozenset[str] = frozenset()) -> list[Any]:
    """Uploads for the required materials a verified applicant's identity does not satisfy. Shared
    data is 免提交 only where a base holds the applicant, so those are uploaded too: a material an
    e-licence or a base covers takes no upload (the upload is left unused)."""
    from server.domain.cases.apply import MaterialInput

    out = []
    for m in materials:
        if m.necessity == "required" and m.elicence != "居民身份证" and m.name not in skip:
            out.append(MaterialInput(m.id, await upload(owner, m.name)))
    return out


def form_answers(version: ItemVersion) -> dict[str, Any]:
    """Valid answers for whatever form the version declares."""
    out: dict[str, Any] = {}
    for f in version.form_fields or []:
        t, k = f["type"], f["key"]
        if t == "number":
            out[k] = max(1, f.get("min") or 0)
        elif t == "select":
            out[k] = f["options"][0]
        elif t == "multi_select":
            out[k] = [f["options"][0]]
        elif t == "boolean":
            out[k] = True
        elif t == "date":
            out[k] = "2026-01-05"
        elif t == "phone":
            out[k] = "13800138000"
        elif t == "id_number":
            out[k] = id_number()
        elif t == "credit_code":
            out[k] = credit_code()
        else:
            out[k] = "测试内容"
    return out


async def company_change(actor: Actor, ent: Enterprise, *, situation_name: str = "经营范围变更") -> tuple[
        ServiceItem, ItemVersion, Situation, list[Material], Any]:
    """An application of ``ent`` for 公司变更登记, with its form answered and its required uploads."""
    from server.domain.cases.apply import Application

    it, version = await item("公司变更登记")
    sit, mats = await situation(version, situation_name)
    app = Application(
        item_id=it.id, situation_id=sit.id, form_data=form_answers(version), enterprise_id=ent.id,
        materials=await uploads_for(actor, mats),
    )
    return it, version, sit, mats, app


async def completed_case(settings: Settings | None, *, name: str = "周晓东") -> tuple[Case, int]:
    """A company change taken through the whole lifecycle (容缺, two review steps, supplied, approved,
    picked up, completed); returns the case and the applicant's citizen id."""
    from server.domain.cases import apply, review, window

    rep = await citizen(name=name)
    ent = await enterprise(rep)
    me = as_citizen(rep)
    *_, mats, app = await company_change(me, ent)
    c = (await apply.submit(actor=me, settings=settings, idempotency_key=key(), app=app)).case
    clerk = await staff("city_clerk")
    missing = [m for m in mats if m.necessity == "deferrable"]
    await window.accept_with_missing(actor=clerk, settings=settings, case_id=c.id, commitment="承诺书已签",
                                     missing=[window.Missing(m.id) for m in missing])
    reviewer = await staff("city_reviewer_scjg")
    await review.claim(actor=reviewer, settings=settings, case_id=c.id)
    await review.approve(actor=reviewer, settings=settings, case_id=c.id, opinion="材料齐全")  # still theirs: the next step
    await window.supply(actor=me, settings=settings, case_id=c.id,
                        materials=[window.Supplied(m.id, await upload(me)) for m in missing])
    await review.approve(actor=reviewer, settings=settings, case_id=c.id, opinion="准予")
    await window.issue_result(actor=clerk, settings=settings, case_id=c.id, method="pickup")
    c = await window.complete(actor=clerk, settings=settings, case_id=c.id)
    return c, rep.id


# --- through the graph -----------------------------------------------------------------------------

REQUEST_CODE = """
mutation($phone: String!) {
  requestSmsCode(input: {phone: $phone}) { sent expiresInSeconds resendAfterSeconds errors { field message code } }
}"""
SIGN_IN = """
mutation($phone: String!, $code: String!) {
  signInWithSmsCode(input: {phone: $phone, code: $code}) {
    tokens { token expiresAt refreshToken }
    citizen { id phone name idNumber verified masked }
    firstSignIn
    errors { field message code }
  }
}"""
VERIFY = """
mutation($name: String!, $idNumber: String!) {
  verifyRealName(input: {name: $name, idNumber: $idNumber}) {
    citizen { id phone name idNumber birthDate sex verified masked }
    errors { field message code }
  }
}"""


def latest_code(settings: Settings, phone: str) -> str:
    """The last sign-in code sent to ``phone`` (the development sink keeps it)."""
    message = get_sms_sender(settings).last_to(phone, SIGN_IN_CODE)
    assert message is not None, f"no code was sent to {phone}"
    return str(message.params["code"])


async def backdate_codes(phone: str, seconds: int = 61) -> None:
    """As if the codes of ``phone`` had been requested ``seconds`` earlier (past the cool-down)."""
    for row in await SmsCode.filter(phone=phone):
        await SmsCode.filter(id=row.id).update(created_at=row.created_at - timedelta(seconds=seconds))


Devices = Callable[..., Awaitable[GraphQLClient]]


@asynccontextmanager
async def open_devices(app: Any) -> AsyncIterator[Devices]:
    """Opens GraphQL clients, each from a client address of its own (or the one given)."""
    async with AsyncExitStack() as stack:

        async def open_device(ip: str | None = None) -> GraphQLClient:
            transport = httpx.ASGITransport(app=app, client=(ip or address(), 50000))
            http = await stack.enter_async_context(
                httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test")
            )
            return GraphQLClient(http)

        yield open_device


@dataclass
class Person:
    gql: GraphQLClient
    phone: str
    id: str  # global ID
    name: str | None = None
    id_number: str | None = None


async def sign_in(devices: Devices, settings: Settings, number: str | None = None) -> Person:
    """A citizen signed in by SMS code on a device of their own."""
    gql = await devices()
    number = number or phone()
    sent = (await gql(REQUEST_CODE, {"phone": number}))["requestSmsCode"]
    assert sent["errors"] == [], sent
    done = (await gql(SIGN_IN, {"phone": number, "code": latest_code(settings, number)}))["signInWithSmsCode"]
    assert done["errors"] == [], done
    gql.token = done["tokens"]["token"]
    return Person(gql=gql, phone=number, id=done["citizen"]["id"])


async def verified_person(devices: Devices, settings: Settings, **id_args: str) -> Person:
    person = await sign_in(devices, settings)
    name, number = person_name(), id_number(**id_args)
    done = (await person.gql(VERIFY, {"name": name, "idNumber": number}))["verifyRealName"]
    assert done["errors"] == [], done
    person.name, person.id_number = name, number
    return person


async def citizen_client(gql: GraphQLClient, settings: Settings, person: Citizen) -> GraphQLClient:
    """A client signed in as ``person`` (tokens issued directly, no SMS round)."""
    pair = await tokens.issue(lifetimes=settings.token_lifetimes, citizen=person)
    return GraphQLClient(gql.http, token=pair.access_token)


CREATE_ITEM = """
mutation($i: CreateServiceItemInput!) {
  createServiceItem(input: $i) {
    item { id status versionNumber name implementationCode level }
    version { id number status }
    errors { field message code }
  }
}"""
PUBLISH_ITEM = """
mutation($id: ID!) {
  publishServiceItem(input: {id: $id}) {
    item { id status versionNumber name }
    version { id number status }
    errors { field message code }
  }
}"""
ITEM_SITUATIONS = [
    {
        "name": "首次申请",
        "conditions": "申请人具有完全民事行为能力",
        "materials": [
            {"name": "申请表", "necessity": "REQUIRED", "reviewPoints": "签字齐全"},
            {"name": "场所证明", "necessity": "DEFERRABLE", "form": "COPY"},
        ],
    }
]


def item_content(**over: Any) -> dict[str, Any]:
    """The content of a new catalogue item (createServiceItem's ``content``), with ``over`` replaced."""
    c = {
        "name": "测试用户外广告设置许可",
        "itemType": "LICENSING",
        "legalBasis": "《城市市容和环境卫生管理条例》第十一条",
        "exerciseLevels": ["CITY", "COUNTY"],
        "serviceObjects": ["ENTERPRISE"],
        "statutoryLimit": {"value": 20, "unit": "WORKING_DAY"},
        "committedLimit": {"value": 5, "unit": "WORKING_DAY"},
        "keywords": ["广告牌", "招牌"],
        "situations": ITEM_SITUATIONS,
    }
    c.update(over)
    return c


# --- the worker ------------------------------------------------------------------------------------

CLOSED_PORT_URL = "redis://127.0.0.1:1/5"  # nothing listens there: "Redis is down"


async def run_burst_worker(s: Settings) -> Worker:
    """Runs a burst worker over the notify job until the queue is empty (Worker.close() calls a
    deprecated redis-py close, so the pool is closed here)."""
    from server.worker.jobs import notify

    worker = Worker(
        functions=[func(notify, name="notify", keep_result=0, max_tries=10)],
        redis_settings=RedisSettings.from_dsn(str(s.redis_url)), burst=True, poll_delay=0.05, job_timeout=10,
        ctx={"settings": s}, handle_signals=False,
    )
    try:
        await worker.main()
    finally:
        if worker._pool is not None:
            await worker._pool.aclose()
    return worker
