"""Error codes of the calendar (the GraphQL layer exposes them as CalendarErrorCode)."""

NOT_ALLOWED = "NOT_ALLOWED"
NOT_FOUND = "NOT_FOUND"
INVALID = "INVALID"
