"""House rules for the table definitions."""

from __future__ import annotations

from tortoise import Tortoise


def test_table_comments_carry_no_semicolons(database: str) -> None:
    # Tortoise's SQLite schema editor splits migration DDL on ';', comments included, and model
    # docstrings become table comments: one semicolon breaks `migrate` on SQLite.
    bad = [
        f"{name}: {model._meta.table_description!r}"
        for app in Tortoise.apps.values()
        for name, model in app.items()
        if ";" in (model._meta.table_description or "")
    ]
    assert bad == []
