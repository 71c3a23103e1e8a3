"""Grow the catalogue to a province's size, for measuring 聊易找 (tests/benchmarks/search.py).

``grow_catalogue(target)`` adds published implementations until the catalogue holds ``target``
current items: about a third are new basic items with names of their own (composed from the
objects and acts of a real provincial catalogue: 林木采伐许可证核发, 特种设备使用登记 …, with keywords
and guide text), the rest are the seeded items implemented again by a generated service office
(``<region>-SEARCHGEN``) in each county, town and community, as a province's catalogue repeats the
same basic items in every place. Generated items carry the searchable content (name, keywords,
common names, guide, objects) but no situations or materials: they exist to be searched, not
applied for. Rows are written with ``bulk_create`` in batches; ``say`` reports progress.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from tortoise import connections

from server import clock
from server.domain.catalog.content import ItemContent, version_row
from server.domain.catalog.finder import INDEX
from server.domain.catalog.models import Department, ItemVersion, Region, ServiceItem

OBJECTS = (
    "林木", "燃气", "渔业船舶", "文物", "广播电视", "特种设备", "档案", "气象", "测绘", "地名", "草原", "水库", "矿产",
    "港口", "煤矿", "电力设施", "民用爆炸物品", "放射性同位素", "校车", "电梯", "锅炉", "食盐", "粮食收购", "种畜禽",
    "水产苗种", "医疗广告", "母婴保健", "消毒产品", "生活饮用水", "职业卫生", "古树名木", "城市绿地", "地下管线",
    "公共停车场", "出租汽车", "客运站", "驾驶培训", "机动车检测", "船舶", "航道", "水路运输", "成品油", "酒类",
    "拍卖", "典当", "融资担保", "小额贷款公司", "保安服务", "印刷", "出版物", "电影放映", "演出经纪", "艺术品",
    "宗教活动场所", "殡葬设施", "养老机构", "托育机构", "儿童福利", "慈善信托", "彩票", "体育赛事", "高危体育项目",
    "户外招牌", "建筑起重机械", "预拌混凝土", "房地产开发", "物业服务", "住房租赁", "白蚁防治", "人防工程",
    "防雷装置", "气球施放", "无线电台", "互联网信息服务", "网络文化", "数据中心", "信息系统", "地震安全性评价",
    "危险废物", "医疗废物", "机动车排放", "噪声", "辐射安全", "水土保持", "河道采砂", "取土", "占用林地", "野生动物",
    "野生植物", "农作物品种", "肥料", "饲料", "兽医", "植物检疫", "农机", "拖拉机", "渔业捕捞", "水域滩涂养殖",
)  # fmt: skip
ACTS = (
    ("经营许可", "行政许可"), ("生产许可", "行政许可"), ("使用登记", "行政确认"), ("备案", "其他行政权力"),
    ("设立审批", "行政许可"), ("变更登记", "行政确认"), ("注销登记", "行政确认"), ("许可证核发", "行政许可"),
    ("资格认定", "行政确认"), ("许可证延续", "行政许可"), ("补证", "公共服务"), ("年度报告", "公共服务"),
    ("信息查询", "公共服务"), ("补贴申领", "行政给付"), ("奖励申报", "行政奖励"),
)  # fmt: skip
GEN_SUFFIX = "SEARCHGEN"


def _synthetic(rng: random.Random, n: int) -> list[tuple[str, ItemContent]]:
    """``n`` basic items of names of their own (basic codes 9xxxxxxxxxxx, apart from the seeded ones)."""
    out: list[tuple[str, ItemContent]] = []
    pairs = [(o, a) for o in OBJECTS for a in ACTS]
    rng.shuffle(pairs)
    for i, (obj, (act, kind)) in enumerate(pairs[:n]):
        name = f"{obj}{act}"
        person = rng.random() < 0.3
        content = ItemContent(
            name=name, item_type={"行政许可": "licensing", "行政确认": "confirmation", "公共服务": "public_service",
                                  "行政给付": "payment", "行政奖励": "reward"}.get(kind, "other_power"),
            statutory_limit=20, statutory_unit="working_day", committed_limit=5, committed_unit="working_day",
            service_objects=["natural_person"] if person else ["enterprise", "unincorporated"],
            keywords=[f"{obj}{w}" for w in ("许可", "办理", "申请")][: rng.randint(1, 3)] + [act],
            aliases=[f"办{obj}{act[:2]}"] if rng.random() < 0.3 else [],
            acceptance_conditions=f"申请{name}的，应当具备相应条件，提交{obj}有关证明材料，经审查符合规定的予以办理。",
            guide={"process": ["网上或窗口提交申请", "受理审查", f"作出{act}决定", "送达结果"]},
            online=True,
        )  # fmt: skip
        out.append((f"9{i:011d}", content))
    return out


async def _seeded_contents() -> list[tuple[str, ItemContent]]:
    """The searchable content of each seeded basic item (its first active implementation)."""
    seen: dict[str, ItemContent] = {}
    rows = await ItemVersion.filter(is_current=True, item__status="active").order_by("item_id").values(
        "name", "item_type", "service_objects", "keywords", "aliases", "acceptance_conditions", "guide",
        "statutory_limit", "statutory_unit", "committed_limit", "committed_unit", "online", "instant",
        "high_frequency", "item__basic_code",
    )
    for r in rows:
        code = r.pop("item__basic_code")
        if code not in seen and not code.startswith("9"):
            seen[code] = ItemContent(**r)
    return sorted(seen.items())


async def _offices(say: Callable[[str], None]) -> list[tuple[Department, Region]]:
    regions = await Region.filter(level__in=["03", "04", "05", "06"]).order_by("code")
    have = {d.code: d for d in await Department.filter(code__endswith=f"-{GEN_SUFFIX}")}
    out: list[tuple[Department, Region]] = []
    for r in regions:
        code = f"{r.code}-{GEN_SUFFIX}"
        dept = have.get(code) or await Department.create(
            code=code, name=f"{r.name}便民服务中心（生成）", short_name=f"{r.name[:6]}便民", kind="service_center", region=r,
        )
        out.append((dept, r))
    say(f"  {len(out)} generated service offices")
    return out


async def grow_catalogue(target: int, *, seed: int = 17, batch: int = 500, say: Callable[[str], None] = print) -> int:
    """Add published implementations until ``target`` current items exist; returns how many were added."""
    rng = random.Random(seed)
    have = await ServiceItem.all().count()
    if have >= target:
        say(f"  the catalogue holds {have} items already")
        return 0
    offices = await _offices(say)
    seeded = await _seeded_contents()
    need = target - have
    synthetic = _synthetic(rng, min(len(OBJECTS) * len(ACTS), need // 3))
    existing = set(await ServiceItem.all().values_list("implementation_code", flat=True))
    plan: list[tuple[str, ItemContent, Department, Region]] = []
    for i, (code, content) in enumerate(synthetic):  # each new basic item in one to three places
        for k in range(1 + i % 3):
            dept, region = offices[(i * 7 + k * 13) % len(offices)]
            plan.append((code, content, dept, region))
    for k in range(len(offices)):
        for code, content in seeded:
            dept, region = offices[(k + hash(code) % len(offices)) % len(offices)]
            plan.append((code, content, dept, region))
    plan = [p for p in plan if f"{p[2].code}-{p[0]}" not in existing]
    seen: set[str] = set()
    unique = []
    for p in plan:
        key = f"{p[2].code}-{p[0]}"
        if key not in seen:
            seen.add(key)
            unique.append(p)
    plan = unique[:need]
    now = clock.utcnow()
    added = 0
    for start in range(0, len(plan), batch):
        chunk = plan[start : start + batch]
        items = [
            ServiceItem(
                basic_code=code, implementation_code=f"{dept.code}-{code}", department_id=dept.code,
                region_id=region.code, region_path=region.path, level=region.level, status="active",
                status_changed_at=now,
            )  # fmt: skip
            for code, _, dept, region in chunk
        ]
        await ServiceItem.bulk_create(items)
        ids = dict(
            await ServiceItem.filter(implementation_code__in=[i.implementation_code for i in items]).values_list(
                "implementation_code", "id"
            )
        )
        versions: list[ItemVersion] = []
        for (_, content, _, _), item in zip(chunk, items, strict=True):
            row: dict[str, Any] = version_row(content)
            versions.append(ItemVersion(
                item_id=ids[item.implementation_code], number=1, status="published", is_current=True,
                change_kind="add", published_at=now, **row,
            ))  # fmt: skip
        await ItemVersion.bulk_create(versions)
        await connections.get("default").execute_query(
            "UPDATE service_item SET published_version_id = (SELECT v.id FROM item_version v"
            " WHERE v.item_id = service_item.id AND v.is_current) WHERE published_version_id IS NULL"
        )
        added += len(chunk)
        say(f"  {have + added} / {target} items")
    INDEX.invalidate()
    return added
