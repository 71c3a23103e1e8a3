"""Working time: the per-date calendar (holidays, 调休 make-up days) and the one calendar service."""
