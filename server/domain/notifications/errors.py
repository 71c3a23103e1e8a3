"""Error codes of notifications (the GraphQL layer exposes them as NotificationErrorCode)."""

NOT_ALLOWED = "NOT_ALLOWED"  # not signed in, or not a city admin (the outbox is theirs only)
INVALID = "INVALID"
NOT_FOUND = "NOT_FOUND"
INVALID_STATE = "INVALID_STATE"  # only a failed or dead notification is retried; a sign-in code never is
