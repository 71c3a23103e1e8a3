"""A faster path through graphql-core for the plain leaves of an object.

A page of the catalogue completes thousands of fields such as ``Material.name`` or
``Material.necessity``: attribute reads followed by scalar or enum serialisation. graphql-core
walks each one through ``execute_field`` (resolve info, resolver wrapper, awaitable checks,
``complete_value``), which costs more than the data. When every field selected on an object is a
basic Strawberry field (no resolver, no arguments, no permission or extension) of a leaf type or a
list of leaves, :class:`FastLeafExecutionContext` reads the attributes and serialises them
directly. Anything unusual on the way (a null where the schema says non-null, a value that does
not serialise) hands the object back to graphql-core, which then reports it exactly as it would
have. An object with some such fields among others (a page's item: its name, codes and flags beside
its department and situations) reads those directly and leaves the others to ``execute_field``, in
the selection's order, awaited as graphql-core awaits them. Results are the same by construction;
tests compare both executors on the same queries.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
)
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

_BACKREF = "strawberry-definition"
_NO_PLAN = object()


class _Fallback(Exception):
    """The fast path declines: graphql-core completes the object instead."""


def _leaf(t: Any) -> tuple[Any, bool] | None:
    """(leaf type, nullable) for Scalar/Enum, possibly non-null; None otherwise."""
    nullable = not isinstance(t, GraphQLNonNull)
    inner = t.of_type if not nullable else t
    if isinstance(inner, (GraphQLScalarType, GraphQLEnumType)):
        return inner, nullable
    return None


def _plan_field(parent_type: GraphQLObjectType, details: Any) -> tuple[Any, ...] | None:
    node = details[0].node
    if len(details) != 1 or node.arguments or node.directives or node.selection_set is not None:
        return None
    field_def = parent_type.fields.get(node.name.value)
    if field_def is None or field_def.args:
        return None
    definition = (field_def.extensions or {}).get(_BACKREF)
    if definition is None or not getattr(definition, "is_basic_field", False):
        return None
    if getattr(field_def.resolve, "__name__", "") != "_get_basic_result":
        return None
    attr = definition.python_name
    leaf = _leaf(field_def.type)
    if leaf is not None:
        return (attr, leaf[0], leaf[1], None)
    outer = field_def.type
    list_nullable = not isinstance(outer, GraphQLNonNull)
    inner = outer if list_nullable else outer.of_type
    if isinstance(inner, GraphQLList):
        item = _leaf(inner.of_type)
        if item is not None and not item[1]:  # lists of non-null leaves only
            return (attr, item[0], list_nullable, "list")
    return None


def _serialise(leaf: Any, value: Any) -> Any:
    out = leaf.coerce_output_value(value)
    if out is Undefined or out is None:
        raise _Fallback
    return out


def _fast_value(source: Any, step: tuple[Any, ...]) -> Any:
    attr, leaf, nullable, kind = step
    value = getattr(source, attr)
    if value is None:
        if not nullable:
            raise _Fallback
        return None
    if kind is None:
        return _serialise(leaf, value)
    return [_serialise(leaf, v) for v in value]


class FastLeafExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # per request: grouped field sets are memoised by graphql-core for the request, so their
        # identity is a stable key while the request runs
        self._plans: dict[int, Any] = {}

    def _plan(self, parent_type: GraphQLObjectType, grouped: Any) -> Any:
        """``(True, steps)`` when every selected field is a plain leaf; ``(False, fields)`` when
        some are (each with its step, or None for the stock machinery); else ``_NO_PLAN``."""
        key = id(grouped)
        plan = self._plans.get(key)
        if plan is None:
            fields: list[tuple[str, Any, tuple[Any, ...] | None]] = [
                (response_name, details, _plan_field(parent_type, details)) for response_name, details in grouped.items()
            ]
            fast = sum(step is not None for _, _, step in fields)
            middleware = self.middleware_manager is not None and bool(self.middleware_manager.middlewares)
            if middleware or not fast:
                built: Any = _NO_PLAN
            elif fast == len(fields):
                built = (True, [(response_name, *step) for response_name, _, step in fields if step is not None])
            else:
                built = (False, fields)
            self._plans[key] = (grouped, built)  # keep grouped alive so its id stays unique
            return built
        return plan[1]

    def execute_fields(
        self, parent_type: GraphQLObjectType, source_value: Any, path: Any, grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        plan = self._plan(parent_type, grouped_field_set)
        if plan is _NO_PLAN:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        every, steps = plan
        if every:
            try:
                out: dict[str, Any] = {}
                for response_name, attr, leaf, nullable, kind in steps:
                    value = getattr(source_value, attr)
                    if value is None:
                        if not nullable:
                            raise _Fallback
                        out[response_name] = None
                    elif kind is None:
                        out[response_name] = _serialise(leaf, value)
                    else:
                        out[response_name] = [_serialise(leaf, v) for v in value]
                return out
            except Exception:  # noqa: BLE001 - graphql-core redoes it and reports any error itself
                return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        return self._execute_mixed(parent_type, source_value, path, steps, position_context)

    def _execute_mixed(
        self, parent_type: GraphQLObjectType, source_value: Any, path: Any, fields: list[tuple[Any, ...]],
        position_context: Any,
    ) -> Any:
        """graphql-core's ``execute_fields`` (same order, same awaiting), with the plain leaves read
        and serialised directly; a leaf that does not serialise goes through ``execute_field``,
        which reports it as graphql-core would."""
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, details, step in fields:
                if step is not None:
                    try:
                        results[response_name] = _fast_value(source_value, step)
                        continue
                    except Exception:  # noqa: BLE001, S112 - the stock path below reports it
                        pass
                result = self.execute_field(
                    parent_type, source_value, details, Path(path, response_name, parent_type.name), position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[f] for f in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                results[awaitable_fields[0]] = await results[awaitable_fields[0]]
            else:
                awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()
