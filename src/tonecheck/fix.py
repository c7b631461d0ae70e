"""`tonecheck --fix`: apply the brand guide's terminology substitutions to .md, .html and .txt files.

Only `brand.terminology` findings are fixed (the edits of the Fix its check puts on each finding), and only where
the finding's text stands verbatim in the source file (the reader's source map says so, and the characters at that
line and column are exactly the finding's text): text that came from an HTML entity, a decoded transfer encoding
or anything else the reader had to transform is reported and left alone. Every other byte of the file is unchanged
(line endings, BOM, encoding). The new file is written to a temporary file in the same folder and renamed over the
original, so an interrupted run never leaves a half-written file. E-mail (.eml) files are never rewritten: they
are messages, not sources.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from .model import Edit, Finding

FIXABLE_KINDS = ("md", "html", "txt")
FIXABLE_RULES = ("brand.terminology",)
_BOM = "\ufeff"


def planned_fixes(file_result) -> list[tuple[Finding, Edit]]:
    """(finding, edit) for every edit of the fixable findings of the result (their `fix`), in text order."""
    out = [(f, edit) for f in file_result.findings if f.rule in FIXABLE_RULES and f.fix is not None
           for edit in f.fix.edits]
    return sorted(out, key=lambda fe: fe[1].start)


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
    """The piece holding [start, end) when the text there is the source's own; a phrase over several verbatim
    pieces (the HTML reader keeps one per word) counts too, its first piece standing for it - the caller still
    compares the source with the text before it writes anything."""
    covered = [p for p in source_map.pieces if p.start < end and p.end > start]
    if not covered or not all(p.verbatim for p in covered) or not covered[0].start <= start:
        return None
    if covered[-1].end < end:
        return None
    return covered[0]


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


def _refusal(path: str, kind: str, n: int) -> str | None:
    """Why the file is not rewritten at all (None: it may be)."""
    if kind == "eml" or path.lower().endswith(".eml"):
        return f"{path}: {n} terminology fix(es) not applied: e-mail files are never rewritten"
    if kind not in FIXABLE_KINDS:
        return f"{path}: {n} terminology fix(es) not applied: --fix only rewrites .md, .html and .txt"
    if path == "-" or not os.path.isfile(path):
        return f"{path}: {n} terminology fix(es) not applied: not a file on disk"
    return None


@dataclass(frozen=True)
class _SourceEdit:
    """An edit placed in the source file: offsets in the decoded source, and where it is for the report."""
    start: int
    end: int
    old: str
    new: str
    line: int
    column: int


def _place(plan, document, src: str, codec: str, path: str) -> tuple[list[str], list[_SourceEdit]]:
    """The plan's edits placed in the source (report lines for those that cannot be), in order, none overlapping."""
    starts = _line_starts(src)
    lines: list[str] = []
    placed: list[_SourceEdit] = []
    last_end = -1
    for _, edit in plan:
        old = document.text[edit.start:edit.end]
        line, col = document.source_map.position(edit.start)
        where = f"{path}:{line}:{col}"
        if _verbatim_piece(document.source_map, edit.start, edit.end) is None:
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
            edit.replacement.encode(codec)
        except UnicodeEncodeError:
            lines.append(f"{where}: not fixed: '{edit.replacement}' cannot be written in the file's encoding "
                         f"({codec})")
            continue
        placed.append(_SourceEdit(off, off + len(old), old, edit.replacement, line, col))
        last_end = off + len(old)
    return lines, placed


def apply_fixes(file_result) -> list[str]:
    """Rewrite the file of `file_result` with its terminology fixes; returns report lines (what changed, what not)."""
    document = file_result.document
    plan = planned_fixes(file_result)
    if not plan or document is None:
        return []
    path = file_result.path
    refusal = _refusal(path, document.kind, len(plan))
    if refusal is not None:
        return [refusal]
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return [f"{path}: not fixed: cannot read: {exc.strerror or exc}"]
    decoded = _decode(data)
    if decoded is None:
        return [f"{path}: not fixed: the file does not round-trip through its encoding"]
    src, bom, codec = decoded
    lines, edits = _place(plan, document, src, codec, path)
    if not edits:
        return lines
    out = src
    for e in reversed(edits):
        out = out[:e.start] + e.new + out[e.end:]
    try:
        _write_atomically(path, (bom + out).encode(codec) if bom else out.encode(codec))
    except OSError as exc:
        return lines + [f"{path}: not fixed: cannot write: {exc.strerror or exc}"]
    lines += [f"{path}:{e.line}:{e.column}: fixed: '{e.old}' -> '{e.new}'" for e in edits]
    lines.append(f"{path}: applied {len(edits)} terminology fix(es)")
    return lines
