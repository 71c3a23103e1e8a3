"""Error codes of complaints and assistance requests (the graph exposes them as ComplaintErrorCode)."""

INVALID = "INVALID"
NOT_ALLOWED = "NOT_ALLOWED"
NOT_FOUND = "NOT_FOUND"
INVALID_STATE = "INVALID_STATE"
RATE_LIMITED = "RATE_LIMITED"
TRACKING_LOCKED = "TRACKING_LOCKED"
