"""Query limits (DESIGN.md rule 13): depth, tokens, aliases, directives; no introspection in production.

Strawberry ships depth, token and alias limits; the directive limit is a validation rule of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import ASTValidationRule, DirectiveNode, GraphQLError, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

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


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    """Factories: Strawberry builds fresh extensions per request.

    The validation rules are built once here, not per request: ValidationCache keys its cache on
    (document, rules), and QueryDepthLimiter/MaxAliasesLimiter make new rule classes per instance,
    which would make every request a cache miss.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_validator(settings.max_depth, None),
        alias_validator(settings.max_aliases),
        directive_limit_rule(settings.max_directives),
    ]
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: ParserCache(maxsize=512),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=512),
    ]
    if settings.production:
        extensions.append(DisableIntrospection)
    return extensions
