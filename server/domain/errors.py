"""The one exception type the domain raises for expected business failures.

A :class:`DomainError` carries an English ``code`` (a member of the mutation's error-code enum),
a Chinese ``message`` for the person, and the input ``field`` path it concerns. The GraphQL layer
turns it into a payload error; anything else that escapes is a bug.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: list[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class DomainErrors(Exception):
    """Several problems found at once (validation reports all of them, not just the first)."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors
