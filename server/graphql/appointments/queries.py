"""Reading appointments: a hall's free slots (public), a citizen's own bookings, a hall's day for its
staff. Each resolver is one domain call; the domain scopes and refuses."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.appointments import errors, service
from server.graphql.appointments.types import Appointment, AppointmentSlot, HallAppointment
from server.graphql.context import Info
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import IsCitizen, IsStaff
from server.graphql.core.relay import domain_id


class BooksAppointments(IsCitizen):
    """Citizens (their own bookings); refused with the domain's code, as its own check would."""

    message = "请先登录个人账号"
    error_extensions = {"code": errors.NOT_ALLOWED}


class ReadsHallAppointments(IsStaff):
    """Staff; the domain narrows it to the hall's clerks and supervisor and its region's admins."""

    message = "只有本大厅的窗口人员、大厅负责人或所在区划的管理员可以查看预约"
    error_extensions = {"code": errors.NOT_ALLOWED}


@strawberry.type
class AppointmentsQuery:
    @strawberry.field(
        description="大厅可预约的时段：今天起 30 天内、大厅所在区划的工作日，上午 9:00–12:00、下午 13:30–17:00，"
        "每 30 分钟一段，含容量与已预约人数；已过去的时段不列出"
    )
    async def appointment_slots(
        self,
        hall_code: Annotated[str, strawberry.argument(metadata=max_length(24), description="大厅代码，如 371500-ZWFWZX")],
        item_id: Annotated[relay.GlobalID, strawberry.argument(description="事项的全局 ID（ServiceItem）")],
        start: Annotated[date, strawberry.argument(name="from", description="第一天")],
        end: Annotated[date, strawberry.argument(name="to", description="最后一天（含）")],
    ) -> list[AppointmentSlot]:
        slots = await service.available_slots(hall_code=hall_code, item_id=domain_id(item_id, "ServiceItem"),
                                              start=start, end=end)
        return [AppointmentSlot.of(s) for s in slots]

    @strawberry.field(description=f"我的预约（个人用户本人），最近的时段在前，最多 {service.MAX_LIST} 条",
                      permission_classes=[BooksAppointments])
    async def my_appointments(self, info: Info) -> list[Appointment]:
        return [Appointment.of(a) for a in await service.my_appointments(actor=info.context.actor)]

    @strawberry.field(
        description="大厅某一天的预约（按时段排序，预约人姓名脱敏）：限本大厅的窗口人员、大厅负责人和所在区划的管理员",
        permission_classes=[ReadsHallAppointments],
    )
    async def hall_appointments(
        self, info: Info,
        hall_code: Annotated[str, strawberry.argument(metadata=max_length(24), description="大厅代码")],
        day: Annotated[date, strawberry.argument(description="日期")],
    ) -> list[HallAppointment]:
        rows = await service.hall_appointments(actor=info.context.actor, hall_code=hall_code, day=day)
        return [HallAppointment.of(r) for r in rows]
