"""Error codes of appointments (the GraphQL layer exposes them as AppointmentErrorCode)."""

FULL = "FULL"
INVALID = "INVALID"
NOT_ALLOWED = "NOT_ALLOWED"
NOT_VERIFIED = "NOT_VERIFIED"
NOT_FOUND = "NOT_FOUND"
