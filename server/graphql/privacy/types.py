"""Types of the personal-data area: what can be revealed, the revealed values, the access log."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.accounts import privacy
from server.domain.accounts.models import AccessLog
from server.graphql.accounts.types import AccountError
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.relay import NO_ROW, resolve_nodes, typed_domain_id

# GraphQL type names of the subjects whose data can be revealed, and the domain's kind for each
SUBJECT_TYPES = {"Citizen": "citizen", "Enterprise": "enterprise", "StaffUser": "staff", "Case": "case", "Bundle": "bundle"}
_TYPE_OF_KIND = {kind: name for name, kind in SUBJECT_TYPES.items()}


@strawberry.enum(description="个人信息的主体类别")
class PersonalDataSubjectKind(Enum):
    CITIZEN = enum_value("citizen", description="群众")
    ENTERPRISE = enum_value("enterprise", description="企业（法定代表人的信息）")
    STAFF = enum_value("staff", description="工作人员")
    CASE = enum_value("case", description="办件（申请表中的个人信息）")
    BUNDLE = enum_value("bundle", description="主题办件（一表申请中的个人信息）")


@strawberry.enum(description="可申请查看完整内容的个人信息项")
class PersonalDataField(Enum):
    NAME = enum_value("name", description="姓名（群众、工作人员）")
    PHONE = enum_value("phone", description="手机号码（群众）")
    ID_NUMBER = enum_value("id_number", description="居民身份证号码（群众）")
    LEGAL_REP_NAME = enum_value("legal_rep_name", description="法定代表人姓名（企业）")
    LEGAL_REP_ID_NUMBER = enum_value("legal_rep_id_number", description="法定代表人居民身份证号码（企业）")
    FORM_DATA = enum_value(
        "form_data", description="申请表中的个人信息（办件、主题办件）：姓名、手机号码、身份证号码、地址等表单项，逐项返回"
    )


_FIELD_VALUES = {f.value for f in PersonalDataField}


def subject_of(gid: relay.GlobalID) -> tuple[str, int]:
    """(kind, id) of a subject's global ID. The field takes a global ID of any type and the domain
    decides which kinds have personal data: another type gives kind "" (the domain answers INVALID,
    after it has checked who is asking), a bad node id :data:`NO_ROW`."""
    typed = typed_domain_id(gid)
    if typed is None:
        return "", NO_ROW
    type_name, subject_id = typed
    return SUBJECT_TYPES.get(type_name, ""), subject_id


def subject_gid(kind: str, subject_id: int) -> relay.GlobalID:
    return relay.GlobalID(_TYPE_OF_KIND[kind], str(subject_id))


@strawberry.type(description="一项个人信息的完整内容")
class RevealedValue:
    field: PersonalDataField = strawberry.field(description="信息项")
    label: str = strawberry.field(description="信息项的中文名称")
    value: str | None = strawberry.field(description="完整内容；尚未登记（如未实名认证）时为空")
    key: str | None = strawberry.field(default=None, description="申请表的表单项标识（formData 的键）；其他信息项为空")


@strawberry.type(description="查看完整个人信息的结果")
class RevealPersonalDataPayload:
    values: list[RevealedValue] = strawberry.field(default_factory=list, description="所查看的信息（出错时为空列表）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功（本次查看已记入访问日志）")


@strawberry.type(description="一次查看完整个人信息的记录（谁、何时、看了谁的哪些信息、为什么）")
class PersonalDataAccess(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="记录的全局 ID")
    at: datetime = strawberry.field(description="查看时间")
    viewer_label: str = strawberry.field(description="查看人：姓名(用户名)")
    viewer_staff_id: relay.GlobalID | None = strawberry.field(description="查看人（工作人员）的全局 ID")
    viewer_region_code: str | None = strawberry.field(description="查看人所属区划代码")
    subject_kind: PersonalDataSubjectKind = strawberry.field(description="被查看的主体类别")
    subject_id: relay.GlobalID = strawberry.field(description="被查看主体的全局 ID（Citizen、Enterprise 或 StaffUser）")
    fields: list[PersonalDataField] = strawberry.field(description="查看了哪些信息项")
    reason: str = strawberry.field(description="查看原因")
    request_id: str = strawberry.field(description="请求编号（可与服务器日志对照）")
    form_keys: list[str] = strawberry.field(description="查看了申请表的哪些表单项（formData 的键）；查看其他信息时为空列表")
    subject_key: strawberry.Private[tuple[str, int]]

    @strawberry.field(description="被查看的是谁（已脱敏）：群众“张* 138****5678”、企业名称及法定代表人“李*”、工作人员、办件或主题办件的编号与申请人")
    async def subject_label(self, info: Info) -> str:
        label = await info.context.loaders.access_subject.load(self.subject_key)
        return str(label) if label is not None else "（已删除）"

    @classmethod
    def of(cls, row: AccessLog) -> PersonalDataAccess:
        path = [p for p in (row.viewer_region_path or "").split("/") if p]
        return cls(
            id=row.id, at=row.at, viewer_label=row.viewer_label,
            viewer_staff_id=relay.GlobalID("StaffUser", str(row.viewer_staff_id))
            if row.viewer_staff_id is not None else None,
            viewer_region_code=path[-1] if path else None,
            subject_kind=PersonalDataSubjectKind(row.subject_kind),
            subject_id=subject_gid(row.subject_kind, row.subject_id),
            fields=[PersonalDataField(f) for f in row.fields_shown if f in _FIELD_VALUES],
            reason=row.reason, request_id=row.request_id,
            form_keys=[f.split(".", 1)[1] for f in row.fields_shown if f.startswith(f"{privacy.FORM_DATA}.")],
            subject_key=(row.subject_kind, row.subject_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: privacy.access_log_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="访问日志的查询条件；各条件之间为“且”")
class PersonalDataAccessFilter:
    subject_kind: PersonalDataSubjectKind | None = strawberry.field(default=None, description="被查看的主体类别")
    subject_id: relay.GlobalID | None = strawberry.field(
        default=None, description="被查看主体的全局 ID（Citizen、Enterprise 或 StaffUser）"
    )
    viewer_staff_id: relay.GlobalID | None = strawberry.field(default=None, description="查看人（工作人员）的全局 ID")
    since: datetime | None = strawberry.field(default=None, description="查看时间不早于（含）")
    until: datetime | None = strawberry.field(default=None, description="查看时间早于（不含）")


@strawberry.input(description="申请查看完整的个人信息：须说明原因，每次查看都记入访问日志")
class RevealPersonalDataInput:
    subject_id: relay.GlobalID = strawberry.field(
        description="被查看主体的全局 ID：群众（Citizen）、企业（Enterprise）、工作人员（StaffUser）、"
        "办件（Case）或主题办件（Bundle）"
    )
    fields: list[PersonalDataField] = strawberry.field(description="要查看的信息项（群众：姓名、手机号码、身份证号码；"
                                                       "企业：法定代表人姓名、身份证号码；工作人员：姓名；"
                                                       "办件、主题办件：申请表中的个人信息）")
    reason: str = strawberry.field(description="查看原因（至少 4 个字），如“核对申请人身份”")
