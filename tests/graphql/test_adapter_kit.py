"""The graph layer's adapter kit (server/graphql/core): one global-ID parser, one ``resolve_nodes``,
one conversion of domain errors into payload errors, and enums derived from the domain's.

The error-code check is static and needs no database: from every mutation's resolver it follows the
calls into server/ (functions and methods named through module-level objects, lambdas and nested
functions included), collects the code of every ``DomainError(...)`` that can be raised on the way,
and fails when one is not a member of the payload's error-code enum, which at run time would be a
masked ``INTERNAL`` instead of a payload error.
"""

from __future__ import annotations

import ast
import base64
import builtins
import inspect
import re
import textwrap
import types
from collections.abc import Callable
from typing import Any

import pytest
from strawberry import relay
from strawberry.types.base import get_object_definition

from server.domain.cases import states
from server.domain.errors import DomainError, DomainErrors
from server.graphql.cases.types import CaseAction, CaseError, CaseErrorCode, CaseStatus
from server.graphql.core.errors import (
    UnmappedErrorCode,
    attempt,
    code_values,
    codes_of,
    error_type_of,
    payload_errors,
)
from server.graphql.core.relay import (
    MAX_ROW_ID,
    NO_CODE,
    NO_ROW,
    domain_code,
    domain_id,
    optional_domain_id,
    parse_global_id,
    resolve_nodes,
)
from server.graphql.schema import build_schema
from server.settings import ROOT, Settings
from tests.conftest import GraphQLClient
from tests.factories import citizen, citizen_client

SCHEMA = build_schema(Settings())
GRAPHQL = ROOT / "server" / "graphql"


def gid(type_name: str, node_id: object) -> str:
    return str(relay.GlobalID(type_name, str(node_id)))


# --- one global-ID parser ----------------------------------------------------------------------------


def test_a_global_id_of_the_expected_type_gives_its_id() -> None:
    assert domain_id(relay.GlobalID("Case", "42"), "Case") == 42
    assert domain_id(gid("Case", 42), "Case") == 42  # its string
    assert domain_id(gid("Citizen", 7), ("Citizen", "Enterprise")) == 7
    assert domain_code(gid("Department", "371500-XZSPJ"), "Department") == "371500-XZSPJ"
    assert optional_domain_id(None, "Case") is None
    ref = parse_global_id(gid("Enterprise", 3), ("Citizen", "Enterprise"))
    assert ref is not None and (ref.type_name, ref.node_id) == ("Enterprise", "3")


@pytest.mark.parametrize("value", [
    gid("ServiceItem", 42),  # another type
    gid("Case", "abc"),  # not a number
    gid("Case", "-3"), gid("Case", "0"), gid("Case", "4.2"), gid("Case", " 42"),
    gid("Case", "٤٢"),  # Arabic-Indic digits: str.isdigit() says yes, the database does not
    gid("Case", MAX_ROW_ID + 1), gid("Case", 10**30),  # beyond any primary key (PostgreSQL would refuse)
    "not-a-global-id", base64.b64encode(b"no colon").decode(), "",
])
def test_anything_else_names_no_row(value: str) -> None:
    assert domain_id(value, "Case") == NO_ROW
    assert NO_ROW and NO_ROW < 0  # truthy, so never taken for "not given"; no row has it


def test_a_code_of_another_type_names_no_code() -> None:
    assert domain_code(gid("Region", "371500"), "Department") == NO_CODE
    assert domain_code(gid("Department", ""), "Department") == NO_CODE
    assert NO_CODE  # truthy: a filter given it filters (to nothing)


def test_the_parser_is_the_only_one() -> None:
    """Nothing in server/graphql but core/relay.py looks inside a global ID."""
    pattern = re.compile(r"\.node_id\b|\.type_name\b|from_base64|GlobalID\.from_id|b64decode")
    offenders = []
    for path in sorted(GRAPHQL.rglob("*.py")):
        if path.relative_to(GRAPHQL).as_posix() in ("core/relay.py",):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and "decode_key" not in line and "urlsafe_b64decode(cursor" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "parse global IDs with server.graphql.core.relay (domain_id, parse_global_id):\n" + \
        "\n".join(offenders)


