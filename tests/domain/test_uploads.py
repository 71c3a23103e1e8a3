"""Material uploads in the domain: limits, sniffing, content-addressed storage, and who may read."""

from __future__ import annotations

import io
import secrets
import uuid
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from server.domain.accounts.roles import ANONYMOUS, Actor, Role
from server.domain.cases import uploads
from server.domain.cases.models import Case, CaseMaterial, Upload
from server.domain.cases.storage import LocalStorage, get_storage
from server.domain.catalog.models import Material
from server.domain.errors import DomainError
from server.settings import Settings
from tests import samples

PDF = samples.pdf("聊易测试")  # real files: the server reads each whole (uploads.check_structure)
JPEG = samples.jpeg()
PNG = samples.png()


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    return buf.getvalue()


OFD = samples.ofd()


def _unique_pdf() -> bytes:
    return samples.pdf()


def citizen() -> Actor:
    return Actor(citizen_id=900_000_000 + secrets.randbelow(10**8))


def staff(role: Role, **kw: Any) -> Actor:
    return Actor(user_id=900_000_000 + secrets.randbelow(10**8), roles=frozenset({role}), **kw)


@pytest.fixture
def up_settings(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, upload_dir=tmp_path / "uploads", upload_max_bytes=4096)


async def store(actor: Actor, data: bytes, settings: Settings, *, content_type: str = "application/pdf",
                filename: str = "材料.pdf") -> Upload:
    return await uploads.store_upload(actor=actor, filename=filename, content_type=content_type, data=data,
                                      settings=settings)


