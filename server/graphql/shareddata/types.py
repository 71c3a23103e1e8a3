"""Shared base data in the graph: the bases, the pull log (for administrators, and for the person
or enterprise whose data was read), and where a form value came from."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.shareddata import models, rules, service
from server.domain.shareddata.rules import Base
from server.graphql.context import Info
from server.graphql.core.enums import derived_enum
from server.graphql.core.relay import resolve_nodes


@derived_enum(Base, rules.BASE_DESCRIPTIONS, description="基础库（一处填报、全网通用）")
class SharedDataBase(Enum):
    """The domain's :class:`~server.domain.shareddata.rules.Base`."""

    _value_: str


def _labels(base: str, names: list[str]) -> list[str]:
    return [rules.field_label(base, n) for n in names]


@strawberry.type(description="基础库调用记录（管理员查看）：哪个库、谁的数据（脱敏）、为什么、为哪个办件、谁调用、返回了哪些字段")
class SharedDataPull(relay.Node):
    _p: strawberry.Private[models.SharedDataPull]
    id: relay.NodeID[int] = strawberry.field(description="记录的全局 ID")
    base: SharedDataBase = strawberry.field(description="基础库")
    mode: str = strawberry.field(description="读取方式：local 本地库；remote 经签名交换向合作单位查询")
    partner_code: str | None = strawberry.field(description="远程基础库的合作单位代码")
    subject_kind: str = strawberry.field(description="数据主体类型：person 自然人、enterprise 法人")
    subject: str = strawberry.field(description="数据主体（自然人姓名、身份证号码脱敏）")
    purpose: str = strawberry.field(description="调用目的")
    case_number: str | None = strawberry.field(description="所为办件号（提交前或未成功提交时为空）")
    bundle_number: str | None = strawberry.field(description="所为主题办件号")
    region_code: str = strawberry.field(description="办理区划代码")
    caller_kind: str = strawberry.field(description="调用者类型：citizen 申请人本人、staff 工作人员、partner 合作单位、system 系统")
    caller: str = strawberry.field(description="调用者")
    found: bool = strawberry.field(description="库中是否有该主体的记录")
    error: str = strawberry.field(description="基础库未能答复的原因（如远程库不可用）")
    at: datetime = strawberry.field(description="调用时间")

    @classmethod
    def of(cls, p: models.SharedDataPull) -> SharedDataPull:
        return cls(_p=p, id=p.id, base=SharedDataBase(p.base), mode=p.mode,
                   partner_code=p.partner_code, subject_kind=p.subject_kind, subject=p.subject_label,
                   purpose=p.purpose, case_number=p.case_number, bundle_number=p.bundle_number,
                   region_code=p.region_code, caller_kind=p.caller_kind, caller=p.caller_label, found=p.found,
                   error=p.error, at=p.at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=lambda ids: service.log_by_ids(actor=info.context.actor, ids=ids),
                                   build=cls.of, required=required)

    @strawberry.field(description="基础库名称，如“人口库”")
    def base_label(self) -> str:
        return rules.label(self._p.base)

    @strawberry.field(description="请求的字段（中文名）")
    def fields_asked(self) -> list[str]:
        return _labels(self._p.base, list(self._p.fields_asked or []))

    @strawberry.field(description="返回的字段（中文名）")
    def fields_returned(self) -> list[str]:
        return _labels(self._p.base, list(self._p.fields_returned or []))

    @strawberry.field(description="由此预填的申请表项（表单项标识）")
    def filled_keys(self) -> list[str]:
        return sorted((self._p.filled or {}).keys())


@strawberry.type(description="谁读取了我的数据：基础库调用记录（本人或本人所代表企业的数据）")
class MySharedDataPull(relay.Node):
    _p: strawberry.Private[models.SharedDataPull]
    id: relay.NodeID[int] = strawberry.field(description="记录的全局 ID")
    base: SharedDataBase = strawberry.field(description="基础库")
    subject: str = strawberry.field(description="数据主体（本人，或本人所代表的企业；姓名、号码脱敏）")
    purpose: str = strawberry.field(description="调用目的")
    case_number: str | None = strawberry.field(description="所为办件号（提交前或未成功提交时为空）")
    bundle_number: str | None = strawberry.field(description="所为主题办件号")
    found: bool = strawberry.field(description="库中是否有记录")
    at: datetime = strawberry.field(description="调用时间")

    @classmethod
    def of(cls, p: models.SharedDataPull) -> MySharedDataPull:
        return cls(_p=p, id=p.id, base=SharedDataBase(p.base), subject=p.subject_label,
                   purpose=p.purpose, case_number=p.case_number, bundle_number=p.bundle_number, found=p.found, at=p.at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=lambda ids: service.mine_by_ids(actor=info.context.actor, ids=ids),
                                   build=cls.of, required=required)

    @strawberry.field(description="基础库名称，如“人口库”")
    def base_label(self) -> str:
        return rules.label(self._p.base)

    @strawberry.field(description="调用者：申请人本人、工作人员（姓名脱敏）或系统")
    def caller(self) -> str:
        return service.caller_for_subject(self._p)

    @strawberry.field(description="读取了哪些信息（中文名）")
    def fields(self) -> list[str]:
        return _labels(self._p.base, list(self._p.fields_returned or []))


@strawberry.type(description="申请表中由基础库预填的一项：值来自哪里")
class PrefilledField:
    key: str = strawberry.field(description="表单项标识（formData 的键）")
    base: SharedDataBase = strawberry.field(description="来源基础库")
    field: str = strawberry.field(description="基础库中的字段（中文名），如“公民身份号码”")

    @strawberry.field(description="来源说明，如“来自人口库”")
    def source_label(self) -> str:
        return rules.source_label(str(self.base.value))

    @classmethod
    def of(cls, p: service.Prefilled) -> PrefilledField:
        return cls(key=p.key, base=SharedDataBase(p.base.value), field=rules.field_label(p.base, p.field))


@strawberry.input(description="基础库调用日志查询条件")
class SharedDataPullFilter:
    base: SharedDataBase | None = strawberry.field(default=None, description="基础库")
    case_number: str | None = strawberry.field(default=None, description="办件号或主题办件号")
    found: bool | None = strawberry.field(default=None, description="只看有记录（true）或无记录（false）的调用")
