"""Per-request context: who is asking, the request id, and the request's own DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from server.domain.accounts import privacy
from server.domain.accounts.ratelimit import Limiter
from server.domain.accounts.roles import ANONYMOUS, Actor
from server.domain.calendar import service as calendar
from server.domain.cases import counter
from server.domain.cases import queries as cases
from server.domain.catalog import service as catalog
from server.domain.shareddata import service as shareddata
from server.graphql.bundles.loaders import BundleLoaders
from server.graphql.themes.loaders import ThemeLoaders
from server.settings import Settings


def _loader(fetch: Any, default: Any = None) -> DataLoader[Any, Any]:
    async def load(keys: list[Any]) -> list[Any]:
        found = await fetch(keys)
        return [found.get(k, default() if callable(default) else default) for k in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    """Created per request (never at module level: a cache must not outlive its request)."""

    actor: Actor

    def __post_init__(self) -> None:
        a = self.actor
        self.department = _loader(catalog.departments_by_codes)
        self.region = _loader(catalog.regions_by_codes)
        self.hall = _loader(catalog.halls_by_codes)
        self.halls_of_region = _loader(catalog.halls_of_regions, list)
        self.windows_of_hall = _loader(catalog.windows_of_halls, list)
        self.situations = _loader(catalog.situations_of, list)
        self.materials = _loader(catalog.materials_of, list)
        self.item = _loader(lambda ids: catalog.items_by_ids(actor=a, ids=ids))
        self.version = _loader(catalog.versions_by_ids)
        # where an item stands at the signed-in clerk's hall (the walk-in search)
        self.at_counter = _loader(lambda ids: counter.at_counter(actor=a, item_ids=ids))
        self.versions_of_item = _loader(lambda ids: catalog.versions_of_items(actor=a, item_ids=ids), list)
        # timelines, materials and e-licences of cases the caller already got through a scoped query
        self.case_events = _loader(cases.events_of, list)
        self.case_materials = _loader(cases.materials_of, list)
        self.case_elicences = _loader(cases.elicences_of_cases, list)
        self.case = _loader(lambda ids: cases.cases_by_ids(actor=a, ids=ids))
        self.case_rating = _loader(cases.ratings_of)
        self.sub_cases = _loader(lambda ids: cases.sub_cases_of(actor=a, parent_ids=ids), list)
        # what the base databases filled in a case's or a bundle's form: keys ("case" | "bundle", id)
        self.prefilled = _loader(shareddata.prefilled_of, list)
        # whose data an access-log row is about, masked: keys (subject kind, id)
        self.access_subject = _loader(privacy.subject_labels)
        self.themes = ThemeLoaders(a, _loader)  # themes (一件事) and the service menu
        self.bundles = BundleLoaders(a)  # themed bundles applied for (主题办件)
        # which years' holiday arrangements are not loaded yet (a deadline counting them is provisional)
        self.unconfirmed_year = _loader(lambda ys: _unconfirmed(ys))


async def _unconfirmed(years: list[int]) -> dict[int, bool]:
    missing = await calendar.unconfirmed_years(years)
    return {y: y in missing for y in years}


@dataclass
class Context:
    actor: Actor
    settings: Settings
    request_id: str
    client: str = ""
    token: str | None = None
    login_limiter: Limiter | None = None
    sms_code_limiter: Limiter | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.actor)


def anonymous_context(settings: Settings) -> Context:
    return Context(actor=ANONYMOUS, settings=settings, request_id="-")


Info = StrawberryInfo[Context, None]