async def refused(code: str, actor: Actor, data: bytes, settings: Settings, **kw: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await store(actor, data, settings, **kw)
    assert caught.value.code == code, caught.value.message
    assert any("\u4e00" <= c <= "\u9fff" for c in caught.value.message)  # a Chinese message
    return caught.value


def test_sniffing_goes_by_the_bytes() -> None:
    assert uploads.sniff(PDF) == "application/pdf"
    assert uploads.sniff(JPEG) == "image/jpeg"
    assert uploads.sniff(PNG) == "image/png"
    assert uploads.sniff(OFD) == "application/ofd"
    assert uploads.sniff(_zip(["word/document.xml"])) is None  # a zip that is not OFD
    assert uploads.sniff(b"PK\x03\x04 not really a zip") is None
    assert uploads.sniff(b"MZ\x90\x00 an executable") is None
    assert uploads.sniff(b"<html><script>alert(1)</script>") is None


def test_filenames_are_cleaned() -> None:
    assert uploads.clean_filename("../../etc/passwd") == "passwd"
    assert uploads.clean_filename("C:\\Users\\张三\\身份证.jpg") == "身份证.jpg"
    assert uploads.clean_filename("a\x00b\nc.pdf") == "abc.pdf"
    assert uploads.clean_filename("  ") == "未命名文件"
    long = uploads.clean_filename("材" * 300 + ".pdf")
    assert len(long) == 128 and long.endswith(".pdf")


async def test_a_citizen_uploads_a_pdf(database: str, up_settings: Settings) -> None:
    data = _unique_pdf()
    who = citizen()
    row = await store(who, data, up_settings, filename="/tmp/申请书.pdf", content_type="application/pdf; charset=x")
    assert (row.filename, row.content_type, row.size) == ("申请书.pdf", "application/pdf", len(data))
    assert row.owner_citizen_id == who.citizen_id and row.owner_staff_id is None
    import hashlib

    assert row.sha256 == row.storage_key == hashlib.sha256(data).hexdigest()
    stored = up_settings.upload_dir / row.sha256[:2] / row.sha256[2:4] / row.sha256
    assert stored.read_bytes() == data
    assert [p.name for p in stored.parent.iterdir()] == [row.sha256]  # no temporary file left behind


@pytest.mark.parametrize(("data", "ctype"), [(JPEG, "image/jpeg"), (PNG, "image/png"), (OFD, "application/ofd"),
                                             (JPEG, "image/jpg")])
async def test_each_accepted_type(database: str, up_settings: Settings, data: bytes, ctype: str) -> None:
    row = await store(staff(Role.WINDOW_CLERK), data, up_settings, content_type=ctype, filename="x")
    assert row.content_type == uploads.normalise_content_type(ctype)


async def test_limits_and_types(database: str, up_settings: Settings) -> None:
    who = citizen()
    await refused(uploads.EMPTY_FILE, who, b"", up_settings)
    await refused(uploads.TOO_LARGE, who, PDF + b"0" * 4096, up_settings)
    await refused(uploads.UNSUPPORTED_TYPE, who, b"MZ\x90\x00", up_settings, content_type="application/pdf")
    await refused(uploads.UNSUPPORTED_TYPE, who, _zip(["a.txt"]), up_settings, content_type="application/ofd")
    # the declared type must agree with the bytes
    error = await refused(uploads.UNSUPPORTED_TYPE, who, PNG, up_settings, content_type="application/pdf")
    assert "PNG" in error.message
    await refused(uploads.UNSUPPORTED_TYPE, who, PDF, up_settings, content_type="")
    assert await Upload.filter(owner_citizen_id=who.citizen_id).count() == 0


@pytest.mark.parametrize("actor", [
    ANONYMOUS, staff(Role.DEPT_REVIEWER), staff(Role.CITY_ADMIN), staff(Role.HALL_SUPERVISOR),
    Actor(api_key_id=1, partner_kind="county_system"),
], ids=["anonymous", "reviewer", "admin", "supervisor", "partner"])
async def test_who_may_not_upload(database: str, up_settings: Settings, actor: Actor) -> None:
    await refused(uploads.NOT_ALLOWED, actor, PDF, up_settings)


async def test_the_same_bytes_are_stored_once(database: str, up_settings: Settings) -> None:
    data = _unique_pdf()
    a, b, clerk = citizen(), citizen(), staff(Role.WINDOW_CLERK)
    first = await store(a, data, up_settings)
    again = await store(a, data, up_settings)  # the same person, the same file: the same upload
    other = await store(b, data, up_settings, filename="另一个名字.pdf")
    walk_in = await store(clerk, data, up_settings)
    assert again.id == first.id
    assert len({first.id, other.id, walk_in.id}) == 3
    assert {first.storage_key, other.storage_key, walk_in.storage_key} == {first.sha256}
    files = [p for p in up_settings.upload_dir.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [first.sha256]


async def test_local_storage(tmp_path: Path) -> None:
    import hashlib

    store_ = LocalStorage(tmp_path)
    data = samples.pdf()
    key = hashlib.sha256(data).hexdigest()
    assert not await store_.exists(key)
    assert await store_.put(data, sha256=key, content_type="application/pdf") == key
    assert await store_.put(data, sha256=key, content_type="application/pdf") == key
    assert await store_.exists(key) and await store_.open(key) == data
    with pytest.raises(ValueError):
        await store_.put(b"other bytes", sha256=key, content_type="application/pdf")
    for bad in ("../../etc/passwd", key.upper(), key[:-1]):
        with pytest.raises(ValueError):
            await store_.open(bad)
    await store_.delete(key)
    await store_.delete(key)
    assert not await store_.exists(key)
    with pytest.raises(FileNotFoundError):
        await store_.open(key)
    assert isinstance(get_storage(Settings(upload_dir=tmp_path)), LocalStorage)


async def _case_using(upload: Upload, *, hall: str, department: str) -> Case:
    material = await Material.all().select_related("situation__version__item").order_by("id").first()
    assert material is not None, "the seed has no materials"
    version = material.situation.version
    case = await Case.create(
        channel="window", item_id=version.item_id, version_id=version.id, item_name="上传测试", basic_code="000000000000",
        department_code=department, region_code="371525", city_code="371500", county_code="371525",
        hall_code=hall, applicant_kind="citizen", applicant_name="张三",
    )
    await CaseMaterial.create(case=case, material=material, position=1, name=material.name, necessity="required",
                              state="provided", trust="C", upload_id=upload.id)
    return case


async def test_who_may_read(database: str, up_settings: Settings, sql: Any) -> None:
    data = _unique_pdf()
    owner, stranger = citizen(), citizen()
    row = await store(owner, data, up_settings)
    hall, dept = f"H-{uuid.uuid4().hex[:8]}", f"D-{uuid.uuid4().hex[:8]}"
    case = await _case_using(row, hall=hall, department=dept)
    try:
        got, body = await uploads.read_upload(actor=owner, upload_id=row.id, settings=up_settings)
        assert (got.id, body) == (row.id, data)
        readers = [staff(Role.WINDOW_CLERK, hall_code=hall), staff(Role.DEPT_REVIEWER, department_code=dept)]
        for reader in readers:
            assert (await uploads.read_upload(actor=reader, upload_id=row.id, settings=up_settings))[1] == data
        outsiders = [
            stranger, ANONYMOUS, Actor(api_key_id=1, partner_kind="county_system", region_path="/100000/370000/371500"),
            staff(Role.WINDOW_CLERK, hall_code="H-elsewhere"), staff(Role.DEPT_REVIEWER, department_code="D-elsewhere"),
            staff(Role.ASSISTANCE_AGENT), staff(Role.CATALOG_ADMIN, region_path="/100000/370000/371500"),
        ]
        for outsider in outsiders:
            with pytest.raises(DomainError) as caught:
                await uploads.read_upload(actor=outsider, upload_id=row.id, settings=up_settings)
            assert caught.value.code == uploads.NOT_FOUND
        # staff see their own uploads too (a walk-in's material before the case exists)
        clerk = staff(Role.WINDOW_CLERK, hall_code="H-elsewhere")
        mine = await store(clerk, PNG, up_settings, content_type="image/png")
        found = await uploads.uploads_by_ids(actor=clerk, ids=[mine.id, row.id])
        assert list(found) == [mine.id]
        # one statement, however many ids are asked for
        with sql() as counter:
            found = await uploads.uploads_by_ids(actor=readers[0], ids=[row.id, mine.id, 0, 10**12])
        assert list(found) == [row.id]
        assert counter.count == 1, counter.statements
    finally:
        await case.delete()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _no_pages_pdf() -> bytes:
    from pypdf import PdfWriter

    buf = io.BytesIO()
    PdfWriter().write(buf)
    return buf.getvalue()


def _executable() -> bytes:
    """What a hostile upload looks like: an ELF program (this interpreter) under a PDF or image header."""
    import sys

    return Path(sys.executable).resolve().read_bytes()[:3000]


@pytest.mark.parametrize(("name", "data", "ctype", "says"), [
    ("an executable behind a PDF header", b"%PDF-1.7\n" + _executable(), "application/pdf", "不是真正的 PDF"),
    ("a PDF cut in half", PDF[: len(PDF) // 2], "application/pdf", "不是真正的 PDF"),
    ("a PDF without pages", _no_pages_pdf(), "application/pdf", "没有任何页面"),
    ("an encrypted PDF", _encrypted_pdf(), "application/pdf", "已加密"),
    ("an executable behind a PNG signature", b"\x89PNG\r\n\x1a\n" + _executable(), "image/png", "已损坏"),
    ("a PNG cut short", PNG[:-20], "image/png", "已损坏"),
    ("an executable behind a JPEG marker", b"\xff\xd8\xff\xe0" + _executable(), "image/jpeg", "已损坏"),
    ("an OFD whose document root is missing", samples.ofd(doc_root="Doc_9/Document.xml"), "application/ofd", "DocRoot"),
    ("an OFD whose OFD.xml is not XML", _zip(["OFD.xml"]).replace(b"<ofd:OFD", b"<<<ofd"), "application/ofd", "已损坏"),
], ids=lambda v: v if isinstance(v, str) and not v.startswith(("image", "application")) and len(v) > 8 else "")
async def test_a_file_is_read_whole_not_by_its_first_bytes(database: str, up_settings: Settings, name: str, data: bytes,
                                                         ctype: str, says: str) -> None:
    who = citizen()
    assert uploads.sniff(data) == ctype  # the first bytes claim the type
    big = replace(up_settings, upload_max_bytes=1024 * 1024)
    error = await refused(uploads.CORRUPT_FILE, who, data, big, content_type=ctype)
    assert says in error.message, (name, error.message)
    assert await Upload.filter(owner_citizen_id=who.citizen_id).count() == 0


async def test_every_real_kind_is_accepted_whole(database: str, up_settings: Settings) -> None:
    who = citizen()
    for data, ctype in ((samples.pdf(), "application/pdf"), (samples.png(), "image/png"), (samples.jpeg(), "image/jpeg"),
                        (samples.ofd(), "application/ofd")):
        assert uploads.check_structure(data, ctype) is None
        assert (await store(who, data, up_settings, content_type=ctype)).content_type == ctype
