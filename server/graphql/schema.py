"""One schema composed of each area's Query and Mutation mixins."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.schema.config import StrawberryConfig

from server.graphql.accounts.mutations import AccountsMutation
from server.graphql.accounts.queries import AccountsQuery
from server.graphql.catalog.queries import CatalogQuery
from server.graphql.catalog.mutations import CatalogMutation
from server.graphql.core.limits import limit_extensions
from server.settings import Settings


@strawberry.type(description="查询入口：事项目录、区划与部门、当前用户")
class Query(CatalogQuery, AccountsQuery):
    node: relay.Node | None = relay.node(description="按全局 ID 读取任意对象（Relay Node 接口）")


@strawberry.type(description="变更入口：每个变更接收一个 input，返回含 errors 的 payload")
class Mutation(CatalogMutation, AccountsMutation):
    pass


def build_schema(settings: Settings) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=limit_extensions(settings),
        config=StrawberryConfig(disable_field_suggestions=settings.production, relay_max_results=100),
    )
