"""The GraphQL layer: thin adapters over server.domain (DESIGN.md rule 1)."""