# --- one resolve_nodes -------------------------------------------------------------------------------


async def test_resolve_nodes_fetches_once_and_answers_in_order() -> None:
    calls: list[list[int]] = []

    async def fetch(ids: list[int]) -> dict[int, str]:
        calls.append(ids)
        return {i: f"row{i}" for i in ids if i != 2}

    got = await resolve_nodes(["1", "2", "x", "1", 3], fetch=fetch, build=lambda r: r.upper())
    assert got == ["ROW1", None, None, "ROW1", "ROW3"]
    assert calls == [[1, 2, 3]]
    assert await resolve_nodes(["x", "-1"], fetch=fetch, build=str) == [None, None] and len(calls) == 1
    assert await resolve_nodes(["1"], fetch=fetch, build=lambda r: None) == [None]  # build may decline
    with pytest.raises(DomainError):
        await resolve_nodes(["2"], fetch=fetch, build=str, required=True)


def _node_types() -> list[type]:
    out = []
    for t in SCHEMA.schema_converter.type_map.values():
        definition = getattr(t, "definition", None)
        origin = getattr(definition, "origin", None)
        if isinstance(origin, type) and issubclass(origin, relay.Node) and not getattr(definition, "is_interface", False):
            out.append(origin)
    return out


def test_every_node_type_resolves_through_the_helper() -> None:
    node_types = _node_types()
    assert len(node_types) >= 15
    lacking = []
    for t in node_types:
        own = t.__dict__.get("resolve_nodes")
        source = inspect.getsource(own.__func__) if own is not None else ""
        if "await resolve_nodes(" not in source:
            lacking.append(t.__name__)
    assert not lacking, f"Node types whose resolve_nodes does not use core.relay.resolve_nodes: {lacking}"


# --- one conversion of domain errors -----------------------------------------------------------------


def test_domain_errors_become_payload_errors() -> None:
    [one] = payload_errors(CaseError, DomainError("INVALID_STATE", "办件已办结", ["caseId"]))
    assert (one.code, one.message, one.field) == (CaseErrorCode.INVALID_STATE, "办件已办结", ["caseId"])
    many = payload_errors(CaseError, DomainErrors([DomainError("INVALID", "一"), DomainError("MISSING_MATERIAL", "二")]))
    assert [e.code for e in many] == [CaseErrorCode.INVALID, CaseErrorCode.MISSING_MATERIAL]


def test_a_code_outside_the_enum_is_named_as_the_bug_it_is() -> None:
    with pytest.raises(UnmappedErrorCode, match="NO_SUCH_CODE.*CaseErrorCode"):
        payload_errors(CaseError, DomainError("NO_SUCH_CODE", "？"))


async def test_attempt_returns_the_value_or_the_errors() -> None:
    async def ok() -> int:
        return 1

    async def bad() -> int:
        raise DomainError("CONFLICT", "办件刚被他人处理")

    assert await attempt(ok, CaseError) == (1, [])
    value, errors = await attempt(bad, CaseError)
    assert value is None and [e.code for e in errors] == [CaseErrorCode.CONFLICT]


def _mutation_fields() -> list[Any]:
    return list(get_object_definition(SCHEMA.mutation, strict=True).fields)


def _payload_mutations() -> dict[str, tuple[Callable[..., Any], type]]:
    out = {}
    for f in _mutation_fields():
        try:
            error_type = error_type_of(f.type)
        except TypeError:
            continue
        out[SCHEMA.config.name_converter.get_graphql_name(f)] = (f.base_resolver.wrapped_func, error_type)
    return out


PAYLOAD_MUTATIONS = _payload_mutations()


