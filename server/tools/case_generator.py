"""Synthetic cases for demos, statistics and load: realistic, consistent and reproducible.

``generate_cases(count, seed=…)`` writes ``count`` cases over the published catalogue of the city
(items of 聊城市 and below), with the applicants they need (citizens with valid GB 11643 numbers and
unique 13x/15x/18x phones, some enterprises with valid GB 32100 codes), their materials and their
timelines. Its applicants are in the base databases as real residents and enterprises are (most people
in the population base, enterprises in the legal-person base), and a shared-data material is 免提交 only
when the base asked for the case holds the applicant — as the product decides it
(``shareddata.rules.covering_base``), with the pull logged for the case as the product logs it
(``shared_data_pull``: base, masked subject, purpose, caller, fields). What it writes is decided by the seed, the catalogue, the calendar, ``today`` and the rows
already there (identifiers and case numbers never collide with existing ones).

Working time is computed in memory over the working-day calendar, loaded once per region with
:func:`server.domain.calendar.service.calendar_days`; :class:`WorkCalendar` gives the same deadlines
as :func:`server.domain.calendar.service.deadline` (a test compares them) at a fraction of the cost.
Rows are written with ``bulk_create`` in batches of ``batch`` cases; ids are given here (so that
materials and events can point at their case) and PostgreSQL's sequences are moved past them.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from types import SimpleNamespace
from typing import Any

from stdnum.cn import ric, uscc
from tortoise import connections
from tortoise.functions import Max
from tortoise.transactions import in_transaction

from server.domain.accounts.models import Citizen, Enterprise
from server.domain.calendar import service as calendar
from server.domain.cases import clock, daily, evidence
from server.domain.cases.models import Case, CaseCounter, CaseEvent, CaseMaterial
from server.domain.cases.states import Status
from server.domain.catalog.models import Hall, ItemVersion, Material, ServiceItem, Situation
from server.domain.shareddata import rules as shared_rules
from server.domain.shareddata.models import LegalPersonRecord, PopulationRecord, SharedDataPull
from server.domain.shareddata.rules import Base
from server.domain.shareddata.sources import Subject

ZONE = clock.ZONE
CITY_PATH = "/100000/370000/371500/"
QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DAYS_BACK = 180
MAX_COUNT = 2_000_000
PHONE_PREFIXES = [f"13{d}" for d in range(10)] + [f"15{d}" for d in "0123456789"] + [f"18{d}" for d in range(10)]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅新立海文春晓燕晨宇浩然思雨欣怡子轩一鸣佳慧"
COMPANY_WORDS = ["鲁西", "聊城", "水城", "东昌", "运河", "凤凰", "金穗", "鑫源", "华泰", "恒信", "宏达", "瑞丰", "信发", "时风"]
COMPANY_TRADES = ["商贸", "建材", "食品", "农业科技", "物流", "机械制造", "餐饮管理", "电子科技", "纺织", "医药"]
COUNTY_DIVISION_CODES = ["371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"]
# where people live and firms sit: each county-level unit with streets of its own (for base records)
COUNTY_STREETS = {
    "371502": ("东昌府区", ["古楼街道楼北路", "柳园街道柳园南路", "新区街道东昌东路", "湖西街道兴华西路"]),
    "371503": ("茌平区", ["振兴街道新政路", "信发街道文化路"]),
    "371521": ("阳谷县", ["博济桥街道谷山路", "侨润街道运河路"]),
    "371522": ("莘县", ["燕塔街道东顺路", "莘亭街道莘州路"]),
    "371524": ("东阿县", ["铜城街道阿胶街", "新城街道曙光路"]),
    "371525": ("冠县", ["清泉街道振兴路", "崇文街道冠宇路"]),
    "371526": ("高唐县", ["鱼邱湖街道官道街", "人和街道金城路"]),
    "371581": ("临清市", ["新华街道青年路", "大辛庄街道先锋路"]),
}
IN_POPULATION_BASE = 0.93  # residents registered here; the rest (registered elsewhere) supply their papers
IN_FORCE = 0.97  # enterprises still 存续 in the legal-person base; the rest were struck off (吊销)
CHANNELS = [("online", 45), ("window", 40), ("agent", 8), ("province", 7)]
RESULT_METHODS = [("pickup", 50), ("postal", 20), ("electronic", 30)]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


# ---------------------------------------------------------------------------------------------
# working time in memory


class WorkCalendar:
    """Which days are working days for one region over a loaded span (outside it: Monday to Friday),
    with the calendar service's rules for deadlines (start day not counted, natural-day limits
    rolled forward off rest days, 0 = the same day)."""

    def __init__(self, days: list[calendar.DayInfo]) -> None:
        self.kinds = {d.date: d.working for d in days}
        self.first = min(self.kinds) if self.kinds else date.max
        self.last = max(self.kinds) if self.kinds else date.min
        self.working_days = sorted(d for d, w in self.kinds.items() if w)

    def is_working(self, day: date) -> bool:
        known = self.kinds.get(day)
        return known if known is not None else day.weekday() < 5

    def add_working(self, start: date, n: int) -> date:
        if n <= 0:
            return start
        i = bisect.bisect_right(self.working_days, start)
        if self.first <= start and i + n - 1 < len(self.working_days):
            return self.working_days[i + n - 1]
        day, counted = start, 0
        while counted < n:
            day += timedelta(days=1)
            counted += self.is_working(day)
        return day

    def next_working(self, day: date) -> date:
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def previous_working(self, day: date) -> date:
        while not self.is_working(day):
            day -= timedelta(days=1)
        return day

    def deadline(self, start: date, value: int, unit: str) -> date:
        if unit == "working_day":
            return self.add_working(start, value)
        end = start + timedelta(days=value)
        return self.next_working(end) if value > 0 else end

    def warn_on(self, deadline: date, days: int = clock.YELLOW_WORKING_DAYS) -> date:
        """As :func:`server.domain.cases.clock.warn_on`: ``days`` working days before the deadline."""
        if days <= 0:
            return deadline
        found: list[date] = []
        day = deadline
        lowest = deadline - timedelta(days=14 + 3 * days)
        while len(found) < days:
            day -= timedelta(days=1)
            if day < lowest:
                return deadline - timedelta(days=days)
            if self.is_working(day):
                found.append(day)
        return found[-1]

    def between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        if end <= start:
            return 0
        if self.first <= start and end <= self.last:
            return bisect.bisect_right(self.working_days, end) - bisect.bisect_right(self.working_days, start)
        return sum(self.is_working(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


async def load_calendar(region_path: str, first: date, last: date) -> WorkCalendar:
    """The region's calendar from ``first`` to ``last``, read in spans the service accepts."""
    days: list[calendar.DayInfo] = []
    start = first
    while start <= last:
        end = min(last, start + timedelta(days=calendar.MAX_RANGE_DAYS - 1))
        days += await calendar.calendar_days(region=region_path, start=start, end=end)
        start = end + timedelta(days=1)
    return WorkCalendar(days)


