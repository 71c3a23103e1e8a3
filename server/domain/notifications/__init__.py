"""Notifications: outbox rows written in the caller's transaction, delivered after commit (issue 5)."""
