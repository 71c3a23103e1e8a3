"""Themes are versioned like items: drafts, publishing, immutable published versions, status."""

from __future__ import annotations

import asyncio

import pytest

from server.domain.errors import DomainError
from server.domain.themes import errors, service
from server.domain.themes.models import Theme, ThemeVersion
from server.domain.themes.resolve import resolve
from tests.factories import staff
from tests.themes.helpers import content, new_code

pytestmark = pytest.mark.usefixtures("database")


async def test_draft_publish_edit_publish_keeps_history_and_pins() -> None:
    admin = await staff("city_catalog")
    code = new_code()
    draft = await service.create_draft(actor=admin, code=code, content=content())
    assert (draft.number, draft.status, draft.is_current, draft.theme.status) == (1, "draft", True, "draft")
    assert await service.published_version(code=code) is None  # never published
    # only editors of the region read a draft
    assert await service.theme_by_code(actor=await staff("city_clerk"), code=code) is None
    assert (await service.theme_by_code(actor=admin, code=code)) is not None

    v1 = await service.publish(actor=admin, theme_id=draft.theme_id)
    assert (v1.id, v1.status, v1.theme.status) == (draft.id, "published", "active")
    assert (await service.published_version(code=code)).id == v1.id  # type: ignore[union-attr]

    edited = await service.update_draft(actor=admin, theme_id=v1.theme_id, changes={"name": "失业保障（第二版）"},
                                        change_note="改名")
    assert (edited.number, edited.status, edited.is_current) == (2, "draft", False)
    again = await service.update_draft(actor=admin, theme_id=v1.theme_id, changes={"max_visits": 1})
    assert again.id == edited.id and again.name == "失业保障（第二版）"  # the same draft, edited again
    # the published version is untouched until the draft is published
    pinned = await ThemeVersion.get(id=v1.id)
    assert pinned.name == "失业登记与失业金测试" and pinned.status == "published" and pinned.is_current
    assert (await service.theme_by_code(actor=admin, code=code)).id == v1.id  # type: ignore[union-attr]

    v2 = await service.publish(actor=admin, theme_id=v1.theme_id)
    assert (v2.number, v2.status, v2.is_current, v2.max_visits) == (2, "published", True, 1)
    old = await ThemeVersion.get(id=v1.id)
    assert (old.status, old.is_current, old.name) == ("superseded", False, "失业登记与失业金测试")
    history = (await service.versions_of_themes(actor=admin, theme_ids=[v1.theme_id]))[v1.theme_id]
    assert [v.number for v in history] == [2, 1]
    # a bundle pinned to version 1 still resolves under it
    bundle = await resolve(version=old, answers={"insured": "no"})
    assert bundle.version is not None and bundle.version.id == v1.id
    assert [i.key for i in bundle.items] == ["register", "card"]


async def test_suspend_resume_cancel() -> None:
    admin = await staff("city_catalog")
    v = await service.publish(actor=admin, theme_id=(await service.create_draft(
        actor=admin, code=new_code(), content=content())).theme_id)
    with pytest.raises(DomainError) as caught:
        await service.suspend(actor=admin, theme_id=v.theme_id, reason=" ")
    assert caught.value.code == errors.INVALID and caught.value.field == ["reason"]
    suspended = await service.suspend(actor=admin, theme_id=v.theme_id, reason="系统升级")
    assert suspended.theme.status == "suspended" and suspended.theme.status_reason == "系统升级"
    assert await service.published_version(theme_id=v.theme_id) is None  # no new bundles
    assert await service.theme_by_code(actor=await staff("city_clerk"), code=v.theme.code) is not None  # guide readable
    await service.resume(actor=admin, theme_id=v.theme_id, reason="升级完成")
    cancelled = await service.cancel(actor=admin, theme_id=v.theme_id, reason="并入其他主题")
    assert cancelled.theme.status == "cancelled"
    for action in (service.resume, service.suspend, service.cancel):
        with pytest.raises(DomainError) as caught:
            await action(actor=admin, theme_id=v.theme_id, reason="再试")
        assert caught.value.code == errors.INVALID_STATE and "取消" in caught.value.message
    with pytest.raises(DomainError) as caught:
        await service.update_draft(actor=admin, theme_id=v.theme_id, changes={"name": "改名"})
    assert caught.value.code == errors.INVALID_STATE


async def test_only_catalogue_editors_of_the_region_maintain_themes() -> None:
    admin = await staff("city_catalog")
    v = await service.create_draft(actor=admin, code=new_code(), content=content())
    for username in ("city_clerk", "city_reviewer_scjg", "guanxian_catalog"):
        with pytest.raises(DomainError) as caught:
            await service.publish(actor=await staff(username), theme_id=v.theme_id)
        assert caught.value.code == errors.NOT_ALLOWED, username
    # a county editor keeps a theme of the county
    county = await staff("guanxian_catalog")
    own = await service.create_draft(actor=county, code=new_code(), content=content())
    assert own.theme.region_code == "371525"
    assert (await service.publish(actor=county, theme_id=own.theme_id)).status == "published"
    with pytest.raises(DomainError) as caught:
        await service.create_draft(actor=county, code=new_code(), region_code="371500", content=content())
    assert caught.value.code == errors.NOT_ALLOWED


async def test_codes_are_checked_and_unique() -> None:
    admin = await staff("city_catalog")
    with pytest.raises(DomainError) as caught:
        await service.create_draft(actor=admin, code="企业开办", content=content())
    assert (caught.value.code, caught.value.field) == (errors.INVALID_CODE, ["code"])
    with pytest.raises(DomainError) as caught:
        await service.create_draft(actor=admin, code="enterprise-startup", content=content())
    assert caught.value.code == errors.DUPLICATE_CODE


async def test_two_editors_at_once_one_wins() -> None:
    admin = await staff("city_catalog")
    v = await service.publish(actor=admin, theme_id=(await service.create_draft(
        actor=admin, code=new_code(), content=content())).theme_id)
    results = await asyncio.gather(
        service.update_draft(actor=admin, theme_id=v.theme_id, changes={"name": "甲"}),
        service.update_draft(actor=admin, theme_id=v.theme_id, changes={"name": "乙"}),
        return_exceptions=True,
    )
    failures = [r for r in results if isinstance(r, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], DomainError) and failures[0].code == errors.CONFLICT
    assert await ThemeVersion.filter(theme_id=v.theme_id).count() == 2
    assert (await Theme.get(id=v.theme_id)).draft_version_id is not None