def test_every_mutation_answers_in_the_payload_shape() -> None:
    names = {SCHEMA.config.name_converter.get_graphql_name(f) for f in _mutation_fields()}
    assert set(PAYLOAD_MUTATIONS) == names, f"mutations without errors: [XError!]!: {names - set(PAYLOAD_MUTATIONS)}"


def test_error_code_enums_name_their_codes() -> None:
    """``XErrorCode.NAME`` has the value "NAME": the code the domain raises is the GraphQL name."""
    for _resolver, error_type in PAYLOAD_MUTATIONS.values():
        enum = codes_of(error_type)
        assert [m.name for m in enum] == [m.value for m in enum], enum.__name__


# --- the static walk: which codes can a mutation's resolver raise? ---------------------------------------

_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _lookup(expr: ast.expr, scope: dict[str, Any]) -> Any:
    """The object a Name or a chain of attributes names, without running anything else."""
    if isinstance(expr, ast.Constant):
        return expr.value
    if isinstance(expr, ast.Name):
        if expr.id in scope:
            return scope[expr.id]
        if hasattr(builtins, expr.id):
            return getattr(builtins, expr.id)
        raise LookupError(expr.id)
    if isinstance(expr, ast.Attribute):
        return getattr(_lookup(expr.value, scope), expr.attr)
    raise LookupError(ast.dump(expr))


def _resolve(expr: ast.expr, scope: dict[str, Any]) -> Any:
    try:
        return _lookup(expr, scope)
    except (LookupError, AttributeError):
        return None


class CodeWalk:
    """Follows calls from a function into code whose module starts with one of ``within``."""

    def __init__(self, within: tuple[str, ...] = ("server.",)) -> None:
        self.within = within
        self.seen: set[Any] = set()
        self.codes: dict[str, str] = {}  # code -> where it is raised

    def _ours(self, obj: Any) -> bool:
        return str(getattr(obj, "__module__", "") or "").startswith(self.within)

    def _targets(self, obj: Any) -> list[Any]:
        if isinstance(obj, type):
            if issubclass(obj, BaseException) or not self._ours(obj):
                return []
            return [m for m in (obj.__dict__.get("__init__"), obj.__dict__.get("__post_init__")) if m is not None]
        if isinstance(obj, (classmethod, staticmethod)):
            obj = obj.__func__
        if isinstance(obj, types.MethodType):
            obj = obj.__func__
        obj = inspect.unwrap(obj) if callable(obj) else obj
        if isinstance(obj, types.FunctionType) and self._ours(obj):
            return [obj]
        return []

    def visit(self, fn: Callable[..., Any]) -> None:
        fn = inspect.unwrap(fn)
        code = getattr(fn, "__code__", None)
        if code is None or code in self.seen:
            return
        self.seen.add(code)
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
        except (OSError, TypeError, SyntaxError):
            return
        scope = dict(fn.__globals__)
        if fn.__closure__:
            scope.update({n: c.cell_contents for n, c in zip(fn.__code__.co_freevars, fn.__closure__, strict=True)
                          if _has_contents(c)})
        where = f"{fn.__module__}.{fn.__qualname__}"
        for node in _calls(tree, scope):
            callee = _resolve(node.func, scope)
            if isinstance(callee, type) and issubclass(callee, DomainError):
                self._raised(node, scope, tree, where)
                continue
            for target in self._targets(callee):
                self.visit(target)

    def _raised(self, call: ast.Call, scope: dict[str, Any], tree: ast.AST, where: str) -> None:
        arg = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "code"), None)
        value = _resolve(arg, scope) if arg is not None else None
        if isinstance(value, str):
            self.codes.setdefault(value, where)
            return
        # a computed code (a variable, a helper's parameter): every code constant the function names
        for node in ast.walk(tree):
            if isinstance(node, (ast.Name, ast.Attribute)):
                v = _resolve(node, scope)
                if isinstance(v, str) and _CODE.match(v) and _names_a_constant(node):
                    self.codes.setdefault(v, where)


