"""The service menu (versioned, city editors only) and theme search as items are searched."""

from __future__ import annotations

import pytest

from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, menu, service
from server.domain.themes.service import ThemeFilter
from tests.factories import staff

pytestmark = pytest.mark.usefixtures("database")


async def test_publishing_the_menu_replaces_it_and_keeps_history() -> None:
    admin = await staff("city_catalog")
    original = await menu.current_menu()
    assert original is not None
    entries = [dict(e) for e in original.entries]
    try:
        entries[0] = {**entries[0], "title": "企业开办（1个工作日）"}
        newer = await menu.publish_menu(actor=admin, entries=entries[:27], change_note="合并两项")
        assert newer.number == original.number + 1 and len(newer.entries) == 27
        assert (await menu.current_menu()).id == newer.id  # type: ignore[union-attr]
        history = await menu.menu_history()
        assert [m.number for m in history][:2] == [newer.number, original.number]
        assert history[1].status == "superseded" and history[1].entries == original.entries
    finally:  # the seeded menu again, as the seed loader would find it
        await menu.publish_menu(actor=None, entries=original.entries, change_note="恢复", seed_hash=original.seed_hash)


async def test_the_menu_is_checked_all_at_once() -> None:
    admin = await staff("city_catalog")
    with pytest.raises(DomainErrors) as caught:
        await menu.publish_menu(actor=admin, entries=[
            {"key": "a", "title": "甲", "category": "企业服务", "items": ["999999999999"]},
            {"key": "a", "title": "乙", "category": "", "themes": ["no-such-theme"]},
            {"key": "c", "title": "丙", "category": "个人服务"},
        ])
    found = {(e.code, tuple(e.field or [])) for e in caught.value.errors}
    assert found == {
        (errors.UNKNOWN_ITEM, ("entries", "0", "items", "0")),
        (errors.INVALID, ("entries", "1", "key")),
        (errors.INVALID, ("entries", "1", "category")),
        (errors.UNKNOWN_THEME, ("entries", "1", "themes", "0")),
        (errors.INVALID, ("entries", "2")),
    }


async def test_only_city_catalogue_editors_publish_the_menu() -> None:
    for username in ("guanxian_catalog", "city_clerk"):
        with pytest.raises(DomainError) as caught:
            await menu.publish_menu(actor=await staff(username), entries=[])
        assert caught.value.code == errors.NOT_ALLOWED, username


@pytest.mark.parametrize("text", ["餐饮", "开饭店", "kaibancanyindian", "canyin", "kbcyd"])
async def test_themes_are_found_by_chinese_pinyin_and_initials(text: str) -> None:
    found = await service.list_themes(actor=await staff("city_clerk"), flt=ThemeFilter(text=text), offset=0, limit=5)
    assert found and found[0].theme.code == "open-restaurant", [v.name for v in found]


async def test_search_ranks_the_name_first_and_filters() -> None:
    anyone = await staff("city_clerk")
    found = await service.list_themes(actor=anyone, flt=ThemeFilter(text="企业开办"), offset=0, limit=10)
    assert found[0].name == "企业开办"
    people = await service.list_themes(actor=anyone, flt=ThemeFilter(audience="person"), offset=0, limit=100)
    assert people and {v.audience for v in people} == {"person"}
    births = await service.list_themes(actor=anyone, flt=ThemeFilter(life_stage="birth"), offset=0, limit=100)
    assert [v.theme.code for v in births] == ["newborn"]
    assert await service.count_themes(actor=anyone, flt=ThemeFilter(text="%%")) == 0
    assert await service.count_themes(actor=anyone, flt=ThemeFilter(text="zzzzqqq")) == 0
