"""Appointment tables: a booking of one citizen for one item in one time slot of a hall, and the
per-slot counter that guards the slot's capacity (a conditional UPDATE, never load-then-check).

Scoping columns (hall, region, item, citizen) are plain copies, as on cases: equality, indexable.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Appointment(Model):
    """One booked visit to a hall, for one item, in one 30-minute slot of one working day."""

    id = fields.BigIntField(primary_key=True)
    hall_code = fields.CharField(max_length=24)
    hall_name = fields.CharField(max_length=64)  # copied at booking (lists and reminders need no join)
    region_code = fields.CharField(max_length=12)  # the hall's region: its working calendar
    item_id = fields.IntField()
    item_name = fields.CharField(max_length=128)  # the published name at booking
    department_code = fields.CharField(max_length=24)
    citizen_id = fields.IntField()
    day = fields.DateField()
    start = fields.CharField(max_length=5)  # "09:00", China time
    end = fields.CharField(max_length=5)  # "09:30"
    status = fields.CharField(max_length=12, default="booked")  # booked | cancelled | attended | missed
    # "<citizen>:<item>:<day>" while booked, NULL otherwise: one active booking per citizen, item and day
    active_key = fields.CharField(max_length=64, null=True, unique=True)
    note = fields.TextField(default="")
    cancel_reason = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    cancelled_at = fields.DatetimeField(null=True)
    reminded_at = fields.DatetimeField(null=True)
    attended_at = fields.DatetimeField(null=True)  # checked in at the window
    checked_in_by_id = fields.IntField(null=True)

    class Meta:
        table = "appointment"
        indexes = (
            Index(fields=("hall_code", "day", "start")),
            Index(fields=("citizen_id", "day")),
            Index(fields=("status", "day")),
        )


class AppointmentSlotCount(Model):
    """How many active bookings one slot of one hall holds (the capacity guard)."""

    id = fields.BigIntField(primary_key=True)
    hall_code = fields.CharField(max_length=24)
    day = fields.DateField()
    start = fields.CharField(max_length=5)
    booked = fields.IntField(default=0)

    class Meta:
        table = "appointment_slot_count"
        unique_together = (("hall_code", "day", "start"),)


class HallExtraSlot(Model):
    """延时、周末服务: one extra 30-minute slot a hall publishes, outside its regular hours or on a day off."""

    id = fields.BigIntField(primary_key=True)
    hall_code = fields.CharField(max_length=24)
    day = fields.DateField()
    start = fields.CharField(max_length=5)
    end = fields.CharField(max_length=5)
    kind = fields.CharField(max_length=16)  # extended_hours | weekend
    capacity = fields.IntField()
    created_by_id = fields.IntField()

    class Meta:
        table = "hall_extra_slot"
        unique_together = (("hall_code", "day", "start"),)
