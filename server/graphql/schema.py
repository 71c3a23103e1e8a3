"""One schema composed of each area's Query and Mutation mixins."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from graphql import GraphQLDefaultInput, GraphQLError, GraphQLInputObjectType, GraphQLObjectType, Undefined
from graphql.utilities import get_default_value_ast
from strawberry import relay
from strawberry.printer.ast_from_value import ast_from_value as strawberry_ast_from_value
from strawberry.schema.config import StrawberryConfig

from server.graphql.accounts.mutations import AccountsMutation
from server.graphql.accounts.queries import AccountsQuery
from server.graphql.appointments.mutations import AppointmentsMutation
from server.graphql.appointments.queries import AppointmentsQuery
from server.graphql.bundles.mutations import BundlesMutation
from server.graphql.bundles.queries import BundlesQuery
from server.graphql.calendar.mutations import CalendarMutation
from server.graphql.calendar.queries import CalendarQuery
from server.graphql.cases.mutations import CasesMutation
from server.graphql.cases.queries import CasesQuery
from server.graphql.cases.statistics import CaseStatisticsQuery
from server.graphql.cases.uploads import UploadsMutation
from server.graphql.catalog.mutations import CatalogMutation
from server.graphql.catalog.queries import CatalogQuery
from server.graphql.catalog.search import SearchMutation, SearchQuery
from server.graphql.citizens.mutations import CitizensMutation
from server.graphql.citizens.queries import CitizensQuery
from server.graphql.complaints.mutations import ComplaintsMutation
from server.graphql.complaints.queries import ComplaintsQuery
from server.graphql.construction.mutations import ConstructionMutation
from server.graphql.construction.queries import ConstructionQuery
from server.graphql.context import Info
from server.graphql.core.cost import QueryCost
from server.graphql.core.execution import FastLeafExecutionContext
from server.graphql.core.lengths import StringLengths
from server.graphql.core.limits import limit_extensions
from server.graphql.core.permissions import PartnersReadOnly
from server.graphql.exchange.mutations import ExchangeMutation
from server.graphql.exchange.queries import ExchangeQuery
from server.graphql.notifications.mutations import NotificationsMutation
from server.graphql.notifications.queries import NotificationsQuery
from server.graphql.notifications.subscriptions import NotificationsSubscription
from server.graphql.privacy.mutations import PrivacyMutation
from server.graphql.privacy.queries import PrivacyQuery
from server.graphql.ratings.mutations import RatingsMutation
from server.graphql.ratings.queries import RatingsQuery
from server.graphql.realestate.mutations import RealEstateMutation
from server.graphql.realestate.queries import RealEstateQuery
from server.graphql.shareddata.queries import SharedDataQuery
from server.graphql.staff.mutations import StaffMutation
from server.graphql.staff.queries import StaffQuery
from server.graphql.themes.mutations import ThemesMutation
from server.graphql.themes.queries import ThemesQuery
from server.settings import Settings


@strawberry.type(description="查询入口：事项目录、区划与部门、当前用户")
class Query(
    CatalogQuery, AccountsQuery, PrivacyQuery, StaffQuery, CitizensQuery, CalendarQuery, NotificationsQuery,
    CasesQuery, BundlesQuery, CaseStatisticsQuery, AppointmentsQuery, ThemesQuery, ExchangeQuery, SharedDataQuery,
    ConstructionQuery,
    RealEstateQuery,
    SearchQuery,
    ComplaintsQuery,
    RatingsQuery,
):
    # a plain resolver rather than relay.node(): that field mutates itself when a schema is built,
    # so a second schema in the same process (tests, export-schema) would fail
    @strawberry.field(description="按全局 ID 读取任意对象（Relay Node 接口）；无权查看或不存在时为空")
    async def node(
        self, info: Info, id: Annotated[relay.GlobalID, strawberry.argument(description="全局 ID")]
    ) -> relay.Node | None:
        try:
            return await id.resolve_node(info, required=False)
        except (ValueError, KeyError):
            return None


@strawberry.type(description="变更入口：每个变更接收一个 input，返回含 errors 的 payload")
class Mutation(
    CatalogMutation, AccountsMutation, PrivacyMutation, StaffMutation, CitizensMutation, CalendarMutation,
    NotificationsMutation, UploadsMutation, CasesMutation, BundlesMutation, AppointmentsMutation, ThemesMutation,
    ExchangeMutation, ConstructionMutation,
    RealEstateMutation,
    SearchMutation,
    ComplaintsMutation,
    RatingsMutation,
):
    pass


@strawberry.type(description="订阅入口（WebSocket，graphql-transport-ws 协议，/graphql）")
class Subscription(NotificationsSubscription):
    pass


class LiaoyiSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        # Strawberry logs every error, request errors included, with the query text (which can
        # hold a password). The HTTP view logs unexpected errors itself, with the request id.
        return None


def literal_defaults(schema: strawberry.Schema) -> None:
    """Give every default value that graphql-core cannot turn into a literal one it can print.

    ``formData: JSON! = {}``: a JSON scalar's default is a Python dict, which graphql-core's
    ``ast_from_value`` cannot convert (a scalar serialises to a leaf only), so the standard
    introspection query failed on ``defaultValue`` and every client that loads the schema first with
    it. Strawberry's printer writes such a default as an object literal (that is how
    schema/schema.graphql shows it); the same literal becomes the field's ``default``, which graphql-core
    prints for introspection and coerces through the scalar for execution (the JSON scalar reads an
    object literal back into the same dict)."""
    for named in schema._schema.type_map.values():
        inputs: list[Any] = []
        if isinstance(named, GraphQLInputObjectType):
            inputs.extend(named.fields.values())
        elif isinstance(named, GraphQLObjectType):
            inputs.extend(arg for field in named.fields.values() for arg in field.args.values())
        for value in inputs:
            if value.default is not None or value.default_value is Undefined:
                continue
            try:
                get_default_value_ast(value)
            except TypeError:
                literal = strawberry_ast_from_value(value.default_value, value.type)
                if literal is None:
                    raise
                # graphql-core reads ``default`` first; Strawberry's printer still reads default_value
                value.default = GraphQLDefaultInput(literal=literal)  # type: ignore[arg-type]


def build_schema(settings: Settings, *, fast_leaves: bool = True) -> strawberry.Schema:
    """The schema; ``fast_leaves=False`` gives graphql-core's stock executor (tests compare them)."""
    schema = LiaoyiSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[*limit_extensions(settings), PartnersReadOnly, StringLengths, QueryCost],
        execution_context_class=FastLeafExecutionContext if fast_leaves else None,
        config=StrawberryConfig(disable_field_suggestions=settings.production, relay_max_results=100),
    )
    literal_defaults(schema)
    return schema
