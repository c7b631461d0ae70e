"""Plain-text files: usually a pasted email draft, so the quote/signature split applies; mapping is verbatim."""
from __future__ import annotations

from ..model import Context, Document, Region
from . import quoting
from .mapped import Builder, MText, choose_codec, decode


def decode_file(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode a whole text file (BOM aware); returns (text, warnings)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        declared = "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    codec, warnings = choose_codec(data, declared)
    return decode(data, codec), warnings


def source_lines(text: str) -> list[MText]:
    """One verbatim MText per source line (without its line ending)."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if line.endswith("\r"):
            line = line[:-1]
        out.append(MText.verbatim(line, i + 1, 1))
    return out


def read_text(path: str, data: bytes) -> Document:
    text, warnings = decode_file(data)
    lines = source_lines(text)
    split = quoting.split_lines([ln.text for ln in lines])
    body = quoting.assemble(lines, split.judged)
    b = Builder()
    s, e = b.add(body)
    ctx = Context(quoted=split.quoted, signature=split.signature)
    doc = Document(path=path, kind="txt", text=b.text, source_map=b.source_map(), context=ctx,
                   regions=[Region("body", s, e)], warnings=warnings, source_text=text)
    if not doc.text.strip():
        doc.warnings.append("no new text to check")
    return doc
