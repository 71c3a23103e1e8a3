"""Per-request DataLoaders of themes, made with the request's loader factory (server/graphql/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strawberry.dataloader import DataLoader

from server.domain.accounts.roles import Actor
from server.domain.themes import menu, service
from server.domain.themes.models import ThemeVersion
from server.domain.themes.resolve import AnswerPath, resolve_every_path

LoaderFactory = Callable[..., DataLoader[Any, Any]]


class ThemeLoaders:
    def __init__(self, actor: Actor, make: LoaderFactory) -> None:
        self.theme = make(lambda ids: service.themes_by_ids(actor=actor, ids=ids))
        self.theme_by_code = make(lambda codes: service.themes_by_codes(actor=actor, codes=codes))
        self.version = make(lambda ids: service.versions_by_ids(actor=actor, ids=ids))
        self.versions_of_theme = make(lambda ids: service.versions_of_themes(actor=actor, theme_ids=ids), list)
        self.stage_item = make(service.service_items_of)  # (basic code, department) → ItemVersion
        self.menu_item = make(menu.menu_items)  # basic code → ItemVersion
        # version row → the bundle of each of its answer paths; the rows come from the scoped loaders
        # above, so one catalogue load serves every version a request previews
        self.answer_paths: DataLoader[ThemeVersion, list[AnswerPath]] = DataLoader(
            load_fn=_every_path, cache_key_fn=lambda v: v.id
        )


async def _every_path(versions: list[ThemeVersion]) -> list[list[AnswerPath]]:
    found = await resolve_every_path(versions=versions)
    return [found[v.id] for v in versions]
