"""Shared set-up for case tests: people, enterprises, uploads and staff actors over the real seeds."""

from __future__ import annotations

import hashlib
import random
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

from stdnum.cn import ric, uscc

from server.domain.accounts.models import Citizen, Enterprise, StaffUser
from server.domain.accounts.roles import Actor
from server.domain.accounts.tokens import citizen_actor, staff_actor
from server.domain.cases.models import Upload
from server.domain.catalog.models import ItemVersion, Material, Region, ServiceItem, Situation

_rng = random.Random()


def id_number(region: str = "371525") -> str:
    birth = date(1960, 1, 1) + timedelta(days=_rng.randrange(15_000))
    body = f"{region}{birth:%Y%m%d}{_rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # the function expects the check place present


def credit_code() -> str:
    body = "91371500" + "".join(_rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def phone() -> str:
    return "13" + f"{_rng.randrange(10**9):09d}"


async def citizen(*, verified: bool = True, dishonest: bool = False, name: str = "张晓明") -> Citizen:
    return await Citizen.create(
        phone=phone(), name=name, id_number=id_number(), dishonest=dishonest,
        verified_at=datetime.now(timezone.utc) if verified else None,
    )


async def enterprise(rep: Citizen, *, dishonest: bool = False) -> Enterprise:
    return await Enterprise.create(
        credit_code=credit_code(), name=f"聊城市测试商贸有限公司{_rng.randrange(10**6)}", legal_rep_name=rep.name or "",
        legal_rep_id_number=rep.id_number or "", legal_rep=rep, region_id="371500", dishonest=dishonest,
    )


def as_citizen(c: Citizen) -> Actor:
    return citizen_actor(c)


async def staff(username: str) -> Actor:
    user = await StaffUser.get(username=username)
    region = await Region.get(code=user.region_id)  # type: ignore[attr-defined]
    return staff_actor(user, region.path)


async def upload(owner: Actor, name: str = "材料.pdf") -> int:
    data = b"%PDF-1.4 " + uuid.uuid4().bytes
    row = await Upload.create(
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type="application/pdf", filename=name,
        storage_key=f"test/{uuid.uuid4().hex}", owner_citizen_id=owner.citizen_id, owner_staff_id=owner.user_id,
    )
    return row.id


async def item(name: str, region: str = "371500") -> tuple[ServiceItem, ItemVersion]:
    it = await ServiceItem.filter(
        region_id=region, status="active", versions__name=name, versions__status="published"
    ).distinct().get()
    return it, await ItemVersion.get(id=it.published_version_id)


async def situation(version: ItemVersion, name: str) -> tuple[Situation, list[Material]]:
    s = await Situation.get(version_id=version.id, name=name)
    return s, list(await Material.filter(situation_id=s.id).order_by("position"))


def key() -> str:
    return uuid.uuid4().hex


async def uploads_for(owner: Actor, materials: list[Material], *, skip: set[str] = frozenset()) -> list[Any]:
    """Uploads for the required materials that nothing else satisfies (not e-licence/shared data)."""
    from server.domain.cases.apply import MaterialInput

    out = []
    for m in materials:
        if m.necessity == "required" and not m.shared_data and not m.elicence and m.name not in skip:
            out.append(MaterialInput(m.id, await upload(owner, m.name)))
    return out
