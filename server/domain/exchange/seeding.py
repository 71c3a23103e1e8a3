"""The demo partners (``seeds/demo/partners.yaml``, loaded by ``python -m server seed --demo``): each
with a signing key (the exchange) and an API key (the graph, scoped by its partner code), shown once
in a table when they are made; a partner already there keeps its keys. Their address is the partner
simulator's (:mod:`server.tools.partner_simulator`): ``{LIAOYI_DEMO_PARTNERS_URL}/{code}``.

Not part of :func:`server.__main__.seed_all` (the tests' seeding): a partner routes real items (bank
accounts, seals, utilities) away from the departments' queues, which only the demo wants."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.domain.accounts import apikeys
from server.domain.accounts.models import ApiKey
from server.domain.catalog.models import Region, ServiceItem
from server.domain.catalog.seeding import SeedError
from server.domain.exchange.models import Partner, PartnerKind
from server.domain.exchange.partners import BASIC_CODE, CODE, _new_key

DEFAULT_URL = "http://127.0.0.1:8700"
# the API key kinds (server.domain.accounts.apikeys.KINDS): a seal carver reads as a utility does,
# by its partner code
API_KEY_KIND = {PartnerKind.BANK: "bank", PartnerKind.UTILITY: "utility", PartnerKind.SEAL_CARVER: "utility"}


class PartnerSeedError(SeedError):
    """A partner of the demo file is wrong (the message says which)."""


@dataclass(frozen=True, slots=True)
class Made:
    code: str
    name: str
    api_key: str  # "" when the partner kept its key
    secret: str  # "" when the partner kept its key


def base_url() -> str:
    return (os.environ.get("LIAOYI_DEMO_PARTNERS_URL") or DEFAULT_URL).rstrip("/")


async def _checked(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    region = str(data.get("region") or "")
    if not await Region.exists(code=region):
        raise PartnerSeedError(f"演示合作单位：区划 {region!r} 不存在")
    rows = list(data.get("partners") or [])
    for raw in rows:
        code = str(raw.get("code") or "")
        if not CODE.match(code):
            raise PartnerSeedError(f"演示合作单位：代码 {code!r} 无效")
        if raw.get("kind") not in API_KEY_KIND:
            raise PartnerSeedError(f"演示合作单位 {code}：类型 {raw.get('kind')!r} 不是银行、公章刻制或公用事业")
        for route in raw.get("routes") or []:
            if not BASIC_CODE.match(str(route)) or not await ServiceItem.exists(basic_code=str(route)):
                raise PartnerSeedError(f"演示合作单位 {code}：事项基本编码 {route!r} 不在事项目录中")
    return region, rows


async def load_demo_partners(path: Path, say: Callable[[str], None]) -> list[Made]:
    """Create the file's partners that are not there yet, each with its two keys; print a table."""
    import yaml

    data = yaml.safe_load(await asyncio.to_thread(path.read_text, encoding="utf-8"))
    region, rows = await _checked(data)
    url = base_url()
    out: list[Made] = []
    for raw in rows:
        code = str(raw["code"])
        kind = PartnerKind(raw["kind"])
        p = await Partner.get_or_none(code=code)
        if p is None:
            key, secret = _new_key(1)
            p = await Partner.create(code=code, name=str(raw["name"]), kind=kind.value, region_code=region,
                                     base_url=f"{url}/{code}", keys=[key],
                                     routes=[str(r) for r in raw.get("routes") or []],
                                     max_attempts=max(1, min(20, int(raw.get("max_attempts") or 8))))
        else:
            secret = ""
        api_key = ""
        if not await ApiKey.exists(partner_code=code, revoked_at=None):
            api_key = (await apikeys.issue(name=p.name, kind=API_KEY_KIND[kind], partner_code=code)).full_key
        out.append(Made(code=code, name=p.name, api_key=api_key, secret=secret))
    say(table(out))
    return out


def _width(text: str) -> int:
    return sum(2 if re.match(r"[\u2e80-\uffef]", ch) else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table(made: list[Made]) -> str:
    """The partners and their keys, once: a key kept is not shown again."""
    kept = "已存在，保留原密钥"
    rows = [("代码", "名称", "API 密钥", "签名密钥")] + [
        (m.code, m.name, m.api_key or kept, m.secret or kept) for m in made]
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    new = sum(1 for m in made if m.secret or m.api_key)
    lines = [f"演示合作单位 {len(made)} 家（新建 {sum(1 for m in made if m.secret)}），"
             f"接收地址 {base_url()}/<代码>（python -m server simulate-partners）"
             + ("；新密钥只显示这一次，请记下：" if new else "：")]
    lines += ["  " + "  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines)
