"""Document readers: turn a file (.eml, .txt, .md, .html) into a Document of judged text plus source mapping.

read_document is the only entry point. It picks the reader (by kind, extension or sniffing), rejects files that
are not text, and guarantees that nothing but InputError escapes, so one bad file never stops a whole run.
"""
from __future__ import annotations

import os
import re
import sys

from ..model import Document, InputError
from . import limits

__all__ = ["read_document", "sniff_kind", "KINDS"]

from .kinds import EXTENSIONS, KINDS
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_KEY_HEADERS = re.compile(rb"^(?:from|to|subject|date|mime-version|content-type|received|message-id|"
                          rb"return-path|delivered-to|reply-to|cc)[ \t]*:", re.I)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<(?:body|p|div|br|span|table|h[1-6]|a|ul|img)[\s/>]", re.I)
# bytes that never appear in text (C0 controls other than tab, newline, vertical tab, form feed, carriage return)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"


def sniff_kind(data: bytes) -> str:
    """eml when the file starts with RFC 5322 headers, html when it has tags, else txt."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf")
    lines = head.lstrip(b"\r\n").splitlines()[:20]
    headers = key = 0
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and headers:
            continue
        if _HEADER_LINE.match(line):
            headers += 1
            key += bool(_KEY_HEADERS.match(line))
        else:
            headers = 0
            break
    if headers >= 2 and key >= 1:
        return "eml"
    if _HTML.search(head):
        return "html"
    return "txt"


def _check_text(data: bytes) -> None:
    if not data:
        raise InputError("file is empty")
    sample = data[:65536]
    if not sample.strip() and not data.strip():
        raise InputError("file has no text (only whitespace)")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: NULs are expected
        return
    if b"\x00" in sample:
        raise InputError("binary file (contains NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > max(2, len(sample) // 20):
        raise InputError("binary file (mostly non-text bytes), not text")
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut by the sample boundary
            bad = len(sample.decode("utf-8", "replace").encode("utf-8")) - len(sample)
            high = sum(1 for b in sample if b >= 0x80)
            if high > len(sample) * 0.3 and bad > len(sample) * 0.3:
                raise InputError("binary file (mostly non-text bytes), not text") from None


def _read_file(path: str) -> bytes:
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except Exception as exc:
            raise InputError(f"cannot read standard input: {exc}") from None
    if os.path.isdir(path):
        raise InputError("is a directory")
    try:
        with open(path, "rb") as fh:
            limits.check_file_size(os.fstat(fh.fileno()).st_size)
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None


def _read_kind(path: str, data: bytes, kind: str) -> Document:
    """The reader for `kind` on `data`; files other than email within limits.MAX_BYTES (an email's own bound is
    taken after its attachments are set aside)."""
    if kind == "eml":
        from .eml import read_eml
        return read_eml(path, data)
    limits.check_bytes(len(data))
    if kind == "html":
        from .html import read_html
        return read_html(path, data)
    if kind == "md":
        from .markdown import read_markdown
        return read_markdown(path, data)
    from .text import read_text
    return read_text(path, data)


def read_document(path: str, data: bytes | None = None, kind: str | None = None) -> Document:
    """Read one file (or `data` for it) into a Document. Raises InputError (a one-line reason) and nothing else."""
    try:
        if data is None:
            data = _read_file(path)
        if kind is not None and kind not in KINDS:
            raise InputError(f"unknown document kind {kind!r} (expected one of {', '.join(KINDS)})")
        _check_text(data)
        if kind is None:
            ext = os.path.splitext(path)[1].lower() if path != "-" else ""
            kind = EXTENSIONS.get(ext) or sniff_kind(data)
        doc = _read_kind(path, data, kind)
        limits.check_text(len(doc.text))
        limits.break_long_lines(doc)
        return doc
    except InputError:
        raise
    except RecursionError:
        raise InputError("could not parse: structure nested too deeply") from None
    except MemoryError:
        raise InputError("could not parse: file too large to read") from None
    except Exception as exc:
        msg = " ".join(str(exc).split())[:200]
        raise InputError(f"could not parse: {type(exc).__name__}{': ' + msg if msg else ''}") from None
