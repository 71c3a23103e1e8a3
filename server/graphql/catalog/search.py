"""聊易找 in the graph: findServices (items and themes in one ranked list, "did you mean"),
searchSuggestions (搜索联想), and the city-wide synonym list for catalogue admins.

The ranking is the domain's (server/domain/catalog/finder.py); this module only shapes it."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry import enum_value as v
from strawberry import relay

from server.domain.accounts import enterprises
from server.domain.catalog import finder, synonyms
from server.domain.catalog import service as catalog_service
from server.domain.catalog.models import SearchSynonym as SynonymRow
from server.domain.themes import service as themes_service
from server.graphql.catalog.mutations import CatalogError
from server.graphql.catalog.types import ServiceItem, prefetch
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.lengths import max_length
from server.graphql.core.lookahead import selected_below
from server.graphql.core.permissions import CanEditCatalog
from server.graphql.core.relay import domain_id
from server.graphql.themes.enums import Audience
from server.graphql.themes.types import Theme
from server.graphql.themes.types import prefetch as prefetch_themes

MAX_HITS = 50
MAX_OFFSET = 500
MAX_SUGGESTIONS = 20


@strawberry.enum(description="搜索结果的类别")
class SearchHitKind(Enum):
    ITEM = v("item", description="事项（同一基本编码的多个实施合为一条，给出最合适的实施）")
    THEME = v("theme", description="主题（一件事）")


@strawberry.enum(description="搜索词命中的位置")
class SearchMatch(Enum):
    NAME = v("name", description="名称")
    ALIAS = v("alias", description="俗称、别名")
    KEYWORD = v("keyword", description="关键词")
    TEXT = v("text", description="办事指南正文")
    PINYIN = v("pinyin", description="名称全拼")
    INITIALS = v("initials", description="名称拼音首字母")
    HOMOPHONE = v("homophone", description="同音字（拼音相同）")


@strawberry.enum(description="联想词的来源")
class SuggestionKind(Enum):
    ITEM = v("item", description="事项名称")
    THEME = v("theme", description="主题名称")
    ALIAS = v("alias", description="事项俗称")
    KEYWORD = v("keyword", description="关键词")


@strawberry.type(description="聊易找的一条结果：事项或主题")
class ServiceSearchHit:
    kind: SearchHitKind = strawberry.field(description="类别")
    code: str = strawberry.field(description="事项的基本编码或主题编码")
    name: str = strawberry.field(description="名称")
    matched_by: SearchMatch = strawberry.field(description="主要命中位置")
    score: float = strawberry.field(description="相关度（越大越靠前；只用于比较同一次搜索的结果）")
    implementation_count: int = strawberry.field(description="事项：命中的实施数（主题为 1）")
    item: ServiceItem | None = strawberry.field(description="类别为事项时：最合适的实施（优先服务所给区划的实施）")
    theme: Theme | None = strawberry.field(description="类别为主题时：该主题")


@strawberry.type(description="聊易找的结果")
class ServiceSearch:
    total_count: int = strawberry.field(description="结果总数（事项按基本编码计）")
    words: list[str] = strawberry.field(description="搜索词切分出的词（已去掉“我想”“怎么办”等虚词）")
    did_you_mean: str | None = strawberry.field(description="没有结果时：最接近的事项名称、俗称或关键词（“您是不是要找”）")
    hits: list[ServiceSearchHit] = strawberry.field(description="结果，相关度高的在前")


@strawberry.type(description="搜索联想词")
class SearchSuggestion:
    text: str = strawberry.field(description="联想词")
    kind: SuggestionKind = strawberry.field(description="来源")
    code: str = strawberry.field(description="对应事项的基本编码或主题编码")


@strawberry.type(description="全市同义词表中的一条：群众的说法及其在目录中的说法")
class SearchSynonym:
    term: str = strawberry.field(description="群众的说法，如“丢了”")
    words: list[str] = strawberry.field(description="目录中的说法，如“补领”“遗失”")
    note: str = strawberry.field(description="说明")

    @classmethod
    def of(cls, row: SynonymRow) -> SearchSynonym:
        return cls(term=row.term, words=list(row.words), note=row.note)


@strawberry.type
class SearchQuery:
    @strawberry.field(description="聊易找：按群众的说法找事项和主题（词序无关、俗称、全拼、首字母、同音字、繁体），"
                                  "同一基本编码的事项合为一条；没有结果时给出“您是不是要找”")
    async def find_services(
        self, info: Info,
        text: Annotated[str, strawberry.argument(metadata=max_length(64), description="搜索词，如“身份证丢了”“yyzz”")],
        region_code: Annotated[str | None, strawberry.argument(metadata=max_length(12), description="办事人所在区划：优先给出服务该区划的实施")] = None,
        audience: Annotated[Audience | None, strawberry.argument(description="只要个人或企业的事项和主题")] = None,
        enterprise_id: Annotated[relay.GlobalID | None, strawberry.argument(description="以经办人身份为此企业办事：企业事项优先（须为该企业的法定代表人或经办人）")] = None,
        first: Annotated[int, strawberry.argument(description=f"返回条数（最多 {MAX_HITS}）")] = 20,
        offset: Annotated[int, strawberry.argument(description=f"跳过条数（最多 {MAX_OFFSET}）")] = 0,
    ) -> ServiceSearch:
        actor = info.context.actor
        as_enterprise = False
        if enterprise_id is not None:
            member = await enterprises.membership(actor=actor, enterprise_id=domain_id(enterprise_id, "Enterprise"))
            as_enterprise = member is not None
        found = await finder.search(
            actor=actor, text=text, region_path=await finder.region_path(region_code),
            audience=str(audience.value) if audience else None, enterprise_actor=as_enterprise,
            offset=max(0, min(offset, MAX_OFFSET)), limit=max(0, min(first, MAX_HITS)),
        )  # fmt: skip
        item_ids = [h.entity_id for h in found.hits if h.kind == "item"]
        theme_ids = [h.entity_id for h in found.hits if h.kind == "theme"]
        items = await catalog_service.items_by_ids(actor=actor, ids=item_ids) if item_ids else {}
        themes = await themes_service.themes_by_ids(actor=actor, ids=theme_ids) if theme_ids else {}
        item_nodes = {i: ServiceItem.of(row) for i, row in items.items()}
        await prefetch(info, list(item_nodes.values()), selected_below(info, "hits", "item"))
        await prefetch_themes(info, list(themes.values()), selected_below(info, "hits", "theme"))
        hits = [
            ServiceSearchHit(
                kind=SearchHitKind(h.kind), code=h.code, name=h.name, matched_by=SearchMatch(h.matched),
                score=round(h.score, 1), implementation_count=h.implementations,
                item=item_nodes.get(h.entity_id) if h.kind == "item" else None,
                theme=Theme.of(themes[h.entity_id]) if h.kind == "theme" and h.entity_id in themes else None,
            )  # fmt: skip
            for h in found.hits
        ]
        return ServiceSearch(total_count=found.total, words=found.words, did_you_mean=found.did_you_mean, hits=hits)

    @strawberry.field(description="搜索联想：以所输前缀（汉字、全拼或首字母）开头的事项名称、俗称、主题和关键词，常用的在前")
    async def search_suggestions(
        self,
        prefix: Annotated[str, strawberry.argument(metadata=max_length(64), description="已输入的部分，如“身份”“shenf”“sf”")],
        first: Annotated[int, strawberry.argument(description=f"返回条数（最多 {MAX_SUGGESTIONS}）")] = 10,
    ) -> list[SearchSuggestion]:
        found = await finder.suggest(prefix=prefix, limit=max(0, min(first, MAX_SUGGESTIONS)))
        return [SearchSuggestion(text=s.text, kind=SuggestionKind(s.kind), code=s.code) for s in found]

    @strawberry.field(description="全市同义词表（聊易找），供事项管理员维护", permission_classes=[CanEditCatalog])
    async def search_synonyms(self, info: Info) -> list[SearchSynonym]:
        return [SearchSynonym.of(r) for r in await synonyms.list_synonyms(actor=info.context.actor)]


@strawberry.input(description="新增或修改全市同义词表中的一条")
class SetSearchSynonymInput:
    term: str = strawberry.field(metadata=max_length(16), description="群众的说法")
    words: list[str] = strawberry.field(description="目录中的说法（最多 12 个，每个不超过 32 字）")
    note: str = strawberry.field(default="", metadata=max_length(128), description="说明")


@strawberry.input(description="删除全市同义词表中的一条")
class DeleteSearchSynonymInput:
    term: str = strawberry.field(metadata=max_length(16), description="群众的说法")


@strawberry.type(description="修改同义词的结果")
class SetSearchSynonymPayload:
    synonym: SearchSynonym | None = strawberry.field(default=None, description="修改后的词条（出错时为空）")
    errors: list[CatalogError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="删除同义词的结果")
class DeleteSearchSynonymPayload:
    term: str | None = strawberry.field(default=None, description="删除的词条（出错时为空）")
    errors: list[CatalogError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type
class SearchMutation:
    @strawberry.mutation(description="新增或修改全市同义词（市级事项管理员）", permission_classes=[CanEditCatalog])
    async def set_search_synonym(self, info: Info, input: Annotated[SetSearchSynonymInput, strawberry.argument(description="本操作的输入")]) -> SetSearchSynonymPayload:
        row, errs = await attempt(
            lambda: synonyms.set_synonym(actor=info.context.actor, term=input.term, words=input.words[:50], note=input.note),
            CatalogError,
        )
        return SetSearchSynonymPayload(synonym=SearchSynonym.of(row) if row else None, errors=errs)

    @strawberry.mutation(description="删除全市同义词（市级事项管理员）", permission_classes=[CanEditCatalog])
    async def delete_search_synonym(self, info: Info, input: Annotated[DeleteSearchSynonymInput, strawberry.argument(description="本操作的输入")]) -> DeleteSearchSynonymPayload:
        term, errs = await attempt(lambda: synonyms.delete_synonym(actor=info.context.actor, term=input.term), CatalogError)
        return DeleteSearchSynonymPayload(term=term, errors=errs)
