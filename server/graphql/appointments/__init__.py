"""Appointments (预约): slots of a hall, booking and cancelling, a citizen's and a hall's bookings."""
