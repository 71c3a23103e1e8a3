"""Query limits (DESIGN.md rule 13): depth, tokens, aliases, directives; no introspection in production.

Strawberry ships depth, token and alias limits; the directive limit is a validation rule of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import DirectiveNode, GraphQLError, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

from server.settings import Settings


def directive_limit_rule(max_directives: int) -> type[ValidationRule]:
    class MaxDirectives(ValidationRule):
        """At most ``max_directives`` directives in one document (repeated @include/@skip is a DoS)."""

        count = 0

        def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
            self.count += 1
            if self.count == max_directives + 1:
                self.report_error(
                    GraphQLError(f"指令数量超过上限 {max_directives}", node, extensions={"code": "TOO_MANY_DIRECTIVES"})
                )

    return MaxDirectives


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories: Strawberry builds fresh extensions per request (the caches are shared)."""
    directive_rule = directive_limit_rule(settings.max_directives)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: ParserCache(maxsize=512),
        lambda: QueryDepthLimiter(max_depth=settings.max_depth),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: AddValidationRules([directive_rule]),
        lambda: ValidationCache(maxsize=512),
    ]
    if settings.production:
        extensions.append(DisableIntrospection)
    return extensions
