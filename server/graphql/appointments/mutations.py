"""Booking and cancelling appointments: one input, a payload with errors; the domain checks who asks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.appointments import service
from server.graphql.appointments.types import (
    Appointment,
    AppointmentError,
    BookAppointmentInput,
    BookAppointmentPayload,
    CancelAppointmentInput,
    CancelAppointmentPayload,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import IsCitizen, RefusedInPayload
from server.graphql.core.relay import domain_id

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class AppointmentsMutation:
    @strawberry.mutation(
        description="预约到大厅办理：个人用户本人、已实名认证；同一事项同一天只能有一个有效预约；时段满员时返回 FULL",
        extensions=[RefusedInPayload(IsCitizen)],
    )
    async def book_appointment(self, info: Info, input: Annotated[BookAppointmentInput, Input]) -> BookAppointmentPayload:
        found, errors = await attempt(
            lambda: service.book(
                actor=info.context.actor, hall_code=input.hall_code, item_id=domain_id(input.item_id, "ServiceItem"),
                day=input.date, start=input.start, note=input.note,
            ),
            AppointmentError,
        )
        return BookAppointmentPayload(appointment=Appointment.of(found) if found else None, errors=errors)

    @strawberry.mutation(description="取消预约：预约人本人，时段开始前；名额随即释放",
                         extensions=[RefusedInPayload(IsCitizen)])
    async def cancel_appointment(
        self, info: Info, input: Annotated[CancelAppointmentInput, Input]
    ) -> CancelAppointmentPayload:
        found, errors = await attempt(
            lambda: service.cancel(
                actor=info.context.actor, appointment_id=domain_id(input.appointment_id, "Appointment"),
                reason=input.reason,
            ),
            AppointmentError,
        )
        return CancelAppointmentPayload(appointment=Appointment.of(found) if found else None, errors=errors)
