"""Background work on arq (Redis): notification delivery, the outbox sweep, the scheduled jobs."""
