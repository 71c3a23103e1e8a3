"""Filling the local base tables for the demo: the records of ``seeds/demo/shared-data.yaml``
(idempotent: a record is updated to what the file says), and records for the people and
enterprises the demo accounts and demo cases created (:func:`fill_from_accounts`), so that every
demo applicant is in the population or legal-person base, as every real one is."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from server.domain.accounts.identifiers import check_credit_code, parse_id_number
from server.domain.accounts.models import Citizen, Enterprise
from server.domain.catalog.models import Region
from server.domain.catalog.seeding import SeedError
from server.domain.errors import DomainError
from server.domain.shareddata.models import CreditRecord, LegalPersonRecord, PopulationRecord
from server.domain.shareddata.rules import CREDIT_KINDS

BATCH = 2000


class SharedDataSeedError(SeedError):
    """A record of the demo file is wrong (the message says which)."""


def _person(raw: dict[str, Any]) -> dict[str, Any]:
    try:
        number = parse_id_number(str(raw["id_number"]), "id_number").number
    except DomainError as exc:
        raise SharedDataSeedError(f"人口库演示数据：身份证号码 {raw.get('id_number')!r} 无效") from exc
    return {"id_number": number, "name": str(raw["name"]), "gender": str(raw["gender"]),
            "birth_date": raw["birth_date"], "ethnicity": str(raw.get("ethnicity") or "汉族"),
            "household_address": str(raw["household_address"]), "household_region_code": number[:6],
            "household_head": str(raw.get("household_head") or raw["name"]),
            "relation_to_head": str(raw.get("relation_to_head") or "户主")}


def _legal(raw: dict[str, Any]) -> dict[str, Any]:
    try:
        code = check_credit_code(str(raw["credit_code"]), field="credit_code")
    except DomainError as exc:
        raise SharedDataSeedError(f"法人库演示数据：统一社会信用代码 {raw.get('credit_code')!r} 无效") from exc
    return {"credit_code": code, "name": str(raw["name"]), "kind": str(raw.get("kind") or "有限责任公司"),
            "legal_representative": str(raw["legal_representative"]),
            "legal_rep_id_number": str(raw.get("legal_rep_id_number") or ""), "address": str(raw["address"]),
            "registered_capital": raw.get("registered_capital"), "established_on": raw["established_on"],
            "status": str(raw.get("status") or "存续"), "business_scope": str(raw.get("business_scope") or ""),
            "registration_authority": str(raw.get("registration_authority") or "")}


async def load_shared_data(path: Path, say: Callable[[str], None] = print) -> dict[str, int]:
    """The demo records of the population, legal-person and credit bases (idempotent)."""
    import yaml

    data = yaml.safe_load(await asyncio.to_thread(path.read_text, encoding="utf-8")) or {}
    people = [_person(p) for p in data.get("population") or []]
    legal = [_legal(e) for e in data.get("legal_persons") or []]
    for p in people:
        await PopulationRecord.update_or_create(defaults={k: v for k, v in p.items() if k != "id_number"},
                                                id_number=p["id_number"])
    for e in legal:
        await LegalPersonRecord.update_or_create(defaults={k: v for k, v in e.items() if k != "credit_code"},
                                                 credit_code=e["credit_code"])
    credit = 0
    for c in data.get("credit") or []:
        if c.get("kind") not in CREDIT_KINDS or c.get("subject_kind") not in ("person", "enterprise"):
            raise SharedDataSeedError(f"信用库演示数据：类型 {c.get('kind')!r} 或主体类型 {c.get('subject_kind')!r} 无效")
        await CreditRecord.update_or_create(
            defaults={"subject_name": str(c.get("subject_name") or ""), "detail": str(c.get("detail") or ""),
                      "authority": str(c.get("authority") or ""), "valid_until": c.get("valid_until")},
            subject_kind=c["subject_kind"], subject_code=str(c["subject_code"]), kind=c["kind"],
            valid_from=c["valid_from"])
        credit += 1
    say(f"基础库演示数据：人口库 {len(people)} 人，法人库 {len(legal)} 家，信用库 {credit} 条")
    return {"population": len(people), "legal_persons": len(legal), "credit": credit}


def _digest(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


async def fill_from_accounts(say: Callable[[str], None] = print) -> dict[str, int]:
    """Population records for the platform's citizens with an ID number and legal-person records
    for its enterprises, where the base has none yet (what their accounts say, the rest derived
    deterministically from their identifiers): the demo's applicants are all in the bases."""
    regions = dict(await Region.all().values_list("code", "name"))
    known: set[str] = {str(n) for n in await PopulationRecord.all().values_list("id_number", flat=True)}
    people: list[PopulationRecord] = []
    for number, name in await Citizen.filter(id_number__not_isnull=True, name__not_isnull=True).values_list(
            "id_number", "name"):
        if number in known:
            continue
        try:
            rid = parse_id_number(str(number), "id_number")
        except DomainError:  # an account with a malformed number gets no record
            continue
        known.add(rid.number)
        place = regions.get(rid.number[:6], "聊城市")
        n = _digest(rid.number)
        people.append(PopulationRecord(
            id_number=rid.number, name=str(name), gender="男" if rid.sex == "M" else "女", birth_date=rid.birth_date,
            ethnicity="回族" if n % 40 == 0 else "汉族", household_address=f"山东省聊城市{place}{['振兴路', '建设路', '人民路', '光明街'][n % 4]} {n % 200 + 1} 号",
            household_region_code=rid.number[:6], household_head=str(name), relation_to_head="户主"))
    for start in range(0, len(people), BATCH):
        await PopulationRecord.bulk_create(people[start:start + BATCH])
    have: set[str] = {str(c) for c in await LegalPersonRecord.all().values_list("credit_code", flat=True)}
    entities: list[LegalPersonRecord] = []
    for e in await Enterprise.all().only("credit_code", "name", "legal_rep_name", "legal_rep_id_number", "region_id"):
        if e.credit_code in have:
            continue
        have.add(e.credit_code)
        n = _digest(e.credit_code)
        place = regions.get(e.region_id or "", "聊城市")
        entities.append(LegalPersonRecord(
            credit_code=e.credit_code, name=e.name, kind="有限责任公司", legal_representative=e.legal_rep_name,
            legal_rep_id_number=e.legal_rep_id_number, address=f"山东省聊城市{place}{['东昌路', '兴华路', '柳园路'][n % 3]} {n % 300 + 1} 号",
            registered_capital=[50, 100, 200, 500][n % 4], established_on=date(2015, 1, 1) + timedelta(days=n % 3000),
            status="存续", business_scope="日用百货销售；信息咨询服务", registration_authority=f"{place}行政审批服务局"))
    for start in range(0, len(entities), BATCH):
        await LegalPersonRecord.bulk_create(entities[start:start + BATCH])
    if people or entities:
        say(f"基础库：为已有账号补齐人口库 {len(people)} 人、法人库 {len(entities)} 家")
    return {"population": len(people), "legal_persons": len(entities)}