# ---------------------------------------------------------------------------------------------
# the catalogue, once


@dataclass(slots=True)
class Offer:
    """A published item of the city with what a case copies from it."""

    item_id: int
    version_id: int
    basic_code: str
    item_name: str
    department_code: str
    region_code: str
    region_path: str
    city_code: str
    county_code: str | None
    hall_code: str | None
    committed_limit: int
    committed_unit: str
    statutory_limit: int
    statutory_unit: str
    instant: bool
    online: bool
    for_people: bool
    for_companies: bool
    review_steps: int
    situations: list[tuple[int, list[dict[str, Any]]]] = field(default_factory=list)


def codes_of(path: str) -> tuple[str, str | None]:
    """(city_code, county_code) from a region path: /100000/370000/371500/371525/… → (371500, 371525)."""
    codes = [c for c in path.split("/") if c]
    city = codes[2] if len(codes) > 2 else codes[-1]
    county = codes[3] if len(codes) > 3 else None
    return city, county


async def load_offers() -> list[Offer]:
    items = await ServiceItem.filter(
        status="active", published_version_id__isnull=False, region_path__startswith=CITY_PATH
    ).order_by("id").values("id", "basic_code", "department_id", "region_id", "region_path", "published_version_id")
    version_ids = [i["published_version_id"] for i in items]
    versions = {
        v["id"]: v for v in await ItemVersion.filter(id__in=version_ids).values(
            "id", "name", "committed_limit", "committed_unit", "statutory_limit", "statutory_unit", "instant",
            "online", "service_objects", "review_steps",
        )
    }
    situations = await Situation.filter(version_id__in=version_ids).order_by("version_id", "position").values(
        "id", "version_id"
    )
    materials: dict[int, list[dict[str, Any]]] = {}
    for m in await Material.filter(situation__version_id__in=version_ids).order_by("situation_id", "position").values(
        "id", "situation_id", "position", "name", "necessity", "elicence", "shared_data"
    ):
        materials.setdefault(m["situation_id"], []).append(m)
    by_version: dict[int, list[tuple[int, list[dict[str, Any]]]]] = {}
    for s in situations:
        by_version.setdefault(s["version_id"], []).append((s["id"], materials.get(s["id"], [])))
    halls: dict[str, str] = {}
    for h in await Hall.all().order_by("code").values("code", "region_id"):
        halls.setdefault(h["region_id"], h["code"])
    offers: list[Offer] = []
    for i in items:
        v = versions.get(i["published_version_id"])
        if v is None:
            continue
        path = i["region_path"]
        city, county = codes_of(path)
        hall = next((halls[c] for c in reversed([c for c in path.split("/") if c]) if c in halls), None)
        objects = set(v["service_objects"] or [])
        people = "natural_person" in objects or not objects
        offers.append(Offer(
            item_id=i["id"], version_id=v["id"], basic_code=i["basic_code"], item_name=v["name"],
            department_code=i["department_id"], region_code=i["region_id"], region_path=path, city_code=city,
            county_code=county, hall_code=hall, committed_limit=v["committed_limit"],
            committed_unit=v["committed_unit"], statutory_limit=v["statutory_limit"],
            statutory_unit=v["statutory_unit"], instant=v["instant"], online=v["online"], for_people=people,
            for_companies=bool(objects - {"natural_person"}), review_steps=max(1, len(v["review_steps"] or [])),
            situations=by_version.get(v["id"], []),
        ))
    return offers


