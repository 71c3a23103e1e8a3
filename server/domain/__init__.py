"""Business logic in plain Python: no GraphQL here (DESIGN.md rule 1)."""
