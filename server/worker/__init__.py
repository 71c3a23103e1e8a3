"""Background work on arq (Redis): scheduled jobs now, notifications when they land."""
