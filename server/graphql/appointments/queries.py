"""Reading appointments: a hall's free slots (public), a citizen's own bookings, a hall's day for its
staff. Each resolver is one domain call; the domain scopes and refuses."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.appointments import errors, service
from server.domain.errors import DomainError
from server.graphql.appointments.types import Appointment, AppointmentSlot, HallAppointment
from server.graphql.context import Info


def pk(gid: relay.GlobalID, type_name: str, field_name: str) -> int:
    if gid.type_name != type_name or not gid.node_id.isdigit():
        raise DomainError(errors.NOT_FOUND, "ID 无效", [field_name])
    return int(gid.node_id)


@strawberry.type
class AppointmentsQuery:
    @strawberry.field(
        description="大厅可预约的时段：今天起 30 天内、大厅所在区划的工作日，上午 9:00–12:00、下午 13:30–17:00，"
        "每 30 分钟一段，含容量与已预约人数；已过去的时段不列出"
    )
    async def appointment_slots(
        self,
        hall_code: Annotated[str, strawberry.argument(description="大厅代码，如 371500-ZWFWZX")],
        item_id: Annotated[relay.GlobalID, strawberry.argument(description="事项的全局 ID（ServiceItem）")],
        start: Annotated[date, strawberry.argument(name="from", description="第一天")],
        end: Annotated[date, strawberry.argument(name="to", description="最后一天（含）")],
    ) -> list[AppointmentSlot]:
        slots = await service.available_slots(hall_code=hall_code, item_id=pk(item_id, "ServiceItem", "itemId"),
                                              start=start, end=end)
        return [AppointmentSlot.of(s) for s in slots]

    @strawberry.field(description=f"我的预约（个人用户本人），最近的时段在前，最多 {service.MAX_LIST} 条")
    async def my_appointments(self, info: Info) -> list[Appointment]:
        return [Appointment.of(a) for a in await service.my_appointments(actor=info.context.actor)]

    @strawberry.field(
        description="大厅某一天的预约（按时段排序，预约人姓名脱敏）：限本大厅的窗口人员、大厅负责人和所在区划的管理员"
    )
    async def hall_appointments(
        self, info: Info,
        hall_code: Annotated[str, strawberry.argument(description="大厅代码")],
        day: Annotated[date, strawberry.argument(description="日期")],
    ) -> list[HallAppointment]:
        rows = await service.hall_appointments(actor=info.context.actor, hall_code=hall_code, day=day)
        return [HallAppointment.of(r) for r in rows]
