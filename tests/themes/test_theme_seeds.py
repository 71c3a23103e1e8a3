"""The seeded themes, menu and standard materials: what issue 12 asks for, all valid, idempotent."""

from __future__ import annotations

from collections import Counter
from typing import Any

from server.__main__ import seed_all
from server.domain.catalog.models import Department, Material, StandardMaterial
from server.domain.themes import menu, rules
from server.domain.themes.content import answer_paths, content_of, describe_answers
from server.domain.themes.models import Theme, ThemeVersion
from server.domain.themes.resolve import build, load_catalogue


async def _current() -> list[ThemeVersion]:
    return list(await ThemeVersion.filter(is_current=True, theme__status="active").select_related("theme"))


async def test_at_least_twenty_themes_each_for_enterprises_and_people(database: str) -> None:
    seeded = [v for v in await _current() if not v.theme.code.startswith("test-")]
    by_audience = Counter(v.audience for v in seeded)
    assert by_audience["enterprise"] >= 20 and by_audience["person"] >= 20, by_audience
    names = {v.name for v in seeded}
    for name in ("企业开办", "新生儿出生", "教育入学", "企业信息变更", "开办运输企业", "开办餐饮店", "水电气网联合报装",
                 "二手房转移登记及水电气网联动过户", "企业注销登记", "退休", "残疾人服务", "社会保障卡居民服务",
                 "信用修复", "员工录用", "工程建设项目审批", "开办药店", "开办便利店", "新建商品房转移登记",
                 "公民身后一件事", "就医费用报销", "灵活就业", "军人退役", "个体工商户开业", "企业破产信息核查"):
        assert name in names, name
    # every life-cycle stage of enterprises, and most of people's, have a theme
    stages = {(v.audience, v.life_stage) for v in seeded}
    assert all(("enterprise", s) in stages for s in rules.LIFE_STAGES["enterprise"])
    assert sum(1 for s in rules.LIFE_STAGES["person"] if ("person", s) in stages) >= 9


async def test_no_placeholder_themes(database: str) -> None:
    departments = set(await Department.all().values_list("code", flat=True))
    for v in await _current():
        if v.theme.code.startswith("test-"):
            continue
        assert v.guide["summary"] and v.guide["process"] and v.guide["faq"] and v.guide["basis"], v.name
        assert v.lead_department_code in departments, v.name
        assert set(v.cooperating_department_codes) <= departments, v.name
        assert v.budget_value > 0 and v.keywords, v.name
        assert sum(len(s["items"]) for s in v.stages) >= 2, v.name


async def test_the_budgets_and_stages_the_reform_sets(database: str) -> None:
    by_code = {v.theme.code: v for v in await _current()}
    startup = by_code["enterprise-startup"]
    assert (startup.budget_value, startup.budget_unit) in {(1, "working_day"), (8, "working_hour")}
    construction = by_code["construction-approval"]
    assert (construction.budget_value, construction.budget_unit) == (100, "working_day")
    assert [s["name"] for s in construction.stages] == ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]
    assert all(s["lead_department"] for s in construction.stages)


async def test_every_answer_path_of_every_seeded_theme_gives_a_bundle(database: str) -> None:
    versions = await _current()
    catalogue = await load_catalogue(ref for v in versions for _, _, ref in content_of(v).items())
    paths = 0
    for v in versions:
        content = content_of(v)
        for answers in answer_paths(content.questions):
            paths += 1
            bundle = build(content, answers, catalogue, v)
            where = f"{v.name}：{describe_answers(content.questions, answers)}"
            assert bundle.items, where
            assert bundle.problems == [], (where, [p.message for p in bundle.problems])
            # a bundle never asks more than its items one by one
            assert bundle.counts.materials <= bundle.counts.materials_separately, where
            assert bundle.counts.fields <= bundle.counts.fields_separately, where
    assert paths >= 200


async def test_the_menu_has_its_28_entries_pointing_to_what_exists(database: str) -> None:
    current = await menu.current_menu()
    assert current is not None and len(current.entries) == 28
    codes = {c for e in current.entries for c in e["themes"]}
    assert codes and codes <= set(await Theme.filter(status="active").values_list("code", flat=True))
    basic = [c for e in current.entries for c in e["items"]]
    assert set(await menu.menu_items(basic)) == set(basic)
    assert len({e["key"] for e in current.entries}) == 28


async def test_standard_materials_are_seeded_and_tag_the_catalogue(database: str) -> None:
    standards = {s.code: s for s in await StandardMaterial.all()}
    for code in ("SFZ", "YYZZ", "BDCQZ", "SQB", "HKB", "JHZ", "CSZM", "ZFHT"):
        assert code in standards, code
    assert standards["SQB"].generated and not standards["SFZ"].generated
    codes: list[Any] = await Material.exclude(standard_code=None).values_list("standard_code", flat=True)
    tagged = Counter(codes)
    assert tagged["SQB"] >= 100 and tagged["SFZ"] >= 100 and tagged["YYZZ"] >= 80
    assert set(tagged) <= set(standards)
    # application forms are forms, reports are not; another person's ID card is not the applicant's
    names = dict(await Material.exclude(standard_code=None).values_list("name", "standard_code"))
    assert names["公司登记（备案）申请书"] == "SQB" and names["不动产登记申请书"] == "SQB"
    assert "建设项目环境影响报告表（全本）" not in names and "受伤害职工居民身份证" not in names
    assert names["买卖双方身份证明（居民身份证）"] == "SFZ" and names["存量房买卖合同（网签备案）"] == "ZFHT"


async def test_seeding_again_changes_no_theme_and_no_menu(database: str) -> None:
    versions = await ThemeVersion.all().count()
    menus = await menu.menu_history(limit=100)
    figures = await seed_all(demo=False, say=lambda _m: None)
    assert figures["themes_created"] == 0 and figures["themes_updated"] == 0
    assert figures["themes_unchanged"] == figures["themes"] >= 40
    assert figures["menu_published"] == 0
    assert await ThemeVersion.all().count() == versions
    assert len(await menu.menu_history(limit=100)) == len(menus)
