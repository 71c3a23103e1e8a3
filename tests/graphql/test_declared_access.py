"""Authorization is declared on every root field (DESIGN.md rule 9).

Walks the built schema: each field of Query, Mutation and Subscription carries permission classes
(``permission_classes=[...]``, each an ``ActorPermission``, so a refusal is the one answer of the
README's "谁在调用：一种回答") or is named in ``PUBLIC`` in server/graphql/core/permissions.py; a field
that is neither fails. The test runs on the schema alone (no database); the answers themselves, over
HTTP for every caller, are tests/graphql/test_permission_matrix.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLError
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types.base import get_object_definition

from server.graphql.core.permissions import PUBLIC, ActorPermission
from server.graphql.schema import build_schema
from server.settings import Settings

SCHEMA = build_schema(Settings())
ROOTS = {"Query": SCHEMA.query, "Mutation": SCHEMA.mutation, "Subscription": SCHEMA.subscription}


def _root_fields() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for root, cls in ROOTS.items():
        definition = get_object_definition(cls, strict=True)
        for f in definition.fields:
            out[f"{root}.{SCHEMA.config.name_converter.get_graphql_name(f)}"] = f
    return out


FIELDS = _root_fields()


def _permissions(field: Any) -> list[BasePermission]:
    return [p for e in field.extensions if isinstance(e, PermissionExtension) for p in e.permissions]


def test_the_walk_sees_every_root_field_of_the_built_schema() -> None:
    graphql_schema = SCHEMA._schema
    names = set()
    for root, t in (("Query", graphql_schema.query_type), ("Mutation", graphql_schema.mutation_type),
                    ("Subscription", graphql_schema.subscription_type)):
        assert t is not None
        names |= {f"{root}.{n}" for n in t.fields}
    assert names == set(FIELDS)


def test_every_root_field_declares_who_may_call_it_or_is_public() -> None:
    undeclared = sorted(name for name, f in FIELDS.items() if name not in PUBLIC and not _permissions(f))
    assert not undeclared, (
        "these root fields declare no permission classes and are not listed as public: "
        + ", ".join(undeclared)
        + "\nadd permission_classes=[...], or, if anybody may call it, add it to PUBLIC in "
        "server/graphql/core/permissions.py"
    )


def test_public_fields_exist_and_declare_nothing() -> None:
    stale = sorted(PUBLIC - set(FIELDS))
    assert not stale, f"PUBLIC names fields the schema does not have: {stale}"
    both = sorted(name for name in PUBLIC if _permissions(FIELDS[name]))
    assert not both, f"public fields with permission classes (choose one): {both}"


def test_public_mutations_are_only_the_sign_in_ones() -> None:
    """Anybody may sign in, and complain (吐槽找茬, issue 18: anonymous complaints, limited per address,
    and the complainant's answer to the reply by number and query code); nothing else anonymous writes
    but the rating through an SMS or QR link (issue 18: a case's, or a bundle's SMS link), whose signed, single-use, expiring token is the
    credential."""
    assert sorted(n for n in PUBLIC if n.startswith("Mutation.")) == [
        "Mutation.login", "Mutation.rateBundleByLink", "Mutation.rateCaseByLink", "Mutation.refreshTokens",
        "Mutation.requestSmsCode", "Mutation.respondToComplaint", "Mutation.signInWithSmsCode", "Mutation.submitComplaint",
    ]


def test_every_permission_is_an_actor_permission() -> None:
    """Only :class:`ActorPermission` refuses with the code that follows the caller; a bare Strawberry
    ``BasePermission`` would answer its class's fixed code (the four shapes of issue 15)."""
    odd = sorted({f"{name}: {type(p).__name__}" for name, f in FIELDS.items() for p in _permissions(f)
                  if not isinstance(p, ActorPermission)})
    assert not odd, f"permission classes that are not ActorPermission: {odd}"
    lenient = sorted(name for name, f in FIELDS.items() for e in f.extensions
                     if isinstance(e, PermissionExtension) and e.fail_silently)
    assert not lenient, f"fields that answer a refused caller with a silent null: {lenient}"


@pytest.mark.parametrize("name", sorted(n for n, f in FIELDS.items() if _permissions(f)))
def test_permissions_allow_or_refuse_in_one_shape(name: str) -> None:
    """Each permission decides on the caller alone: True, or the one refusal, UNAUTHENTICATED for
    nobody and FORBIDDEN for somebody, with a Chinese message."""
    from server.domain.accounts.roles import ANONYMOUS, Actor, Role

    callers = [ANONYMOUS, Actor(citizen_id=1), Actor(api_key_id=1, partner_kind="county_system"),
               *(Actor(user_id=1, roles=frozenset({r}), region_code="371500", region_path="/37/3715/371500/")
                 for r in Role)]

    class Info:
        def __init__(self, actor: Actor) -> None:
            self.context = type("Context", (), {"actor": actor})()

    for p in _permissions(FIELDS[name]):
        for actor in callers:
            try:
                answer = p.has_permission(None, Info(actor))  # type: ignore[arg-type]
            except GraphQLError as refusal:
                expected = "UNAUTHENTICATED" if actor is ANONYMOUS else "FORBIDDEN"
                assert (refusal.extensions or {}).get("code") == expected, (name, type(p).__name__, actor)
                assert any("\u4e00" <= ch <= "\u9fff" for ch in refusal.message), (name, refusal.message)
            else:
                assert answer is True, (name, type(p).__name__, actor)
