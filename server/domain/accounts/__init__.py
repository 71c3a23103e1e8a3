"""Staff accounts, roles and bearer tokens."""
