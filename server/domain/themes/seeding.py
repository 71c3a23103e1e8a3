"""Load ``seeds/themes.yaml`` and ``seeds/menu.yaml`` idempotently (after the catalogue).

A theme is created and published the first time; when its seed changes, the change is published
as a new version ("种子数据更新") so that bundles keep the version they pinned. The menu is
published as a new version when its seed changes. Running it twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from server import clock
from server.domain.catalog.models import Region
from server.domain.catalog.seeding import Progress, SeedError, _read
from server.domain.errors import DomainErrors
from server.domain.themes import menu, validation
from server.domain.themes.content import content_from_dict, version_row
from server.domain.themes.models import Theme, ThemeVersion


def _digest(data: Any) -> str:
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


async def load_themes(seeds: Path, progress: Progress) -> dict[str, int]:
    path = seeds / "themes.yaml"
    entries = (_read(path) or {}).get("themes") or [] if path.exists() else []
    existing = {t.code: t for t in await Theme.all()}
    regions = {r.code: r for r in await Region.all()}
    seen: set[str] = set()
    created = updated = unchanged = 0
    for n, e in enumerate(entries, 1):
        code = str(e.get("code") or "")
        where = f"themes.yaml 第 {n} 项（{e.get('name', '?')}）"
        if code in seen:
            raise SeedError(f"{where}: 主题编码 {code} 重复")
        seen.add(code)
        region = regions.get(str(e.get("region") or menu.CITY_REGION))
        if region is None:
            raise SeedError(f"{where}: 区划 {e.get('region')} 不存在")
        content = content_from_dict(e)
        digest = _digest([code, region.code, content.as_dict()])
        theme = existing.get(code)
        if theme is not None and theme.seed_hash == digest:
            unchanged += 1
            continue
        content, problems = await validation.check(content)
        if problems:
            raise SeedError(f"{where}: " + "；".join(
                f"{p.message}（{'.'.join(p.field or [])}）" for p in problems
            ))
        now = clock.utcnow()
        async with in_transaction() as conn:
            if theme is None:
                theme = await Theme.create(code=code, region_code=region.code, region_path=region.path,
                                           status="active", seed_hash=digest, using_db=conn)
                number, note = 1, ""
                created += 1
            else:
                await ThemeVersion.filter(theme_id=theme.id, status="published").using_db(conn).update(
                    status="superseded", is_current=False
                )
                number = await ThemeVersion.filter(theme_id=theme.id).using_db(conn).count() + 1
                note = "种子数据更新"
                updated += 1
            version = await ThemeVersion.create(
                theme_id=theme.id, number=number, status="published", is_current=True, change_note=note,
                published_at=now, using_db=conn, **version_row(content),
            )
            await Theme.filter(id=theme.id).using_db(conn).update(
                published_version_id=version.id, seed_hash=digest, row_version=theme.row_version + 1
            )
    progress(f"主题 {len(entries)} 个（新增 {created}，更新 {updated}，未变 {unchanged}）")
    figures = {"themes": len(entries), "themes_created": created, "themes_updated": updated,
               "themes_unchanged": unchanged}
    figures.update(await load_menu(seeds, progress))
    from server.domain.catalog.finder import INDEX

    INDEX.invalidate()  # 聊易找 in this process sees the seeded themes at once
    return figures


async def load_menu(seeds: Path, progress: Progress) -> dict[str, int]:
    path = seeds / "menu.yaml"
    if not path.exists():
        return {"menu_entries": 0, "menu_published": 0}
    entries = menu.normalise_entries((_read(path) or {}).get("entries") or [])
    digest = _digest(entries)
    current = await menu.current_menu()
    if current is not None and current.seed_hash == digest:
        progress(f"服务菜单 {len(entries)} 项（未变）")
        return {"menu_entries": len(entries), "menu_published": 0}
    try:
        version = await menu.publish_menu(actor=None, entries=entries, change_note="种子数据", seed_hash=digest)
    except DomainErrors as exc:
        raise SeedError("menu.yaml: " + "；".join(
            f"{p.message}（{'.'.join(p.field or [])}）" for p in exc.errors
        )) from exc
    progress(f"服务菜单 {len(entries)} 项（发布第 {version.number} 版）")
    return {"menu_entries": len(entries), "menu_published": 1}
