"""Where uploaded bytes live: a small storage interface, content-addressed by SHA-256.

:class:`Storage` is what :mod:`server.domain.cases.uploads` needs of a backend. A key is the
SHA-256 of the bytes (lower-case hex), so the same file uploaded twice, by anybody, is stored once,
and a key says by itself whether the bytes behind it are intact.

:class:`LocalStorage` (the embedded default) keeps each file at ``<root>/ab/cd/<sha256>`` (``ab``
and ``cd`` the first two pairs of hex digits, so no directory grows past 65 536 entries). A file is
written to a temporary file in the same directory, flushed to disk, then moved into place with
``os.replace``: a reader sees either no file or the whole file, never half of one, and two
processes storing the same bytes at once both succeed with the same result.

An S3-compatible store (MinIO, Ceph RGW, a cloud object store) implements the same four methods
without changing any caller:

- ``put``: ``PutObject`` with ``Key=<sha256>`` (optionally under a prefix) and the content type,
  after ``HeadObject`` says it is not there yet (or unconditionally: the same key always holds the
  same bytes, so overwriting is harmless); S3 writes are atomic per object, no temporary file;
  pass ``ChecksumSHA256`` so the store verifies the bytes it received;
- ``open``: ``GetObject`` (the body can be streamed in chunks to the client);
- ``exists``: ``HeadObject`` (404 → False);
- ``delete``: ``DeleteObject``. The caller deletes only when no ``Upload`` row points at the key
  any more, because one object serves every row with the same content.

No S3 client is a dependency of the project: the backend is added with its client when production
needs it, and :func:`get_storage` chooses it from the settings.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from server.settings import Settings

_KEY = re.compile(r"^[0-9a-f]{64}$")


class Storage(Protocol):
    """A content-addressed store of uploaded files (see the module docstring)."""

    async def put(self, data: bytes, *, sha256: str, content_type: str) -> str:
        """Store ``data`` (whose SHA-256 is ``sha256``) and return its key; storing bytes that are
        already there stores nothing and returns the same key."""
        ...

    async def open(self, key: str) -> bytes:
        """The bytes stored under ``key`` (``FileNotFoundError`` when there are none)."""
        ...

    async def exists(self, key: str) -> bool:
        """Whether bytes are stored under ``key``."""
        ...

    async def delete(self, key: str) -> None:
        """Remove what is stored under ``key`` (nothing happens when there is nothing)."""
        ...


def check_key(key: str) -> str:
    """A key is a lower-case SHA-256 hex digest: anything else (``../x``) never reaches a path."""
    if not _KEY.match(key):
        raise ValueError(f"invalid storage key {key[:80]!r}")
    return key


class LocalStorage:
    """Files under ``root``, at ``ab/cd/<sha256>``, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        check_key(key)
        return self.root / key[:2] / key[2:4] / key

    async def put(self, data: bytes, *, sha256: str, content_type: str) -> str:
        key = check_key(sha256)
        if hashlib.sha256(data).hexdigest() != key:
            raise ValueError("the bytes do not match their sha256")
        await asyncio.to_thread(self._write, self.path(key), data)
        return key

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        if target.exists() and target.stat().st_size == len(data):
            return  # content-addressed: the same bytes are already there
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    async def open(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path(key).is_file)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, True)


def get_storage(settings: Settings) -> Storage:
    """The backend for these settings: local files under ``upload_dir`` (``LIAOYI_UPLOAD_DIR``)."""
    return LocalStorage(Path(settings.upload_dir))


__all__ = ["Storage", "LocalStorage", "get_storage", "check_key"]
