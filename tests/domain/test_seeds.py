"""The seeded catalogue is what the foundation issue promises, and seeding is idempotent."""

from __future__ import annotations

from pathlib import Path

from tortoise.functions import Count

from server.__main__ import SEEDS, seed_all
from server.domain.catalog.models import Department, ItemVersion, Material, Region, ServiceItem, Situation


async def test_catalogue_size_and_shape(database: str) -> None:
    items = await ServiceItem.filter(status="active").count()
    assert items >= 150
    basic_codes = await ServiceItem.all().distinct().values_list("basic_code", flat=True)
    assert len(set(basic_codes)) >= 150
    used = await ServiceItem.all().distinct().values_list("department_id", flat=True)
    assert len(set(used)) >= 15
    assert set(await ServiceItem.all().distinct().values_list("level", flat=True)) == {"01", "02", "03", "04", "05", "06"}
    assert await ItemVersion.filter(is_current=True, high_frequency=True).count() >= 30
    # every published version has situations, every situation materials
    no_sit = await ItemVersion.filter(status="published").annotate(n=Count("situations")).filter(n=0).count()
    assert no_sit == 0
    no_mat = await Situation.filter(version__status="published").annotate(n=Count("materials")).filter(n=0).count()
    assert no_mat == 0
    assert await Material.filter(necessity="deferrable").count() > 50
    # the regions the issue names
    for code in ("371500", "371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581",
                 "371571", "371572", "371573", "371523"):
        assert await Region.exists(code=code), code
    assert await Region.filter(level="05").count() >= 8
    assert await Department.filter(region_id="371500").count() >= 25
    # the reform's key flows are in the catalogue
    for word in ("设立登记", "公章", "不动产", "施工许可", "竣工", "社会保障卡", "公积金"):
        assert await ItemVersion.filter(is_current=True, name__contains=word).exists(), word


async def test_seeding_twice_changes_nothing(database: str) -> None:
    await seed_all(demo=True, say=lambda _m: None)  # the seeds, whatever earlier tests published
    before = await ItemVersion.all().count()
    figures = await seed_all(demo=True, say=lambda _m: None)
    assert figures["created"] == 0 and figures["updated"] == 0 and figures["unchanged"] == figures["items"]
    assert await ItemVersion.all().count() == before


async def test_changed_seed_is_published_as_a_new_version(database: str, tmp_path: Path) -> None:
    # a copy of the seeds with one item's committed limit changed
    import shutil

    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    path = copy / "items" / "people.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "keywords:"
    first = text.index(marker)
    path.write_text(text[:first] + "keywords: [种子更新测试]\n    old_keywords:" + text[first + len(marker):],
                    encoding="utf-8")
    figures = await seed_all(demo=False, seeds=copy, say=lambda _m: None)
    assert figures["updated"] == 1
    changed = await ItemVersion.filter(is_current=True, s_kw__contains="种子更新测试").select_related("item").get()
    assert changed.number == 2 and changed.change_note == "种子数据更新"
    assert await ItemVersion.filter(item_id=changed.item.id, status="superseded").count() == 1
    # the real seeds again, so that the tests after this one read the catalogue they expect
    assert (await seed_all(demo=False, say=lambda _m: None))["updated"] == 1
