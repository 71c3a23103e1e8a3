"""Material uploads (issue 4): checking, storing and reading the files people hand in.

Who may upload: a signed-in citizen (for their own applications), or staff who take materials on
someone's behalf: a window clerk (a walk-in) or an assistance agent (帮办代办).

What is accepted is decided by the bytes, never by the name or the declared type alone: PDF, JPEG,
PNG and OFD (the Chinese fixed-layout format, GB/T 33190: a zip whose root holds ``OFD.xml``; any
other zip is refused). The declared content type must agree with what the bytes are. Empty files
and files over ``upload_max_bytes`` are refused.

The first bytes only say what a file claims to be. Each accepted file is then read whole by a real
parser (:func:`check_structure`): a PDF must open with pypdf and have at least one page (an
encrypted one is refused: nobody could review it), an image must decode completely with Pillow
(within its decompression-bomb limit), an OFD must pass its zip CRCs and have an ``OFD.xml`` whose
document root exists in the package. A PDF header in front of an executable is refused with
``CORRUPT_FILE``.

Who may read an upload: its owner, or staff who can see a case that uses it (a case uses an
upload when one of its materials points at it, ``CaseMaterial.upload_id``), with "can see" the
case scope of :mod:`server.domain.cases.scope`, applied in the query.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import struct
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree

from tortoise.expressions import Q, Subquery

from server.domain.accounts.roles import Actor, Role
from server.domain.cases.models import Case, CaseMaterial, Upload
from server.domain.cases.scope import case_scope
from server.domain.cases.storage import get_storage
from server.domain.errors import DomainError
from server.settings import Settings

# error codes (the GraphQL layer exposes them as UploadErrorCode)
TOO_LARGE = "TOO_LARGE"
UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
EMPTY_FILE = "EMPTY_FILE"
NOT_ALLOWED = "NOT_ALLOWED"
NOT_FOUND = "NOT_FOUND"
INVALID = "INVALID"
CORRUPT_FILE = "CORRUPT_FILE"

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
OFD = "application/ofd"
ACCEPTED = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", OFD: "OFD"}
# names clients use for the same types
logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken PDF is reported to its uploader, not as warnings
ALIASES = {"image/jpg": JPEG, "image/pjpeg": JPEG, "application/x-pdf": PDF, "application/x-ofd": OFD}
UPLOADER_ROLES = frozenset({Role.WINDOW_CLERK, Role.ASSISTANCE_AGENT})
MAX_FILENAME = 128


def can_upload(actor: Actor) -> bool:
    """A signed-in citizen, or a window clerk / assistance agent acting for someone."""
    return actor.is_citizen or (actor.is_staff and actor.has_any(UPLOADER_ROLES))


def sniff(data: bytes) -> str | None:
    """The accepted type the bytes are, by their signature; None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:  # reads the central directory only
                names = z.namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
        return OFD if "OFD.xml" in names else None
    return None


def _pdf_problem(data: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return "PDF 文件已加密，无法审核，请上传未加密的文件"
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError):
        return "PDF 文件已损坏或不是真正的 PDF，请重新导出后上传"
    return None if pages >= 1 else "PDF 文件没有任何页面，请重新导出后上传"


def _image_problem(data: bytes, kind: str) -> str | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.format != ACCEPTED[kind]:
                    return f"图片内容与 {ACCEPTED[kind]} 格式不符，请重新拍摄或导出后上传"
                img.verify()  # the structure: every PNG chunk and its CRC, up to the end
            with Image.open(io.BytesIO(data)) as img:
                img.load()  # decodes every pixel: a truncated or foreign body fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "图片尺寸过大，请压缩后上传"
    except (OSError, ValueError, SyntaxError, struct.error):
        return "图片已损坏或不完整，请重新拍摄或导出后上传"
    return None


def _ofd_problem(data: bytes) -> str | None:
    broken = "OFD 文件已损坏，请重新导出后上传"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if z.testzip() is not None:  # every member's CRC
                return broken
            root = ElementTree.fromstring(z.read("OFD.xml"))
            names = set(z.namelist())
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError, OSError, EOFError):
        return broken
    if root.tag.rsplit("}", 1)[-1] != "OFD":
        return broken
    doc_roots = [el.text.strip().lstrip("/") for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "DocRoot" and el.text]
    if not doc_roots or any(d not in names for d in doc_roots):
        return "OFD 文件缺少文档内容（DocRoot），请重新导出后上传"
    return None


