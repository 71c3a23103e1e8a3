"""Material uploads in the graph: ``uploadMaterial`` (GraphQL multipart request) and ``UploadedFile``.

The file arrives as an ``Upload`` scalar value, put into the variables by the HTTP view from a
``multipart/form-data`` request (server/graphql/core/view.py). The bytes are read back at
``downloadUrl`` (``GET /files/<global id>`` with the bearer token), never through GraphQL.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload

from server.domain.accounts.roles import Actor
from server.domain.cases import uploads
from server.domain.cases.models import Upload as UploadRow
from server.domain.errors import DomainError
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.errors import attempt, payload_errors
from server.graphql.core.permissions import ActorPermission
from server.graphql.core.relay import resolve_nodes

v = enum_value


class CanUpload(ActorPermission):
    """Citizens, window clerks and assistance agents (the domain checks the same)."""

    message = "只有登录的群众、综合窗口受理员或帮办代办员可以上传材料"

    def allows(self, actor: Actor) -> bool:
        return bool(uploads.can_upload(actor))


@strawberry.enum(description="上传材料的错误代码")
class UploadErrorCode(Enum):
    TOO_LARGE = v(uploads.TOO_LARGE, description="文件超过大小限制")
    UNSUPPORTED_TYPE = v(uploads.UNSUPPORTED_TYPE, description="文件类型不支持，或与声明的类型不符")
    EMPTY_FILE = v(uploads.EMPTY_FILE, description="文件为空")
    NOT_ALLOWED = v(uploads.NOT_ALLOWED, description="无权上传")
    INVALID = v(uploads.INVALID, description="输入不合法（例如 file 不是以 multipart 请求上传的文件）")
    CORRUPT_FILE = v(uploads.CORRUPT_FILE, description="文件已损坏或内容与其格式不符（以真正的解析器整体读取）")


@strawberry.type(description="上传材料的错误")
class UploadError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"file\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: UploadErrorCode = strawberry.field(description="错误代码")


def download_path(upload_id: int) -> str:
    return "/files/" + relay.to_base64("UploadedFile", upload_id)


@strawberry.type(description="已上传的文件（材料）：仅上传者本人，以及能看到使用它的办件的工作人员可见")
class UploadedFile(relay.Node):
    key: relay.NodeID[int] = strawberry.field(description="全局 ID 的组成部分")
    row: strawberry.Private[UploadRow]

    @classmethod
    def of(cls, row: UploadRow) -> UploadedFile:
        return cls(key=row.id, row=row)

    @strawberry.field(description="文件名（已去除路径，最长 128 个字符）")
    def filename(self) -> str:
        return self.row.filename

    @strawberry.field(description="按文件内容识别出的类型：application/pdf、image/jpeg、image/png 或 application/ofd")
    def content_type(self) -> str:
        return self.row.content_type

    @strawberry.field(description="文件大小（字节）")
    def size(self) -> int:
        return int(self.row.size)

    @strawberry.field(description="文件内容的 SHA-256 摘要（十六进制小写）")
    def sha256(self) -> str:
        return self.row.sha256

    @strawberry.field(description="上传时间")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="下载地址（GET，须带 Authorization: Bearer <令牌> 请求头）")
    def download_url(self) -> str:
        return download_path(self.row.id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: uploads.uploads_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="上传一份材料文件")
class UploadMaterialInput:
    file: Upload = strawberry.field(
        description="文件：以 GraphQL multipart 请求（multipart/form-data）上传；PDF、JPEG、PNG 或 OFD"
    )


@strawberry.type(description="上传材料的结果")
class UploadMaterialPayload:
    upload: UploadedFile | None = strawberry.field(default=None, description="上传后的文件（出错时为空）")
    errors: list[UploadError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


def _is_file(value: Any) -> bool:
    return hasattr(value, "read") and hasattr(value, "filename")


@strawberry.type
class UploadsMutation:
    @strawberry.mutation(
        description="上传一份材料（群众本人、综合窗口受理员或帮办代办员）：按内容识别类型，同样的内容只存一份",
        permission_classes=[CanUpload],
    )
    async def upload_material(
        self, info: Info, input: Annotated[UploadMaterialInput, strawberry.argument(description="本操作的输入")]
    ) -> UploadMaterialPayload:
        file = input.file
        if not _is_file(file):
            return UploadMaterialPayload(errors=payload_errors(UploadError, DomainError(
                uploads.INVALID, "file 须是以 multipart 请求上传的文件", ["file"])))
        settings = info.context.settings
        data = await file.read(settings.upload_max_bytes + 1)  # type: ignore[attr-defined]
        content_type = getattr(file, "content_type", None)

        async def store() -> UploadRow:
            return await uploads.store_upload(
                actor=info.context.actor, filename=file.filename,  # type: ignore[attr-defined]
                content_type=content_type, data=data, settings=settings,
            )

        row, errors = await attempt(store, UploadError)
        return UploadMaterialPayload(upload=UploadedFile.of(row) if row is not None else None, errors=errors)


__all__ = ["UploadsMutation", "UploadedFile", "download_path"]
