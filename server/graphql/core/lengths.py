"""Every string argument and input field has a maximum length (issue 15).

A string longer than the column it ends in used to reach the database and come back as
``INTERNAL`` (a 13-character region code, a 129-character search). Now each request is checked
before it executes: every argument of every field the document selects, after its variables are
coerced, is walked against its declared type, and a ``String`` or ``ID`` value longer than its
limit refuses the whole request with ``TOO_LONG`` (400 under ``application/graphql-response+json``),
naming the argument as the caller wrote it.

A limit is declared once, where the argument or input field is declared::

    code: str = strawberry.field(description="…", metadata=max_length(12))
    text: Annotated[str | None, strawberry.argument(description="…", metadata=max_length(64))] = None

Undeclared strings get :data:`DEFAULT_MAX_LENGTH`, IDs :data:`ID_MAX_LENGTH`. ``JSON`` values (form
data, answers) are checked by the domain's form rules and bounded by the request body limit;
uploads by the upload limits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLField,
    GraphQLID,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    visit,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry import relay
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

CODE = "TOO_LONG"
META = "max_length"
DEFAULT_MAX_LENGTH = 1000  # characters, for a string nobody declared a limit for
ID_MAX_LENGTH = 200  # a global ID is base64 of "Type:key"


def max_length(n: int) -> dict[str, int]:
    """``metadata=`` for ``strawberry.field`` / ``strawberry.argument``: the longest value accepted."""
    if n < 1:
        raise ValueError("a maximum length is at least 1")
    return {META: n}


def _declared(value: GraphQLArgument | GraphQLInputField) -> int | None:
    definition = (value.extensions or {}).get("strawberry-definition")
    metadata: Mapping[str, Any] = getattr(definition, "metadata", None) or {}
    n = metadata.get(META)
    return int(n) if n is not None else None


def _named(t: Any) -> Any:
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        t = t.of_type
    return t


def _checked_scalar(t: Any) -> bool:
    return isinstance(t, GraphQLScalarType) and (t.name in {"String", "ID"} or t is GraphQLID)


@lru_cache(maxsize=4096)
def _has_strings(t: Any, seen: frozenset[str] = frozenset()) -> bool:
    t = _named(t)
    if _checked_scalar(t):
        return True
    if isinstance(t, GraphQLInputObjectType) and t.name not in seen:
        return any(_has_strings(f.type, seen | {t.name}) for f in t.fields.values())
    return False


class TooLong(Exception):
    def __init__(self, path: list[str], limit: int, length: int) -> None:
        super().__init__(path)
        self.path, self.limit, self.length = path, limit, length


def _length(value: Any) -> int | None:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, relay.GlobalID):
        return len(str(value))  # its text on the wire
    return None


def _walk(value: Any, t: Any, limit: int | None, path: list[str]) -> None:
    if value is None:
        return
    if isinstance(t, GraphQLNonNull):
        t = t.of_type
    if isinstance(t, GraphQLList):
        for item in value if isinstance(value, list) else [value]:
            _walk(item, t.of_type, limit, path)
        return
    if _checked_scalar(t):
        n = _length(value)
        cap = limit or (ID_MAX_LENGTH if t.name == "ID" else DEFAULT_MAX_LENGTH)
        if n is not None and n > cap:
            raise TooLong(path, cap, n)
        return
    if isinstance(t, GraphQLInputObjectType) and isinstance(value, Mapping):
        for name, field in t.fields.items():
            key = field.out_name or name
            if key in value and _has_strings(field.type):
                _walk(value[key], field.type, _declared(field), [*path, name])
        return
    if isinstance(t, GraphQLInputObjectType):  # a Strawberry input already built: read its attributes
        for name, field in t.fields.items():
            key = field.out_name or name
            if hasattr(value, key) and _has_strings(field.type):
                _walk(getattr(value, key), field.type, _declared(field), [*path, name])


_POSITIONS: OrderedDict[tuple[int, int], tuple[Any, ...]] = OrderedDict()
POSITIONS_KEPT = 1024


def _positions(schema: GraphQLSchema, document: DocumentNode) -> tuple[tuple[FieldNode, GraphQLField], ...]:
    """The selected fields of the document with an argument that can hold a string, memoised per
    parsed document (the parser cache hands out the same document for the same text; the entry
    keeps the document and the schema alive, so their ids stay unique while it is kept)."""
    key = (id(schema), id(document))
    kept = _POSITIONS.get(key)
    if kept is not None:
        _POSITIONS.move_to_end(key)
        return kept[2]
    found = _find_positions(schema, document)
    _POSITIONS[key] = (schema, document, found)
    while len(_POSITIONS) > POSITIONS_KEPT:
        _POSITIONS.popitem(last=False)
    return found


def _find_positions(schema: GraphQLSchema, document: DocumentNode) -> tuple[tuple[FieldNode, GraphQLField], ...]:
    info = TypeInfo(schema)
    found: list[tuple[FieldNode, GraphQLField]] = []

    class Fields(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            field = info.get_field_def()
            if field is not None and node.arguments and any(_has_strings(a.type) for a in field.args.values()):
                found.append((node, field))

    visit(document, TypeInfoVisitor(info, Fields()))
    return tuple(found)


def check(schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None,
          operation_name: str | None) -> GraphQLError | None:
    """The first over-long string of the request, as a request error; None when every one fits."""
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        ops = [o for o in ops if o.name is not None and o.name.value == operation_name]
    if len(ops) != 1:
        return None  # graphql-core reports it
    coerced = get_variable_values(schema, ops[0].variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None  # invalid variables: graphql-core reports them
    for node, field in _positions(schema, document):
        try:
            args = get_argument_values(field, node, coerced)
        except GraphQLError:
            continue  # graphql-core reports it, or the field is in a fragment this operation does not use
        try:
            for name, arg in field.args.items():
                key = arg.out_name or name
                if key in args and _has_strings(arg.type):
                    _walk(args[key], arg.type, _declared(arg), [name])
        except TooLong as long:
            where = ".".join(long.path)
            return GraphQLError(
                f"{node.name.value} 的参数 {where} 过长：最多 {long.limit} 个字符，收到 {long.length} 个",
                node, extensions={"code": CODE, "field": long.path, "maxLength": long.limit},
            )
    return None


class StringLengths(SchemaExtension):
    """Refuses a request with an over-long string before it executes (see the module)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.result is None:
            error = check(ctx.schema._schema, ctx.graphql_document, ctx.variables, ctx.operation_name)
            if error is not None:
                ctx.result = ExecutionResult(data=None, errors=[error])
        yield
