"""Authorization is declared on every root field (DESIGN.md rule 9).

Walks the built schema: each field of Query, Mutation and Subscription carries permission classes
(``permission_classes=[...]``, ``RefusedInPayload(...)`` or ``RefusedAsNull(...)``, all of them
Strawberry ``PermissionExtension``\\s) or is named in ``PUBLIC`` in server/graphql/core/permissions.py;
a field that is neither fails. The test runs on the schema alone (no database).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types.base import get_object_definition

from server.graphql.core.errors import NOT_ALLOWED, code_values, error_type_of, refusal
from server.graphql.core.permissions import PUBLIC, ActorPermission, RefusedInPayload
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
        + "\nadd permission_classes=[...] (or extensions=[RefusedInPayload(...)] / [RefusedAsNull(...)]), "
        "or, if anybody may call it, add it to PUBLIC in server/graphql/core/permissions.py"
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


@pytest.mark.parametrize("name", sorted(n for n, f in FIELDS.items() if _permissions(f)))
def test_permissions_answer_a_real_bool(name: str) -> None:
    """Each permission decides on the caller alone and returns a bool for every kind of caller."""
    from server.domain.accounts.roles import ANONYMOUS, Actor, Role

    callers = [ANONYMOUS, Actor(citizen_id=1), Actor(api_key_id=1, partner_kind="county_system"),
               *(Actor(user_id=1, roles=frozenset({r}), region_code="371500", region_path="/37/3715/371500/")
                 for r in Role)]

    class Info:
        def __init__(self, actor: Actor) -> None:
            self.context = type("Context", (), {"actor": actor})()

    for p in _permissions(FIELDS[name]):
        for actor in callers:
            assert type(p.has_permission(None, Info(actor))) is bool, (name, type(p).__name__, actor)  # type: ignore[arg-type]


def test_payload_refusals_fit_their_payloads() -> None:
    """A field refused in its payload answers ``XPayload(errors=[XError(code: NOT_ALLOWED)])``."""
    checked = 0
    for name, f in FIELDS.items():
        for e in f.extensions:
            if isinstance(e, RefusedInPayload):
                payload = f.type
                assert NOT_ALLOWED in code_values(error_type_of(payload)), name
                for p in e.permissions:
                    answer = refusal(payload, p.message or ActorPermission.message)
                    [error] = answer.errors
                    assert error.code.value == NOT_ALLOWED and error.field is None and error.message
                checked += 1
    assert checked > 20


@strawberry.enum
class OnlyInvalid(Enum):
    INVALID = "INVALID"


@strawberry.type
class OddError:
    field: list[str] | None
    message: str
    code: OnlyInvalid


@strawberry.type
class OddPayload:
    errors: list[OddError]


@strawberry.type
class OddQuery:
    ok: bool = True


@strawberry.type
class OddMutation:
    @strawberry.mutation(extensions=[RefusedInPayload(ActorPermission)])
    def odd(self) -> OddPayload:
        return OddPayload(errors=[])


def test_refused_in_payload_needs_a_payload_with_not_allowed() -> None:
    """A mutation refused in a payload whose codes lack NOT_ALLOWED does not build."""
    with pytest.raises(TypeError, match="NOT_ALLOWED"):
        strawberry.Schema(query=OddQuery, mutation=OddMutation)
