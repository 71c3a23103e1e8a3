"""Types of appointments: a slot with its capacity, a booking, the hall's view with masked names."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.appointments import errors, models, service
from server.graphql.core.enums import enum_value as v
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="预约的状态")
class AppointmentStatus(Enum):
    BOOKED = v(service.BOOKED, description="已预约")
    CANCELLED = v(service.CANCELLED, description="已取消")
    ATTENDED = v(service.ATTENDED, description="已到场办理")
    MISSED = v(service.MISSED, description="未到场（爽约）")


@strawberry.enum(description="预约操作的错误代码")
class AppointmentErrorCode(Enum):
    FULL = v(errors.FULL, description="该时段预约已满")
    INVALID = v(errors.INVALID, description="输入不合法（非工作日、已过去的时段、超过 30 天、当天已预约该事项等）")
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作（只有个人用户本人可以预约、取消）")
    NOT_VERIFIED = v(errors.NOT_VERIFIED, description="尚未完成实名认证")
    NOT_FOUND = v(errors.NOT_FOUND, description="大厅、事项或预约不存在")


@strawberry.type(description="预约操作的错误")
class AppointmentError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"start\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: AppointmentErrorCode = strawberry.field(description="错误代码")


@strawberry.enum(description="预约时段的类别")
class AppointmentSlotKind(Enum):
    REGULAR = v("regular", description="正常办公时段（工作日 9:00–12:00、13:30–17:00）")
    EXTENDED_HOURS = v("extended_hours", description="延时服务（大厅公布，工作日正常时段以外）")
    WEEKEND = v("weekend", description="周末、节假日服务（大厅公布）")


@strawberry.type(description="大厅的一个预约时段（30 分钟）：工作日的正常时段，或大厅公布的延时、周末时段")
class AppointmentSlot:
    date: date = strawberry.field(description="日期（工作日）")
    start: str = strawberry.field(description="开始时间（北京时间），如 09:00")
    end: str = strawberry.field(description="结束时间（北京时间），如 09:30")
    capacity: int = strawberry.field(description="可预约人数：大厅中办理该事项所属部门业务的窗口数，至少 1")
    booked: int = strawberry.field(description="已预约人数")
    available: int = strawberry.field(description="剩余可预约人数；为 0 表示已满")
    kind: AppointmentSlotKind = strawberry.field(description="时段类别：正常、延时或周末服务")

    @classmethod
    def of(cls, s: service.Slot) -> AppointmentSlot:
        return cls(date=s.day, start=s.start, end=s.end, capacity=s.capacity, booked=s.booked, available=s.available,
                   kind=AppointmentSlotKind(s.kind))


@strawberry.type(description="一次预约：到某大厅、某时段办理某事项")
class Appointment(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="预约的全局 ID（取消预约时使用）")
    hall_code: str = strawberry.field(description="大厅代码")
    hall_name: str = strawberry.field(description="大厅名称")
    item_id: relay.GlobalID = strawberry.field(description="事项的全局 ID（ServiceItem）")
    item_name: str = strawberry.field(description="事项名称（预约时的名称）")
    date: date = strawberry.field(description="预约日期")
    start: str = strawberry.field(description="开始时间（北京时间）")
    end: str = strawberry.field(description="结束时间（北京时间）")
    status: AppointmentStatus = strawberry.field(description="状态")
    note: str = strawberry.field(description="预约人填写的备注")
    cancel_reason: str = strawberry.field(description="取消原因；未取消时为空字符串")
    created_at: datetime = strawberry.field(description="预约时间")
    cancelled_at: datetime | None = strawberry.field(description="取消时间；未取消时为空")
    reminded_at: datetime | None = strawberry.field(description="发送前一日提醒的时间；尚未提醒时为空")
    attended_at: datetime | None = strawberry.field(description="到窗口签到的时间；未签到时为空")

    @classmethod
    def of(cls, a: models.Appointment) -> Appointment:
        return cls(
            id=a.id, hall_code=a.hall_code, hall_name=a.hall_name,
            item_id=relay.GlobalID("ServiceItem", str(a.item_id)), item_name=a.item_name, date=a.day, start=a.start,
            end=a.end, status=AppointmentStatus(a.status), note=a.note, cancel_reason=a.cancel_reason,
            created_at=a.created_at, cancelled_at=a.cancelled_at, reminded_at=a.reminded_at,
            attended_at=a.attended_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: service.appointments_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.type(description="大厅工作人员看到的一条预约（预约人姓名已脱敏）")
class HallAppointment:
    appointment: Appointment = strawberry.field(description="预约")
    citizen_name: str | None = strawberry.field(description="预约人姓名（脱敏，如 张*）；未实名时为空")

    @classmethod
    def of(cls, h: service.HallAppointment) -> HallAppointment:
        return cls(appointment=Appointment.of(h.appointment), citizen_name=h.citizen_name)


@strawberry.input(description="预约一个时段")
class BookAppointmentInput:
    hall_code: str = strawberry.field(description="大厅代码，如 371500-ZWFWZX")
    item_id: relay.GlobalID = strawberry.field(description="事项的全局 ID（ServiceItem）")
    date: date = strawberry.field(description="日期：今天起 30 天内的工作日")
    start: str = strawberry.field(description="时段开始时间，如 09:00（上午 9:00–12:00、下午 13:30–17:00，每 30 分钟一段）")
    note: str = strawberry.field(default="", description="备注（最多 200 字）")


@strawberry.input(description="取消一次预约")
class CancelAppointmentInput:
    appointment_id: relay.GlobalID = strawberry.field(description="预约的全局 ID")
    reason: str = strawberry.field(default="", description="取消原因（最多 200 字）")


@strawberry.type(description="预约的结果")
class BookAppointmentPayload:
    appointment: Appointment | None = strawberry.field(default=None, description="新的预约（出错时为空）")
    errors: list[AppointmentError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="取消预约的结果")
class CancelAppointmentPayload:
    appointment: Appointment | None = strawberry.field(default=None, description="取消后的预约（出错时为空）")
    errors: list[AppointmentError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="窗口为到场的预约人签到（预约当天）")
class CheckInAppointmentInput:
    appointment_id: relay.GlobalID = strawberry.field(description="预约的全局 ID")


@strawberry.type(description="签到的结果")
class CheckInAppointmentPayload:
    appointment: HallAppointment | None = strawberry.field(default=None, description="签到后的预约（出错时为空）")
    errors: list[AppointmentError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.enum(description="大厅公布的加开时段类别")
class ExtraSlotKind(Enum):
    EXTENDED_HOURS = v("extended_hours", description="延时服务：工作日正常时段以外")
    WEEKEND = v("weekend", description="周末、节假日服务：非工作日")


@strawberry.input(description="大厅公布延时或周末服务时段：从开始到结束每 30 分钟一段")
class PublishExtraSlotsInput:
    hall_code: str = strawberry.field(description="大厅代码")
    date: date = strawberry.field(description="日期")
    start: str = strawberry.field(description="开始时间，如 17:00")
    end: str = strawberry.field(description="结束时间，如 19:00")
    kind: ExtraSlotKind = strawberry.field(description="类别")
    capacity: int = strawberry.field(description="每段可预约人数（1 到 50）")


@strawberry.type(description="公布延时、周末时段的结果")
class PublishExtraSlotsPayload:
    slots: list[AppointmentSlot] = strawberry.field(default_factory=list, description="公布的时段")
    errors: list[AppointmentError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")
