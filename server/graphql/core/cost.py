"""Query cost (issue 15): what a document would make the server do, priced before it executes.

Depth, token and alias limits bound the text of a query, not its work: 30 aliases of a page of 100
items, each with its situations, materials, halls and windows, fit every one of them and still ask
for hundreds of thousands of objects. So every operation is priced after validation and before
execution, and refused with ``QUERY_TOO_COSTLY`` (a request error: 400 under
``application/graphql-response+json``) when its price exceeds the budget of the caller's kind
(:attr:`Settings.cost_budgets`: anonymous callers get the smallest).

The price counts objects, the way the database and the serialiser pay for them:

- a field whose type is an object, an interface or a union costs 1 plus what is selected under it;
  scalars and enums cost nothing by themselves (the response size cap bounds them);
- a list multiplies what it holds by its size: for a paginated field (a ``first`` or ``last``
  argument) the page it asks for (``DEFAULT_PAGE`` when unset), applied to the ``edges`` and
  ``nodes`` of the connection it returns; for a plain list the size declared with
  ``metadata=list_size(n)`` where the field is declared, else :data:`DEFAULT_LIST_SIZE`;
- fragments count where they are spread; of the fragments on different types of one abstract field
  only the dearest counts (an object is one type at a time); ``@skip``/``@include`` are ignored
  (the price is an upper bound).

Pricing walks the document once with the coerced variables (a page size given as a variable counts
as given) and stops as soon as the budget is passed, so a refusal costs a few hundred microseconds,
not the execution it prevents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

from server.graphql.core.relay import DEFAULT_PAGE

CODE = "QUERY_TOO_COSTLY"
META = "list_size"
DEFAULT_LIST_SIZE = 5  # a plain list nobody declared a size for (situations, materials, windows …)
PAGE_ARGUMENTS = ("first", "last")
CONNECTION_LISTS = frozenset({"edges", "nodes"})


def list_size(n: int) -> dict[str, int]:
    """``metadata=`` for a ``strawberry.field`` returning a plain list: how many it holds at most."""
    if n < 1:
        raise ValueError("a list size is at least 1")
    return {META: n}


class OverBudget(Exception):
    pass


def _unwrap(t: Any) -> tuple[Any, bool]:
    is_list = False
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        is_list = is_list or isinstance(t, GraphQLList)
        t = t.of_type
    return t, is_list


def _declared_size(field: GraphQLField) -> int | None:
    definition = (field.extensions or {}).get("strawberry-definition")
    metadata: Mapping[str, Any] = getattr(definition, "metadata", None) or {}
    n = metadata.get(META)
    return int(n) if n is not None else None


class _Pricer:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode],
                 variables: VariableValues, budget: int) -> None:
        self.schema, self.fragments, self.variables, self.budget = schema, fragments, variables, budget

    def _page(self, field: GraphQLField, node: FieldNode) -> int | None:
        if not any(a in field.args for a in PAGE_ARGUMENTS):
            return None
        try:
            args = get_argument_values(field, node, self.variables)
        except GraphQLError:
            return DEFAULT_PAGE
        given = [int(args[a]) for a in PAGE_ARGUMENTS if isinstance(args.get(a), int)]
        return max(given) if given else DEFAULT_PAGE

    def _fields(self, parent: Any, selections: SelectionSetNode, seen: frozenset[str]) -> Iterator[tuple[Any, FieldNode]]:
        """The field nodes selected on ``parent``, with the type each applies to (None: every type)."""
        for sel in selections.selections:
            if isinstance(sel, FieldNode):
                yield None, sel
            elif isinstance(sel, InlineFragmentNode):
                on = self.schema.get_type(sel.type_condition.name.value) if sel.type_condition else None
                for t, f in self._fields(parent, sel.selection_set, seen):
                    yield t or (on if on is not parent else None), f
            elif isinstance(sel, FragmentSpreadNode):
                name = sel.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                on = self.schema.get_type(fragment.type_condition.name.value)
                for t, f in self._fields(parent, fragment.selection_set, seen | {name}):
                    yield t or (on if on is not parent else None), f

    def selection(self, parent: Any, selections: SelectionSetNode | None, page: int | None,
                  seen: frozenset[str] = frozenset()) -> int:
        """The price of one object of type ``parent`` with ``selections``; ``page`` is the page size
        of the connection ``parent`` is, for its ``edges`` and ``nodes``."""
        if selections is None:
            return 0
        shared = 0
        by_type: dict[str, int] = {}
        for on, node in self._fields(parent, selections, seen):
            target = on if on is not None else parent
            price = self.field(target, node, page)
            if on is None:
                shared += price
            else:
                by_type[on.name] = by_type.get(on.name, 0) + price
            if shared + max(by_type.values(), default=0) > self.budget:
                raise OverBudget
        return shared + max(by_type.values(), default=0)

    def field(self, parent: Any, node: FieldNode, page: int | None) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
            return 0
        definition = parent.fields.get(name)
        if definition is None:
            return 0
        named, is_list = _unwrap(definition.type)
        if not isinstance(named, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
            return 0
        own_page = self._page(definition, node)
        inner = self.selection(named, node.selection_set, own_page)
        one = 1 + inner
        if is_list:
            size = (page if name in CONNECTION_LISTS and page is not None else None) or own_page \
                or _declared_size(definition) or DEFAULT_LIST_SIZE
            price = size * one
        else:
            price = one
        if price > self.budget:
            raise OverBudget
        return price


def price(schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None,
          operation_name: str | None, budget: int) -> int | None:
    """The price of the operation to run, or None when graphql-core will refuse the request anyway
    (no such operation, bad variables). Raises :class:`OverBudget` as soon as it passes ``budget``."""
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        ops = [o for o in ops if o.name is not None and o.name.value == operation_name]
    if len(ops) != 1:
        return None
    coerced = get_variable_values(schema, ops[0].variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None
    return price_operation(schema, document, ops[0], coerced, budget)


def price_operation(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode,
                    coerced: VariableValues, budget: int) -> int:
    """The price of ``op`` with variables already coerced (a page size that cannot be read counts
    as :data:`DEFAULT_PAGE`)."""
    root = {OperationType.QUERY: schema.query_type, OperationType.MUTATION: schema.mutation_type,
            OperationType.SUBSCRIPTION: schema.subscription_type}[op.operation]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    total = _Pricer(schema, fragments, coerced, budget).selection(root, op.selection_set, None)
    if total > budget:
        raise OverBudget
    return total


def refusal(budget: int) -> GraphQLError:
    return GraphQLError(
        f"查询过于复杂：预计返回的对象超过本类调用方的上限 {budget}，请减少别名、每页条数（first）或嵌套的列表字段",
        extensions={"code": CODE, "budget": budget},
    )


class QueryCost(SchemaExtension):
    """Refuses an operation over its caller's budget before it executes (see the module)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.result is None:
            context = ctx.context
            budgets: Mapping[str, int] = context.settings.cost_budgets
            budget = budgets.get(context.actor.kind, budgets["anonymous"])
            try:
                price(ctx.schema._schema, ctx.graphql_document, ctx.variables, ctx.operation_name, budget)
            except OverBudget:
                ctx.result = ExecutionResult(data=None, errors=[refusal(budget)])
        yield
