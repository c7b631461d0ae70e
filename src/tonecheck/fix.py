"""`tonecheck --fix`: apply the brand guide's terminology substitutions to .md, .html and .txt files.

Only `brand.terminology` findings are fixed, and only where the finding's text stands verbatim in the source file
(the reader's source map says so, and the characters at that line and column are exactly the finding's text):
text that came from an HTML entity, a decoded transfer encoding or anything else the reader had to transform is
reported and left alone. Every other byte of the file is unchanged (line endings, BOM, encoding). The new file is
written to a temporary file in the same folder and renamed over the original, so an interrupted run never leaves
a half-written file. E-mail (.eml) files are never rewritten: they are messages, not sources.
"""
from __future__ import annotations

import os
import tempfile

FIXABLE_KINDS = ("md", "html", "txt")
FIXABLE_RULES = ("brand.terminology",)
_BOM = "\ufeff"


def _fix_table(document) -> dict:
    return document.__dict__.get("_tonecheck_fixes", {}) if document is not None else {}


def planned_fixes(file_result) -> list[tuple[object, str]]:
    """(finding, replacement) for every fixable finding of the result, in text order."""
    table = _fix_table(file_result.document)
    out = []
    for f in file_result.findings:
        if f.rule in FIXABLE_RULES and (f.start, f.end) in table:
            out.append((f, table[(f.start, f.end)]))
    return sorted(out, key=lambda fr: fr[0].start)


def _decode(data: bytes) -> tuple[str, str, str] | None:
    """(text without BOM, bom, codec) when the bytes decode and re-encode to exactly themselves."""
    bom = ""
    if data.startswith(b"\xef\xbb\xbf"):
        bom, data = _BOM, data[3:]
    codecs = ["utf-8"]
    if not bom:
        try:
            from .readers.mapped import choose_codec
            codec, _ = choose_codec(data, None)
            if codec and codec.lower().replace("_", "-") not in ("utf-8", "utf8"):
                codecs.append(codec)
        except Exception:  # noqa: BLE001 - reader internals may change; utf-8 is still tried
            pass
    for codec in codecs:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if text.encode(codec) == data:
            return text, bom, codec
    return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _verbatim_piece(source_map, start: int, end: int):
    for p in source_map.pieces:
        if p.start <= start < p.end:
            return p if (p.verbatim and end <= p.end) else None
    return None


def _write_atomically(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tonecheck-fix-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            st = os.stat(path)
            os.chmod(tmp, st.st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def apply_fixes(file_result) -> list[str]:
    """Rewrite the file of `file_result` with its terminology fixes; returns report lines (what changed, what not)."""
    document = file_result.document
    plan = planned_fixes(file_result)
    if not plan or document is None:
        return []
    path = file_result.path
    kind = document.kind
    if kind == "eml" or path.lower().endswith(".eml"):
        return [f"{path}: {len(plan)} terminology fix(es) not applied: e-mail files are never rewritten"]
    if kind not in FIXABLE_KINDS:
        return [f"{path}: {len(plan)} terminology fix(es) not applied: --fix only rewrites .md, .html and .txt"]
    if path == "-" or not os.path.isfile(path):
        return [f"{path}: {len(plan)} terminology fix(es) not applied: not a file on disk"]
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return [f"{path}: not fixed: cannot read: {exc.strerror or exc}"]
    decoded = _decode(data)
    if decoded is None:
        return [f"{path}: not fixed: the file does not round-trip through its encoding"]
    src, bom, codec = decoded
    starts = _line_starts(src)
    lines: list[str] = []
    edits: list[tuple[int, int, str, str, int, int]] = []
    last_end = -1
    for f, rep in plan:
        old = document.text[f.start:f.end]
        piece = _verbatim_piece(document.source_map, f.start, f.end)
        line, col = document.source_map.position(f.start)
        where = f"{path}:{line}:{col}"
        if piece is None:
            lines.append(f"{where}: not fixed: '{old}' is not verbatim in the source (entity or encoded text)")
            continue
        if not (1 <= line <= len(starts)):
            lines.append(f"{where}: not fixed: position outside the file")
            continue
        off = starts[line - 1] + col - 1
        if src[off:off + len(old)] != old:
            lines.append(f"{where}: not fixed: the source there does not read '{old}'")
            continue
        if off < last_end:
            continue
        try:
            rep.encode(codec)
        except UnicodeEncodeError:
            lines.append(f"{where}: not fixed: '{rep}' cannot be written in the file's encoding ({codec})")
            continue
        edits.append((off, off + len(old), old, rep, line, col))
        last_end = off + len(old)
    if not edits:
        return lines
    out = src
    for s, e, old, rep, _, _ in reversed(edits):
        out = out[:s] + rep + out[e:]
    try:
        _write_atomically(path, (bom + out).encode(codec) if bom else out.encode(codec))
    except OSError as exc:
        return lines + [f"{path}: not fixed: cannot write: {exc.strerror or exc}"]
    for _, _, old, rep, line, col in edits:
        lines.append(f"{path}:{line}:{col}: fixed: '{old}' -> '{rep}'")
    lines.append(f"{path}: applied {len(edits)} terminology fix(es)")
    return lines