# ---------------------------------------------------------------------------------------------
# identities


def id_number(rng: random.Random) -> str:
    area = rng.choice(COUNTY_DIVISION_CODES)
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    body = f"{area}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects the check place present


def credit_code(rng: random.Random) -> str:
    area = rng.choice(COUNTY_DIVISION_CODES)
    body = "91" + area + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


async def _max_id(model: Any) -> int:
    """The highest id in ``model``'s table (0 when empty)."""
    rows: list[Any] = await model.annotate(m=Max("id")).values_list("m", flat=True)
    return int(rows[0] or 0)


class People:
    """Applicants made for the run: citizens and enterprises, drawn on as cases need them."""

    def __init__(self, rng: random.Random, citizens: int, enterprises: int) -> None:
        self.rng = rng
        self.citizen_target, self.enterprise_target = citizens, enterprises
        self.citizens: list[tuple[int, str, str]] = []  # (id, name, phone)
        self.enterprises: list[tuple[int, str]] = []  # (id, name)
        self.codes: dict[tuple[str, int], str] = {}  # ("citizen"|"enterprise", id) -> ID number or credit code
        # who the base databases hold (asked once, as the local sources read them)
        self.in_population: set[int] = set()  # citizen ids
        self.in_legal_person: set[int] = set()  # enterprise ids (in force: 存续)
        self.known_legal_person: set[int] = set()  # enterprise ids with a record (in force or struck off)

    async def prepare(self, now: datetime) -> None:
        """Creates the applicants in bulk (new phones, ID numbers and codes only)."""
        made = 0
        while made < self.citizen_target:
            chunk = min(5000, self.citizen_target - made)
            rows: dict[str, Citizen] = {}
            ids: set[str] = set()
            while len(rows) < chunk:
                phone = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
                number = id_number(self.rng)
                if phone in rows or number in ids:
                    continue
                ids.add(number)
                rows[phone] = Citizen(
                    phone=phone, name=person_name(self.rng), id_number=number,
                    birth_date=date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
                    sex="M" if int(number[16]) % 2 else "F", verified_at=now,
                )
            taken_phones = set(await Citizen.filter(phone__in=list(rows)).values_list("phone", flat=True))
            taken_ids = set(await Citizen.filter(id_number__in=list(ids)).values_list("id_number", flat=True))
            fresh = [c for c in rows.values() if c.phone not in taken_phones and c.id_number not in taken_ids]
            await Citizen.bulk_create(fresh)
            # the ids the database gave (not max + 1: it never reuses the id of a deleted row)
            given = dict(await Citizen.filter(phone__in=[c.phone for c in fresh]).values_list("phone", "id"))
            self.citizens += [(int(given[c.phone]), c.name or "", c.phone) for c in fresh]
            self.codes.update({("citizen", int(given[c.phone])): c.id_number or "" for c in fresh})
            await self._population(fresh)
            made += len(fresh)
        codes: dict[str, Enterprise] = {}
        while len(codes) < self.enterprise_target:
            code = credit_code(self.rng)
            rep_id, rep_name, _ = self.rng.choice(self.citizens)
            name = f"聊城市{self.rng.choice(COMPANY_WORDS)}{self.rng.choice(COMPANY_TRADES)}有限公司"
            codes[code] = Enterprise(
                credit_code=code, name=name, legal_rep_name=rep_name, legal_rep_id_number=id_number(self.rng),
                legal_rep_id=rep_id, region_id=self.rng.choice(COUNTY_DIVISION_CODES),
            )
        taken = set(await Enterprise.filter(credit_code__in=list(codes)).values_list("credit_code", flat=True))
        fresh_e = [e for e in codes.values() if e.credit_code not in taken]
        for start in range(0, len(fresh_e), 5000):
            chunk_e = fresh_e[start:start + 5000]
            await Enterprise.bulk_create(chunk_e)
            given_e = dict(await Enterprise.filter(credit_code__in=[e.credit_code for e in chunk_e])
                           .values_list("credit_code", "id"))
            self.enterprises += [(int(given_e[e.credit_code]), e.name) for e in chunk_e]
            self.codes.update({("enterprise", int(given_e[e.credit_code])): e.credit_code for e in chunk_e})
            await self._legal_persons(chunk_e)
        await self._ask_bases()

    def _address(self, county: str) -> str:
        name, streets = COUNTY_STREETS.get(county, COUNTY_STREETS["371502"])
        return f"山东省聊城市{name}{self.rng.choice(streets)}{self.rng.randrange(1, 300)} 号"

    async def _population(self, fresh: list[Citizen]) -> None:
        """Most residents are in the population base (人口库); people registered elsewhere are not."""
        numbers = [c.id_number for c in fresh if c.id_number]
        there = set(await PopulationRecord.filter(id_number__in=numbers).values_list("id_number", flat=True))
        rows = []
        for c in fresh:
            if not c.id_number or c.id_number in there or self.rng.random() >= IN_POPULATION_BASE:
                continue
            county = self.rng.choice(COUNTY_DIVISION_CODES)
            rows.append(PopulationRecord(
                id_number=c.id_number, name=c.name or "", gender="男" if c.sex == "M" else "女", birth_date=c.birth_date,
                household_address=self._address(county), household_region_code=county, household_head=c.name or "",
                relation_to_head="户主",
            ))
        for start in range(0, len(rows), 5000):
            await PopulationRecord.bulk_create(rows[start:start + 5000])

    async def _legal_persons(self, fresh: list[Enterprise]) -> None:
        """Every registered enterprise is in the legal-person base (法人库); a few have since been struck off."""
        there = set(await LegalPersonRecord.filter(credit_code__in=[e.credit_code for e in fresh])
                    .values_list("credit_code", flat=True))
        rows = [LegalPersonRecord(
            credit_code=e.credit_code, name=e.name, kind="有限责任公司", legal_representative=e.legal_rep_name,
            legal_rep_id_number=e.legal_rep_id_number, address=self._address(e.region_id or "371502"),
            established_on=date(self.rng.randrange(2005, 2024), self.rng.randrange(1, 13), self.rng.randrange(1, 29)),
            status="存续" if self.rng.random() < IN_FORCE else "吊销", registration_authority="聊城市市场监督管理局",
        ) for e in fresh if e.credit_code not in there]
        await LegalPersonRecord.bulk_create(rows)

    async def _ask_bases(self) -> None:
        """Who the bases hold, read from them as the local sources read them (in force for a legal person)."""
        numbers = {code: i for (kind, i), code in self.codes.items() if kind == "citizen"}
        credit = {code: i for (kind, i), code in self.codes.items() if kind == "enterprise"}
        for start in range(0, len(numbers), 5000):
            chunk = list(numbers)[start:start + 5000]
            found = await PopulationRecord.filter(id_number__in=chunk).values_list("id_number", flat=True)
            self.in_population |= {numbers[str(n)] for n in found}
        for start in range(0, len(credit), 5000):
            chunk = list(credit)[start:start + 5000]
            found = await LegalPersonRecord.filter(credit_code__in=chunk).values_list("credit_code", "status")
            self.known_legal_person |= {credit[str(c)] for c, _ in found}
            self.in_legal_person |= {credit[str(c)] for c, st in found if st in shared_rules.ACTIVE_STATUSES}


