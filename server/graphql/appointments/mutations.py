"""Booking and cancelling appointments: one input, a payload with errors; the domain checks who asks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.appointments import service
from server.graphql.appointments.types import (
    Appointment,
    AppointmentError,
    AppointmentSlot,
    BookAppointmentInput,
    BookAppointmentPayload,
    CancelAppointmentInput,
    CancelAppointmentPayload,
    CheckInAppointmentInput,
    CheckInAppointmentPayload,
    HallAppointment,
    PublishExtraSlotsInput,
    PublishExtraSlotsPayload,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import IsCitizen, IsStaff
from server.graphql.core.relay import domain_id

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class AppointmentsMutation:
    @strawberry.mutation(
        description="预约到大厅办理：个人用户本人、已实名认证；同一事项同一天只能有一个有效预约；时段满员时返回 FULL",
        permission_classes=[IsCitizen],
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
                         permission_classes=[IsCitizen])
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

    @strawberry.mutation(description="窗口签到：本大厅的窗口人员或大厅负责人，为预约当天到场的预约人签到（已到场）",
                         permission_classes=[IsStaff])
    async def check_in_appointment(
        self, info: Info, input: Annotated[CheckInAppointmentInput, Input]
    ) -> CheckInAppointmentPayload:
        found, errors = await attempt(
            lambda: service.check_in(actor=info.context.actor,
                                     appointment_id=domain_id(input.appointment_id, "Appointment")),
            AppointmentError,
        )
        return CheckInAppointmentPayload(appointment=HallAppointment.of(found) if found else None, errors=errors)

    @strawberry.mutation(description="公布延时或周末服务的预约时段（本大厅负责人）", permission_classes=[IsStaff])
    async def publish_extra_slots(
        self, info: Info, input: Annotated[PublishExtraSlotsInput, Input]
    ) -> PublishExtraSlotsPayload:
        found, errors = await attempt(
            lambda: service.publish_extra_slots(actor=info.context.actor, hall_code=input.hall_code, day=input.date,
                                                start=input.start, end=input.end, kind=input.kind.value,
                                                capacity=input.capacity),
            AppointmentError,
        )
        return PublishExtraSlotsPayload(slots=[AppointmentSlot.of(s) for s in found or []], errors=errors)
