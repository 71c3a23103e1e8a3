"""The bundles' loaders of one request (DESIGN.md rule 4: created with the request's
:class:`~server.graphql.context.Loaders`, never at module level)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from server.domain.accounts.roles import Actor
from server.domain.cases import bundles
from server.domain.cases.models import Case, CaseBundle
from server.domain.construction import service as construction
from server.domain.construction.models import ConstructionProject
from server.domain.exchange import routing
from server.domain.exchange.models import ExchangeMessage


class BundleLoaders:
    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self.bundle: DataLoader[int, CaseBundle | None] = DataLoader(load_fn=self._bundles)
        self.subs: DataLoader[int, list[Case]] = DataLoader(load_fn=self._subs)
        self.owes: DataLoader[int, bool] = DataLoader(load_fn=self._owes)
        self.partner_name: DataLoader[str, str | None] = DataLoader(load_fn=self._partner_names)
        self.routed: DataLoader[int, ExchangeMessage | None] = DataLoader(load_fn=self._routed)
        self.results: DataLoader[int, routing.PartnerResult | None] = DataLoader(load_fn=self._results)
        self.project: DataLoader[int, ConstructionProject | None] = DataLoader(load_fn=self._projects)
        self._views: dict[tuple[int, int], bundles.BundleView] = {}

    async def _bundles(self, ids: list[int]) -> list[CaseBundle | None]:
        found = await bundles.bundles_by_ids(actor=self.actor, ids=ids)
        return [found.get(i) for i in ids]

    async def _subs(self, ids: list[int]) -> list[list[Case]]:
        found = await bundles.subs_of(ids)
        return [found[i] for i in ids]

    async def _owes(self, ids: list[int]) -> list[bool]:
        owing = await bundles.owing(ids)
        return [i in owing for i in ids]

    async def _partner_names(self, codes: list[str]) -> list[str | None]:
        names = await routing.partner_names(codes)
        return [names.get(c) for c in codes]

    async def _routed(self, case_ids: list[int]) -> list[ExchangeMessage | None]:
        latest = await routing.routed_messages(case_ids)
        return [latest.get(i) for i in case_ids]

    async def _results(self, case_ids: list[int]) -> list[routing.PartnerResult | None]:
        found = await routing.partner_results(case_ids)
        return [found.get(i) for i in case_ids]

    async def _projects(self, ids: list[int]) -> list[ConstructionProject | None]:
        found = await construction.projects_of(ids)
        return [found.get(i) for i in ids]

    async def fetch_bundles(self, ids: Sequence[int]) -> dict[int, CaseBundle]:
        rows = await self.bundle.load_many(list(ids))
        return {i: r for i, r in zip(ids, rows, strict=True) if r is not None}

    async def view(self, b: CaseBundle) -> bundles.BundleView:
        """The bundle now (derived status, items, denial), computed once per request and version."""
        key = (b.id, b.row_version)
        if key not in self._views:
            subs = await self.subs.load(b.id)
            flags = await self.owes.load_many([c.id for c in subs])
            self._views[key] = bundles.view(b, subs, owes={c.id for c, f in zip(subs, flags, strict=True) if f})
        return self._views[key]



def loaders(info: Any) -> BundleLoaders:
    """The request's bundle loaders (``info.context.loaders.bundles``)."""
    return info.context.loaders.bundles