def check_structure(data: bytes, kind: str) -> str | None:
    """Why the file is not what its first bytes say, read whole by a real parser; None when it is."""
    if kind == PDF:
        return _pdf_problem(data)
    if kind in (JPEG, PNG):
        return _image_problem(data, kind)
    if kind == OFD:
        return _ofd_problem(data)
    return None


def normalise_content_type(declared: str | None) -> str:
    media = (declared or "").split(";", 1)[0].strip().lower()
    return ALIASES.get(media, media)


def clean_filename(name: str | None) -> str:
    """The last path component, without control characters, at most 128 characters (the extension
    kept); ``未命名文件`` when nothing is left."""
    raw = re.split(r"[\\/]", name or "")[-1]
    raw = "".join(c for c in raw if unicodedata.category(c)[0] != "C").strip().strip(".").strip()
    if not raw:
        return "未命名文件"
    if len(raw) <= MAX_FILENAME:
        return raw
    stem, dot, ext = raw.rpartition(".")
    if dot and stem and 0 < len(ext) <= 16:
        return stem[: MAX_FILENAME - len(ext) - 1] + "." + ext
    return raw[:MAX_FILENAME]


def size_text(n: int) -> str:
    """``10 MB``, ``64 KB``: a limit as people read it."""
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


async def store_upload(
    *, actor: Actor, filename: str | None, content_type: str | None, data: bytes, settings: Settings
) -> Upload:
    """Check and store one file for ``actor``; the stored bytes are shared by every upload with the
    same content, and the same person uploading the same file again gets the same upload back."""
    if not can_upload(actor):
        raise DomainError(NOT_ALLOWED, "只有登录的群众、综合窗口受理员或帮办代办员可以上传材料", ["file"])
    if not data:
        raise DomainError(EMPTY_FILE, "文件是空的，请重新选择", ["file"])
    if len(data) > settings.upload_max_bytes:
        raise DomainError(TOO_LARGE, f"文件过大：单个文件不能超过 {size_text(settings.upload_max_bytes)}", ["file"])
    kind = sniff(data)
    if kind is None:
        raise DomainError(UNSUPPORTED_TYPE, "只能上传 PDF、JPEG、PNG 或 OFD 文件", ["file"])
    declared = normalise_content_type(content_type)
    if declared != kind:
        raise DomainError(
            UNSUPPORTED_TYPE,
            f"文件内容是 {ACCEPTED[kind]}，与声明的类型 {declared or '（未声明）'} 不符，请检查文件后重新上传",
            ["file"],
        )
    problem = check_structure(data, kind)
    if problem is not None:
        raise DomainError(CORRUPT_FILE, problem, ["file"])
    name = clean_filename(filename)
    digest = hashlib.sha256(data).hexdigest()
    owner: dict[str, Any] = {"owner_citizen_id": actor.citizen_id} if actor.is_citizen else {"owner_staff_id": actor.user_id}
    same = await (
        Upload.filter(sha256=digest, filename=name, content_type=kind, **owner).order_by("id").first()
    )
    key = await get_storage(settings).put(data, sha256=digest, content_type=kind)
    if same is not None and same.storage_key == key:
        return same
    return await Upload.create(
        sha256=digest, size=len(data), content_type=kind, filename=name, storage_key=key, **owner
    )


async def uploads_by_ids(*, actor: Actor, ids: Iterable[int]) -> dict[int, Upload]:
    """The uploads among ``ids`` that ``actor`` may read, in one query: their own, and for staff
    those used by a case in their scope."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return {}
    if actor.is_citizen:
        rows = await Upload.filter(id__in=wanted, owner_citizen_id=actor.citizen_id)
    elif actor.is_staff:
        used = CaseMaterial.filter(
            upload_id__in=wanted, case_id__in=Subquery(Case.filter(await case_scope(actor)).values("id")),
        ).values("upload_id")
        rows = await Upload.filter(Q(owner_staff_id=actor.user_id) | Q(id__in=Subquery(used)), id__in=wanted)
    else:
        return {}
    return {row.id: row for row in rows}


async def read_upload(*, actor: Actor, upload_id: int, settings: Settings) -> tuple[Upload, bytes]:
    """One upload and its bytes, for its owner or staff who see a case using it."""
    row = (await uploads_by_ids(actor=actor, ids=[upload_id])).get(upload_id)
    if row is None:
        raise DomainError(NOT_FOUND, "文件不存在或无权查看")
    try:
        data = await get_storage(settings).open(row.storage_key)
    except FileNotFoundError:
        raise DomainError(NOT_FOUND, "文件内容已不存在，请重新上传") from None
    return row, data


__all__ = [
    "store_upload", "uploads_by_ids", "read_upload", "sniff", "clean_filename", "can_upload", "size_text",
]
