"""Per-request DataLoaders of themes, made with the request's loader factory (server/graphql/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strawberry.dataloader import DataLoader

from server.domain.accounts.roles import Actor
from server.domain.themes import menu, service

LoaderFactory = Callable[..., DataLoader[Any, Any]]


class ThemeLoaders:
    def __init__(self, actor: Actor, make: LoaderFactory) -> None:
        self.theme = make(lambda ids: service.themes_by_ids(actor=actor, ids=ids))
        self.theme_by_code = make(lambda codes: service.themes_by_codes(actor=actor, codes=codes))
        self.version = make(lambda ids: service.versions_by_ids(actor=actor, ids=ids))
        self.versions_of_theme = make(lambda ids: service.versions_of_themes(actor=actor, theme_ids=ids), list)
        self.stage_item = make(service.service_items_of)  # (basic code, department) → ItemVersion
        self.menu_item = make(menu.menu_items)  # basic code → ItemVersion
