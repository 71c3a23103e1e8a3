"""Error codes of cases (the GraphQL layer exposes them as CaseErrorCode)."""

NOT_ALLOWED = "NOT_ALLOWED"
NOT_FOUND = "NOT_FOUND"
NOT_VERIFIED = "NOT_VERIFIED"  # the applicant has not passed real-name verification
INVALID = "INVALID"
INVALID_FORM = "INVALID_FORM"
INVALID_STATE = "INVALID_STATE"  # the case is not in a state that allows this
CONFLICT = "CONFLICT"  # someone else changed the case first
MISSING_MATERIAL = "MISSING_MATERIAL"
NOT_DEFERRABLE = "NOT_DEFERRABLE"  # a material that may not be missing (容缺 covers secondary ones only)
DISHONEST = "DISHONEST"  # on the dishonesty list: 容缺 refused
CORRECTION_ALREADY_SENT = "CORRECTION_ALREADY_SENT"  # 补正 is told once
ITEM_UNAVAILABLE = "ITEM_UNAVAILABLE"
NO_MANDATE = "NO_MANDATE"
ALREADY_EXTENDED = "ALREADY_EXTENDED"
DEADLINE_TOO_LATE = "DEADLINE_TOO_LATE"
IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"  # a used idempotency key sent with a different request
PERSON_MISMATCH = "PERSON_MISMATCH"  # the name typed at a window is not the name on file for the ID number
TRACKING_LOCKED = "TRACKING_LOCKED"  # too many wrong query codes for one number: public tracking paused