# ---------------------------------------------------------------------------------------------
# one case


@dataclass(slots=True)
class Planned:
    case: dict[str, Any]
    materials: list[dict[str, Any]]
    events: list[dict[str, Any]]
    pull: dict[str, Any] | None = None  # the base asked for its shared-data materials (shared_data_pull)


def _at(day: date, rng: random.Random, lo: int = 8 * 60 + 30, hi: int = 17 * 60 + 30) -> datetime:
    minutes = rng.randrange(lo, hi)
    return datetime.combine(day, time(minutes // 60, minutes % 60, rng.randrange(60)), ZONE)


class Planner:
    """Decides one case at a time from the seed: its applicant, channel, outcome and dates."""

    def __init__(self, rng: random.Random, offers: list[Offer], calendars: dict[str, WorkCalendar],
                 people: People, today: date, now: datetime) -> None:
        self.rng, self.offers, self.calendars, self.people = rng, offers, calendars, people
        self.today, self.now = today, now
        # city items are busier than a village's; popular items more than rare ones
        self.weights = [(6 if o.county_code is None else 3 if len(o.region_path.split("/")) <= 6 else 1)
                        * rng.choice((1, 2, 3, 5, 8)) for o in offers]
        self.clerks = [person_name(rng) for _ in range(40)]
        self.reviewers = [person_name(rng) for _ in range(60)]
        self.supervisors = [person_name(rng) for _ in range(12)]

    def plan(self) -> Planned:
        rng = self.rng
        o = rng.choices(self.offers, self.weights)[0]
        cal = self.calendars[o.region_path]
        channel = _pick(rng, CHANNELS)
        if not o.online and channel == "online":
            channel = "window"
        day = self.today - timedelta(days=rng.randrange(DAYS_BACK))
        if channel != "online":
            day = cal.previous_working(day)
        submitted_at = _at(day, rng) if channel != "online" else _at(day, rng, 0, 24 * 60)
        if submitted_at > self.now:
            submitted_at = self.now - timedelta(minutes=rng.randrange(1, 600))
        companies = o.for_companies and (not o.for_people or rng.random() < 0.5) and self.people.enterprises
        if companies:
            ent_id, applicant = rng.choice(self.people.enterprises)
            cit_id, _, phone = rng.choice(self.people.citizens)
            kind, citizen_id, enterprise_id = "enterprise", None, ent_id
        else:
            cit_id, applicant, phone = rng.choice(self.people.citizens)
            kind, citizen_id, enterprise_id = "citizen", cit_id, None
        situation_id, materials = rng.choice(o.situations) if o.situations else (None, [])
        c: dict[str, Any] = dict(
            status=Status.SUBMITTED.value, channel=channel, item_id=o.item_id, version_id=o.version_id,
            situation_id=situation_id, item_name=o.item_name, basic_code=o.basic_code,
            department_code=o.department_code, region_code=o.region_code, city_code=o.city_code,
            county_code=o.county_code, hall_code=o.hall_code, applicant_kind=kind,
            applicant_citizen_id=citizen_id, applicant_enterprise_id=enterprise_id, applicant_name=applicant,
            contact_citizen_id=cit_id,
            contact_phone=phone, submitted_at=submitted_at, committed_limit=o.committed_limit,
            committed_unit=o.committed_unit, query_code="".join(rng.choice(QUERY_ALPHABET) for _ in range(8)),
            created_at=submitted_at, updated_at=submitted_at, form_data={},
        )
        events: list[dict[str, Any]] = []
        clerk = rng.choice(self.clerks)
        citizen_actor = ("citizen", cit_id, applicant if kind == "citizen" else "企业经办人")

        def event(at: datetime, action: str, to: Status, actor: tuple[str, int | None, str], reason: str = "",
                  data: dict[str, Any] | None = None) -> None:
            events.append(dict(at=at, action=action, from_status=c["status"], to_status=to.value, reason=reason,
                               actor_kind=actor[0], actor_id=actor[1], actor_name=actor[2], data=data or {}))
            c["status"] = to.value
            c["updated_at"] = at

        c["status"] = Status.DRAFT.value
        if channel in ("online", "province"):
            actor = citizen_actor if channel == "online" else ("partner", None, "山东省政务服务平台")
            event(submitted_at, "submitted", Status.SUBMITTED, actor)
        else:
            event(submitted_at, "received", Status.SUBMITTED, ("staff", None, clerk))
        # cases at the window, drafts of an instant: the front desk's outcomes
        roll = rng.random()
        if roll < 0.02:
            at = min(self.now, submitted_at + timedelta(hours=rng.randrange(1, 72)))
            event(at, "withdrawn", Status.WITHDRAWN, citizen_actor, "申请人主动撤回")
            c["completed_at"] = at
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        if roll < 0.04 and not o.instant:
            at = min(self.now, submitted_at + timedelta(hours=rng.randrange(1, 6)))
            event(at, "rejection_proposed", Status.REJECTION_PROPOSED, ("staff", None, clerk), "不属于本部门受理范围")
            confirm = at + timedelta(hours=rng.randrange(1, 30))
            if confirm <= self.now:
                event(confirm, "rejection_confirmed", Status.REJECTED, ("staff", None, rng.choice(self.supervisors)),
                      "经大厅负责人确认，不予受理")
                c["decision"], c["decided_at"], c["decision_reason"] = "rejected", confirm, "不属于本部门受理范围"
                c["completed_at"] = confirm
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        correction = roll < 0.07 and not o.instant
        accept_day = submitted_at.date()
        if channel in ("online", "province"):
            accept_day = cal.add_working(accept_day, rng.choice((0, 1, 1, 2)))
        if correction:
            at = max(_at(cal.next_working(accept_day), rng), submitted_at + timedelta(minutes=rng.randrange(10, 90)))
            if at > self.now:
                return self._finish(c, o, self._materials(materials, "provided", c), events)
            c["correction_sent"], c["correction_note"] = True, "请补充提交材料的清晰扫描件"
            c["supply_by"] = cal.add_working(at.date(), clock.CORRECTION_WORKING_DAYS)
            event(at, "correction_requested", Status.CORRECTION_REQUESTED, ("staff", None, clerk), c["correction_note"])
            back = cal.add_working(at.date(), rng.randrange(1, clock.CORRECTION_WORKING_DAYS + 1))
            fixed = _at(back, rng)
            if fixed > self.now:
                return self._finish(c, o, self._materials(materials, "provided", c), events)
            event(fixed, "corrected", Status.SUBMITTED, citizen_actor)
            accept_day = back
        accepted_at = submitted_at + timedelta(minutes=rng.randrange(5, 40)) if o.instant or accept_day == submitted_at.date() \
            else _at(accept_day, rng)
        accepted_at = max(accepted_at, events[-1]["at"] + timedelta(minutes=rng.randrange(5, 60)))
        if accepted_at > self.now:
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        accepted = accepted_at.date()
        c["accepted_at"] = accepted_at
        c["deadline"] = cal.deadline(accepted, o.committed_limit, o.committed_unit)
        c["statutory_deadline"] = cal.deadline(accepted, o.statutory_limit, o.statutory_unit)
        c["warn_on"] = cal.warn_on(c["deadline"])
        if o.instant:
            c["accepted_at"] = submitted_at
            c["deadline"] = cal.deadline(submitted_at.date(), o.committed_limit, o.committed_unit)
            c["statutory_deadline"] = cal.deadline(submitted_at.date(), o.statutory_limit, o.statutory_unit)
            c["warn_on"] = cal.warn_on(c["deadline"])
            system, rule = ("system", None, "系统"), f"{o.basic_code}@v1"
            event(submitted_at, "accepted", Status.ACCEPTED, system, "系统自动受理")
            event(submitted_at, "instant_approved", Status.APPROVED, system, f"秒批规则 {rule}", data={"rule": rule})
            c["instant_rule"] = rule
            c["decision"], c["decided_at"], c["decision_reason"] = "approved", submitted_at, f"符合秒批规则 {rule}"
            c["result_method"] = "electronic"
            event(submitted_at, "completed", Status.COMPLETED, system, "秒批办结")
            c["completed_at"], c["working_days_used"] = submitted_at, 0
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        deferrable = [m for m in materials if m["necessity"] == "deferrable"]
        missing = bool(deferrable) and rng.random() < 0.3
        mat_state = "provided"
        if missing:
            c["supply_by"] = min(c["deadline"], cal.add_working(accepted, min(5, max(1, o.committed_limit))))
            event(accepted_at, "accepted_missing", Status.ACCEPTED, ("staff", None, clerk),
                  data={"missing": [m["name"] for m in deferrable]})
            mat_state = "missing"
        else:
            event(accepted_at, "accepted", Status.ACCEPTED, ("staff", None, clerk))
        # how long it takes: mostly within the committed limit, a few past it, a few stuck
        limit = o.committed_limit
        r = rng.random()
        if r < 0.05:
            used = limit + rng.randrange(1, 8)
        elif r < 0.075:
            used = limit + 400  # stuck: still open long after its deadline (督办)
        else:
            used = round(limit * rng.betavariate(2.2, 2.5)) if limit else 0
        if o.committed_unit == "natural_day":
            done_day = cal.next_working(accepted + timedelta(days=used)) if used else accepted
        else:
            done_day = cal.add_working(accepted, used)
        reviewer = ("staff", None, rng.choice(self.reviewers))
        claim = accepted_at + timedelta(minutes=rng.randrange(10, 300))
        decision_day = max(accepted, cal.previous_working(done_day - timedelta(days=1))) if used > 1 else done_day
        decided_at = max(claim + timedelta(minutes=30), _at(decision_day, rng))
        completed_at = max(decided_at + timedelta(minutes=rng.randrange(20, 240)), _at(done_day, rng))
        if missing:
            supplied = _at(cal.add_working(accepted, rng.randrange(1, 4)), rng)
            if supplied <= min(self.now, decided_at) and supplied.date() <= c["supply_by"]:
                # a step that changes nothing: its status is set in _finish, once the timeline is in order
                events.append(dict(at=supplied, action="supplied", from_status=None, to_status=None,
                                   reason="", actor_kind=citizen_actor[0], actor_id=citizen_actor[1],
                                   actor_name=citizen_actor[2], data={}))
                mat_state = "provided"
        if claim > self.now:
            return self._finish(c, o, self._materials(materials, mat_state, c), events)
        event(claim, "claimed", Status.UNDER_REVIEW, reviewer)
        if rng.random() < 0.03 and decided_at > self.now:
            since = self.now - timedelta(hours=rng.randrange(1, 72))
            if since > claim:
                c["paused_since"], c["resume_status"] = since.date(), Status.UNDER_REVIEW.value
                event(since, "suspended", Status.SUSPENDED, reviewer, "需要现场核查，中止办理")
            return self._finish(c, o, self._materials(materials, mat_state, c), events)
        if decided_at > self.now:
            return self._finish(c, o, self._materials(materials, mat_state, c), events)
        if rng.random() < 0.04:
            event(decided_at, "denied", Status.DENIED, reviewer, "不符合法定条件")
            c["decision"], c["decided_at"], c["decision_reason"] = "denied", decided_at, "不符合法定条件"
            c["completed_at"] = decided_at
            c["working_days_used"] = cal.between(accepted, decided_at.date())
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        event(decided_at, "approved", Status.APPROVED, reviewer, "符合条件，准予许可")
        c["decision"], c["decided_at"] = "approved", decided_at
        issued = decided_at + (completed_at - decided_at) / 2
        if issued > self.now:
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        c["result_method"] = _pick(rng, RESULT_METHODS)
        if c["result_method"] == "postal":
            c["tracking_number"] = f"1{rng.randrange(10**11, 10**12)}"
        event(issued, "result_issued", Status.RESULT_ISSUED, ("staff", None, clerk))
        if completed_at > self.now:
            return self._finish(c, o, self._materials(materials, "provided", c), events)
        event(completed_at, "completed", Status.COMPLETED, ("staff", None, clerk))
        c["completed_at"] = completed_at
        c["working_days_used"] = cal.between(accepted, completed_at.date())
        return self._finish(c, o, self._materials(materials, "provided", c), events)

    def _materials(self, materials: list[dict[str, Any]], state: str, c: dict[str, Any]) -> list[dict[str, Any]]:
        """The case's materials; a shared-data material is 免提交 only when the base asked holds the
        applicant (the pull is kept on ``c["_pull"]`` for the log, as the product logs it)."""
        ent = c["applicant_kind"] == "enterprise"
        held = self._ask(materials, c, ent)
        out = []
        for m in materials:
            s = state if m["necessity"] == "deferrable" else "provided"
            trust: str | None = "C"
            note = ""
            base = shared_rules.covering_base(SimpleNamespace(**m), enterprise=ent)
            if s == "provided" and base is not None:
                # the generated applicants hold no e-licence of what a base proves (居民身份证, 户口簿,
                # 营业执照): the base asked decides, or the applicant supplies it
                if base in held:
                    s, trust, note = "exempt", "A", evidence.covered_note(base, SimpleNamespace(**m))
            elif s == "provided" and m["elicence"]:
                s, trust = "reused", "A"
            if m["necessity"] == "optional" and self.rng.random() < 0.5:
                s, trust, note = "pending", None, ""
            out.append(dict(material_id=m["id"], position=m["position"], name=m["name"], necessity=m["necessity"],
                            state=s, trust=trust if s != "missing" else None, check_note=note,
                            supply_note="申请人承诺在期限内补齐" if s == "missing" else ""))
        return out

    def _ask(self, materials: list[dict[str, Any]], c: dict[str, Any], ent: bool) -> set[Base]:
        """The population or legal-person base asked for what the shared-data materials prove (最小必要),
        as ``evidence.holdings`` asks it: the bases that hold the applicant, and the pull's log row."""
        shared = [SimpleNamespace(**m) for m in materials
                  if shared_rules.covering_base(SimpleNamespace(**m), enterprise=ent) is not None]
        base = Base.LEGAL_PERSON if ent else Base.POPULATION
        wanted = (shared_rules.legal_person_fields if ent else shared_rules.population_fields)(shared, [])
        holder = c["applicant_enterprise_id"] if ent else c["applicant_citizen_id"]
        code = self.people.codes.get(("enterprise" if ent else "citizen", holder), "")
        if not wanted or not code:
            return set()
        # found: the base has a record; it stands in for the material only while in force (a legal person)
        found = holder in (self.people.known_legal_person if ent else self.people.in_population)
        holds = holder in (self.people.in_legal_person if ent else self.people.in_population)
        channel = c["channel"]
        if channel == "online":
            caller, purpose = ("citizen", c["contact_citizen_id"], "申请人本人"), "申请"
        elif channel == "province":
            caller, purpose = ("partner", None, "山东省政务服务平台"), "省平台转来申请"
        else:
            role = "帮办代办员" if channel == "agent" else "综合窗口受理员"
            caller, purpose = ("staff", None, f"{self.rng.choice(self.clerks)}（{role}）"), "窗口代为收件"
        subject = Subject(kind="enterprise" if ent else "person", code=code, name=c["applicant_name"],
                          citizen_id=None if ent else holder, enterprise_id=holder if ent else None)
        c["_pull"] = dict(
            batch=f"{self.rng.getrandbits(128):032x}", base=base.value, mode="local", subject_kind=subject.kind,
            subject_label=subject.label[:160], subject_citizen_id=subject.citizen_id,
            subject_enterprise_id=subject.enterprise_id, purpose=f"{purpose}“{c['item_name']}”：材料免提交核验"[:200],
            region_code=c["region_code"], city_code=c["city_code"], county_code=c["county_code"],
            caller_kind=caller[0], caller_id=caller[1], caller_label=caller[2], fields_asked=list(wanted),
            fields_returned=sorted(wanted) if found else [], filled={}, found=found, error="", at=c["submitted_at"],
        )
        return {base} if holds else set()

    def _finish(self, c: dict[str, Any], o: Offer, materials: list[dict[str, Any]],
                events: list[dict[str, Any]]) -> Planned:
        events.sort(key=lambda e: e["at"])  # stable: steps at the same moment keep their order
        for before, e in pairwise(events):
            if e["to_status"] is None:
                e["from_status"] = e["to_status"] = before["to_status"]
        status = c["status"]
        if c.get("deadline") is not None and status in {s.value for s in (Status.ACCEPTED, Status.UNDER_REVIEW,
                                                                           Status.APPROVED, Status.RESULT_ISSUED)}:
            c["warned_yellow"] = self.today >= c["warn_on"]
            c["warned_red"] = self.today > c["deadline"]
        return Planned(c, materials, events, c.pop("_pull", None))


# ---------------------------------------------------------------------------------------------
# writing


class Numbers:
    """Case numbers per (region, day), continuing the counters already in the database."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, str], int] = {}
        self.existing: dict[tuple[str, str], int] = {}  # counter ids
        self.touched: set[tuple[str, str]] = set()

    async def load(self, first: date) -> None:
        for r in await CaseCounter.filter(day__gte=f"{first:%Y%m%d}").values("id", "region_code", "day", "last_seq"):
            key = (r["region_code"], r["day"])
            self.last[key] = r["last_seq"]
            self.existing[key] = r["id"]

    def next(self, region: str, day: date) -> str:
        key = (region, f"{day:%Y%m%d}")
        seq = self.last.get(key, 0) + 1
        self.last[key] = seq
        self.touched.add(key)
        return f"{region}-{key[1]}-{seq:05d}"

    async def save(self) -> None:
        """Writes the counters touched since the last save (in the batch's transaction: a run that
        stops half-way leaves counters that match the numbers written)."""
        new = [CaseCounter(region_code=k[0], day=k[1], last_seq=self.last[k]) for k in self.touched
               if k not in self.existing]
        old = [k for k in self.touched if k in self.existing]
        if new:
            await CaseCounter.bulk_create(new)
            for row in await CaseCounter.filter(day__in=sorted({k[1] for k in self.touched})).values(
                "id", "region_code", "day"
            ):
                self.existing.setdefault((row["region_code"], row["day"]), row["id"])
        if old:
            conn = connections.get("default")
            mark = "$1" if conn.capabilities.dialect == "postgres" else "?"
            mark2 = "$2" if conn.capabilities.dialect == "postgres" else "?"
            await conn.execute_many(
                f"UPDATE case_counter SET last_seq = {mark} WHERE id = {mark2}",
                [[self.last[k], self.existing[k]] for k in old],
            )
        self.touched.clear()


class _Insert:
    """A plain multi-row INSERT of one model's columns (the ORM's per-object construction is most of
    the cost of bulk_create at this volume); values go through each field's own ``to_db_value``."""

    def __init__(self, model: Any, dialect: str) -> None:
        meta = model._meta
        self.model = model
        self.fields = [(name, column, meta.fields_map[name]) for name, column in meta.fields_db_projection.items()]
        columns = ", ".join(f'"{column}"' for _, column, _ in self.fields)
        marks = ", ".join(f"${i}" if dialect == "postgres" else "?" for i in range(1, len(self.fields) + 1))
        self.sql = f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({marks})'

    def values(self, row: dict[str, Any]) -> list[Any]:
        out = []
        for name, _, f in self.fields:
            if name in row:
                value = row[name]
            else:
                value = f.default() if callable(f.default) else f.default
            out.append(f.to_db_value(value, self.model))
        return out

    async def run(self, conn: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            await conn.execute_many(self.sql, [self.values(r) for r in rows])


async def _next_id(model: Any) -> int:
    return await _max_id(model) + 1


async def _move_sequences() -> None:
    conn = connections.get("default")
    if conn.capabilities.dialect != "postgres":
        return
    for table in ("citizen", "enterprise", "service_case", "case_event", "case_material", "case_counter",
                  "shared_data_pull", "shared_population", "shared_legal_person"):
        await conn.execute_script(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))"
        )