def _calls(tree: ast.AST, scope: dict[str, Any]) -> list[ast.Call]:
    """The calls in ``tree``, less those in a ``try`` whose handler swallows domain errors (catches
    DomainError or a base of it and does not raise again)."""
    out: list[ast.Call] = []

    def swallows(handler: ast.ExceptHandler) -> bool:
        if any(isinstance(n, ast.Raise) for n in ast.walk(handler)):
            return False
        if handler.type is None:
            return True
        caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        for c in caught:
            t = _resolve(c, scope)
            if isinstance(t, type) and issubclass(DomainError, t):
                return True
        return False

    def walk(node: ast.AST) -> None:
        if isinstance(node, ast.Try) and any(swallows(h) for h in node.handlers):
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                walk(child)
            return
        if isinstance(node, ast.Call):
            out.append(node)
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(tree)
    return out


def _has_contents(cell: Any) -> bool:
    try:
        _ = cell.cell_contents
    except ValueError:
        return False
    return True


def _names_a_constant(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else node.id  # type: ignore[attr-defined]
    return bool(_CODE.match(name))


def raised_codes(fn: Callable[..., Any], within: tuple[str, ...] = ("server.",)) -> dict[str, str]:
    walk = CodeWalk(within)
    walk.visit(fn)
    return walk.codes


@pytest.mark.parametrize("name", sorted(PAYLOAD_MUTATIONS))
def test_every_code_a_mutation_can_raise_is_in_its_error_enum(name: str) -> None:
    resolver, error_type = PAYLOAD_MUTATIONS[name]
    raised = raised_codes(resolver)
    missing = {code: where for code, where in raised.items() if code not in code_values(error_type)}
    assert not missing, (
        f"{name} can raise domain errors whose codes {codes_of(error_type).__name__} lacks (each would be an "
        f"INTERNAL instead of a payload error): "
        + "; ".join(f"{c} (raised in {w})" for c, w in sorted(missing.items()))
    )


def test_the_walk_sees_what_a_mutation_calls() -> None:
    """The walk is not vacuous: it follows acceptCase into the cases domain."""
    resolver, _ = PAYLOAD_MUTATIONS["acceptCase"]
    assert {"NOT_FOUND", "NOT_ALLOWED", "INVALID_STATE"} <= set(raised_codes(resolver))


def _drifted_domain_call() -> None:
    raise DomainError("BRAND_NEW_CODE", "新的错误")


def _computed_code(flag: bool) -> None:
    code = "FIRST_CODE" if flag else SECOND_CODE
    raise DomainError(code, "两种错误之一")


SECOND_CODE = "SECOND_CODE"


async def _drifted_resolver() -> Any:
    return await attempt(lambda: _drifted_domain_call(), CaseError)  # type: ignore[arg-type, return-value]


def test_the_walk_catches_a_drift() -> None:
    """A planted domain function raising a code CaseErrorCode lacks is found through a lambda."""
    found = raised_codes(_drifted_resolver, within=("server.", __name__))
    assert "BRAND_NEW_CODE" in found and "BRAND_NEW_CODE" not in code_values(CaseError)
    assert "SECOND_CODE" in raised_codes(_computed_code, within=(__name__,))


# --- enums derived from the domain ---------------------------------------------------------------------


def test_case_status_is_the_domain_status() -> None:
    assert [(m.name, m.value) for m in CaseStatus] == [(s.name, s.value) for s in states.Status]
    definition = CaseStatus.__strawberry_definition__  # type: ignore[attr-defined]
    assert {v.name: v.description for v in definition.values} == {s.name: d for s, d in states.DESCRIPTIONS.items()}
    assert CaseStatus("under_review") is CaseStatus["UNDER_REVIEW"]  # rows map straight onto it


def test_case_action_is_the_domain_action() -> None:
    assert [(m.name, m.value) for m in CaseAction] == [(a.name, a.value) for a in states.Action]
    definition = CaseAction.__strawberry_definition__  # type: ignore[attr-defined]
    assert {v.name: v.description for v in definition.values} == {a.name: d for a, d in states.ACTIONS.items()}


def test_the_schema_keeps_the_case_status_names() -> None:
    """The mobile contract reads CaseStatus by name: the derived enum prints the same values."""
    sdl = (ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8")
    block = re.search(r"enum CaseStatus \{(.*?)\}", sdl, re.S)
    assert block is not None
    names = [line.strip() for line in block.group(1).splitlines() if _CODE.match(line.strip())]
    assert names == [s.name for s in states.Status]


# --- over HTTP: wrong-type IDs are IDs of nothing ----------------------------------------------------

NODE = "query($id: ID!) { node(id: $id) { id } case(id: $id) { id } serviceItem(id: $id) { id } }"


@pytest.mark.parametrize(("value", "a_node"), [
    (gid("Case", "abc"), False), (gid("Case", 10**12), False), (gid("NoSuchType", 1), False),
    (gid("Region", "371500"), True),  # a node, but neither a case nor an item
])
async def test_lookups_answer_null_for_ids_of_nothing(gql: GraphQLClient, value: str, a_node: bool) -> None:
    data = await gql(NODE, {"id": value}, token=await gql.login("city_admin"))
    assert data["case"] is None and data["serviceItem"] is None
    assert (data["node"] is not None) == a_node


WRONG = gid("PermissionMatrix", 1)
MUTATIONS_WITH_IDS = {
    "withdrawCase": ("citizen", {"caseId": WRONG, "reason": "测试"}),
    "submitApplication": ("citizen", {"idempotencyKey": "adapter-kit-0001", "application": {
        "itemId": WRONG, "enterpriseId": WRONG, "materials": [{"materialKey": 1, "uploadId": WRONG}]}}),
    "saveApplicationDraft": ("citizen", {"draftId": WRONG, "application": {"itemId": WRONG}}),
    "addEnterpriseOperator": ("citizen", {"enterpriseId": WRONG, "phone": "13800000000"}),
    "bookAppointment": ("citizen", {"hallCode": "371500-ZWFWZX", "itemId": WRONG, "date": "2030-01-02",
                                    "start": "09:00"}),
    "cancelAppointment": ("citizen", {"appointmentId": WRONG}),
    "revokeMandate": ("citizen", {"id": WRONG, "reason": "测试"}),
    "updateStaffUser": ("city_admin", {"id": WRONG, "displayName": "测试"}),
    "revokeApiKey": ("city_admin", {"id": WRONG}),
    "createMandate": ("city_admin", {"principalCitizenId": WRONG, "agentId": WRONG, "allItems": True,
                                     "validFrom": "2030-01-01", "validTo": "2030-01-02"}),
    "retryNotification": ("city_admin", {"id": WRONG}),
    "revealPersonalData": ("city_clerk", {"subjectId": WRONG, "fields": ["NAME"], "reason": "核对申请人身份"}),
    "publishServiceItem": ("city_admin", {"id": WRONG}),
    "acceptCase": ("city_clerk", {"caseId": WRONG}),
}


async def test_wrong_type_ids_in_mutations_are_payload_errors(gql: GraphQLClient, settings: Settings) -> None:
    """An ID of another type is the ID of nothing: the domain answers in the payload, in Chinese,
    with a code of the payload's enum; never a top-level or internal error."""
    clients = {"citizen": await citizen_client(gql, settings, await citizen()),
               "city_admin": await gql.as_user("city_admin"), "city_clerk": await gql.as_user("city_clerk")}
    root = SCHEMA._schema.mutation_type
    assert root is not None
    for name, (who, value) in MUTATIONS_WITH_IDS.items():
        arg = root.fields[name].args["input"].type
        body = await clients[who](
            f"mutation($i: {arg}) {{ {name}(input: $i) {{ errors {{ field message code }} }} }}", {"i": value},
            expect_errors=True,
        )
        assert "errors" not in body, (name, body)
        errors = body["data"][name]["errors"]
        assert errors and all(re.search(r"[\u4e00-\u9fff]", e["message"]) for e in errors), (name, errors)
