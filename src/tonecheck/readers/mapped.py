"""Text that remembers where it came from, plus the byte-decoding helpers every reader shares.

Readers cut, drop and join pieces of the source (quote stripping, markup removal, block joining). Carrying the
source position with every run of characters through those edits is what lets a finding point at the right line
and column of the original file, so all readers build their judged text out of MText values.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..model import Piece, SourceMap


@dataclass
class MText:
    """A string plus Pieces whose offsets are relative to this string (unmapped gaps are allowed)."""
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)

    @classmethod
    def verbatim(cls, text: str, line: int, column: int) -> "MText":
        return cls(text, [Piece(0, len(text), line, column, True)] if text else [])

    @classmethod
    def at(cls, text: str, line: int, column: int) -> "MText":
        """Text that stands for something at (line, column) but is not a literal copy of it."""
        return cls(text, [Piece(0, len(text), line, column, False)] if text else [])

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, a: int, b: int | None = None) -> "MText":
        n = len(self.text)
        b = n if b is None else min(b, n)
        a = max(0, min(a, b))
        out = []
        for p in self.pieces:
            s, e = max(p.start, a), min(p.end, b)
            if s >= e:
                continue
            col = p.column + (s - p.start) if p.verbatim else p.column
            out.append(Piece(s - a, e - a, p.line, col, p.verbatim))
        return MText(self.text[a:b], out)

    def strip(self) -> "MText":
        t = self.text
        a = len(t) - len(t.lstrip())
        b = len(t.rstrip())
        return self.slice(a, max(a, b))

    def split_lines(self) -> list["MText"]:
        out, start = [], 0
        while True:
            i = self.text.find("\n", start)
            if i < 0:
                out.append(self.slice(start))
                return out
            out.append(self.slice(start, i))
            start = i + 1

    def relocate(self, line: int, column: int = 1) -> "MText":
        """Every piece mapped (not verbatim) to one place: for decoded parts whose bytes differ from the source."""
        return MText(self.text, [Piece(p.start, p.end, line, column, False) for p in self.pieces])

    def shift_lines(self, delta: int) -> "MText":
        return MText(self.text, [Piece(p.start, p.end, p.line + delta, p.column, p.verbatim) for p in self.pieces])

    def first_position(self) -> tuple[int, int] | None:
        return (self.pieces[0].line, self.pieces[0].column) if self.pieces else None


class Builder:
    """Concatenates MTexts and reader-inserted separators into one judged text with absolute Pieces."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0

    def add(self, m: MText | str) -> tuple[int, int]:
        start = self.length
        if isinstance(m, str):
            self._parts.append(m)
            self.length += len(m)
            return start, self.length
        self._parts.append(m.text)
        for p in m.pieces:
            self.pieces.append(Piece(p.start + start, p.end + start, p.line, p.column, p.verbatim))
        self.length += len(m.text)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def source_map(self, default_line: int = 1) -> SourceMap:
        return SourceMap(self.pieces, default_line=default_line)


def join(parts: list[MText], sep: str) -> MText:
    b = Builder()
    for i, p in enumerate(parts):
        if i:
            b.add(sep)
        b.add(p)
    return MText(b.text, b.pieces)


# --- decoding -------------------------------------------------------------------------------------------------

UTF8_NAMES = {"utf-8", "utf8", "utf_8", "u8", "utf-8-sig", "utf_8_sig"}


def normalize_codec(name: str | None) -> str | None:
    """A Python text codec name for a declared charset, or None when Python has no such text encoding."""
    if not name:
        return None
    name = name.strip().strip('"\'').lower()
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def ascii_compatible(codec: str) -> bool:
    try:
        return "a\n\r=".encode(codec) == b"a\n\r=" and b"a\n".decode(codec) == "a\n"
    except Exception:
        return False


def detect_codec(data: bytes) -> str | None:
    """charset-normalizer's best guess (on a bounded sample), or None."""
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
    except Exception:
        return None
    if best is None:
        return None
    return normalize_codec(best.encoding)


def choose_codec(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    """Pick the codec to decode `data` with; decode with errors='replace' afterwards. Returns (codec, warnings)."""
    warnings: list[str] = []
    codec = normalize_codec(declared) if declared else None
    if declared and codec is None:
        warnings.append(f"unknown charset {declared.strip()[:40]!r}")
    if codec:
        try:
            data.decode(codec)
            return codec, warnings
        except Exception:
            if codec.replace("_", "-") in UTF8_NAMES:
                warnings.append("invalid UTF-8 bytes replaced")
                return "utf-8", warnings
    if codec is None and not declared:
        try:
            data.decode("ascii")
            return "utf-8", warnings
        except UnicodeDecodeError:
            pass
    try:
        data.decode("utf-8")
        if declared:
            warnings.append(f"charset {declared.strip()[:40]!r} does not fit the text; decoded as utf-8")
        return "utf-8", warnings
    except UnicodeDecodeError:
        pass
    guess = detect_codec(data)
    if guess and ascii_compatible(guess):
        warnings.append(f"charset detected as {guess}")
        return guess, warnings
    warnings.append("text is not valid UTF-8; undecodable bytes replaced")
    return "utf-8", warnings


def decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec, errors="replace")
    except Exception:
        return data.decode("utf-8", errors="replace")