async def generate_cases(
    count: int, *, seed: int = 2019, progress: Callable[[int, int], None] | None = None, batch: int = 2000,
    today: date | None = None,
) -> int:
    """Writes ``count`` synthetic cases (see the module docstring); returns how many were written."""
    if not 0 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 0 and {MAX_COUNT}")
    if count == 0:
        return 0
    # two streams: the applicants (redrawn where an identifier is taken) and the cases, so that the
    # cases of a seed are the same whatever identifiers the database already holds
    rng = random.Random(f"{seed}:cases")
    now = clock.now()
    if today is not None and today != now.date():
        now = datetime.combine(today, time(18, 0), ZONE)
    today = now.date()
    offers = await load_offers()
    if not offers:
        raise RuntimeError("没有已发布的事项：请先运行 python -m server seed")
    first = today - timedelta(days=DAYS_BACK + 7)
    longest = max(max(o.committed_limit, o.statutory_limit) for o in offers)
    last = today + timedelta(days=2 * longest + 120)
    calendars = {path: await load_calendar(path, first, last) for path in sorted({o.region_path for o in offers})}
    people = People(random.Random(f"{seed}:people"), citizens=max(20, count // 3), enterprises=max(5, count // 25))
    await people.prepare(now)
    planner = Planner(rng, offers, calendars, people, today, now)
    numbers = Numbers()
    await numbers.load(first)
    case_id, event_id, material_id = await _next_id(Case), await _next_id(CaseEvent), await _next_id(CaseMaterial)
    dialect = connections.get("default").capabilities.dialect
    inserts = [_Insert(Case, dialect), _Insert(CaseEvent, dialect), _Insert(CaseMaterial, dialect),
               _Insert(SharedDataPull, dialect)]
    pull_id = await _next_id(SharedDataPull)
    done = 0
    if progress:
        progress(0, count)
    while done < count:
        size = min(batch, count - done)
        plans = [planner.plan() for _ in range(size)]
        plans.sort(key=lambda p: p.case["submitted_at"])
        cases, events, materials, pulls = [], [], [], []
        for p in plans:
            c = p.case
            c["id"] = case_id
            if c["status"] != Status.DRAFT.value:
                c["number"] = numbers.next(c["region_code"], c["submitted_at"].date())
            cases.append(c)
            for e in p.events:
                events.append({**e, "id": event_id, "case_id": case_id})
                event_id += 1
            for m in p.materials:
                materials.append({**m, "id": material_id, "case_id": case_id})
                material_id += 1
            if p.pull is not None:
                pulls.append({**p.pull, "id": pull_id, "case_id": case_id, "case_number": c.get("number")})
                pull_id += 1
            case_id += 1
        async with in_transaction() as conn:
            await inserts[0].run(conn, cases)
            await inserts[1].run(conn, events)
            await inserts[2].run(conn, materials)
            await inserts[3].run(conn, pulls)
            await daily.apply(conn, daily.of_rows(cases))  # their daily statistics, as a transition counts them
            await numbers.save()
        done += size
        if progress:
            progress(done, count)
    await _move_sequences()
    return done

