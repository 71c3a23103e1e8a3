"""Appointments (预约办理, article 22): time slots of a hall with capacity, bookings, reminders."""
