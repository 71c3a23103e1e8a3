"""Shared GraphQL machinery: errors, permissions, relay helpers, limits, the HTTP view."""
