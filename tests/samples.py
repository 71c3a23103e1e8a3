"""Real files for upload tests: each opens with the parser the server checks it with (pypdf, Pillow,
the OFD package rules), and each call gives new bytes (a unique tag inside), so two uploads of
"the same kind" are never deduplicated by accident."""

from __future__ import annotations

import io
import uuid
import zipfile

from PIL import Image
from pypdf import PdfWriter

OFD_NS = "http://www.ofdspec.org/2016"


def pdf(tag: str | None = None) -> bytes:
    """A one-page PDF whose title is ``tag`` (a fresh one unless given)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": tag or uuid.uuid4().hex})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _image(fmt: str, tag: str | None) -> bytes:
    seed = uuid.UUID(tag) if tag and len(tag) == 32 else uuid.uuid4()
    img = Image.frombytes("RGB", (4, 4), seed.bytes * 3)
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


def png(tag: str | None = None) -> bytes:
    return _image("PNG", tag)


def jpeg(tag: str | None = None) -> bytes:
    return _image("JPEG", tag)


def ofd(tag: str | None = None, *, doc_root: str = "Doc_0/Document.xml") -> bytes:
    """An OFD package: OFD.xml naming its document root, and the document itself."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD xmlns:ofd='{OFD_NS}' Version='1.0' DocType='OFD'><ofd:DocBody>"
                              f"<ofd:DocInfo><ofd:DocID>{tag or uuid.uuid4().hex}</ofd:DocID></ofd:DocInfo>"
                              f"<ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f"<ofd:Document xmlns:ofd='{OFD_NS}'/>")
    return buf.getvalue()
