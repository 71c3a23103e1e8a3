"""Which fields a query selects below the current one (fragments included), to prefetch them."""

from __future__ import annotations

from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField


def _walk(selections: list[Any], out: set[str]) -> None:
    for sel in selections:
        if isinstance(sel, SelectedField):
            out.add(sel.name)
            _walk(sel.selections, out)
        elif isinstance(sel, (InlineFragment, FragmentSpread)):
            _walk(sel.selections, out)


def _descend(selections: list[Any], name: str) -> list[Any]:
    found: list[Any] = []
    for sel in selections:
        if isinstance(sel, SelectedField) and sel.name == name:
            found += sel.selections
        elif isinstance(sel, (InlineFragment, FragmentSpread)):
            found += _descend(sel.selections, name)
    return found


def selected_below(info: Any, *path: str) -> set[str]:
    """Names of every field selected under ``path`` (e.g. "edges", "node") of the current field."""
    selections: list[Any] = []
    for field in info.selected_fields:
        selections += field.selections
    for name in path:
        selections = _descend(selections, name)
    out: set[str] = set()
    _walk(selections, out)
    return out
