"""Mail archives as streams of messages: mbox files (Google Takeout, Thunderbird, `doveadm` exports) and Maildir
folders (Dovecot, offlineimap, mbsync).

`read_archive(path)` yields one `ArchiveEntry` per message, in archive order, holding only that message in memory.
A message that cannot be read is an entry with `error` set and no data, named by its position (message number and
byte offset, or Maildir file name), so a caller reports it and goes on. Archives are opened read-only: nothing
here ever writes to, locks or renames anything in an archive.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator


class ArchiveError(Exception):
    """The archive as a whole cannot be read (missing, not an mbox or a Maildir). str(exc) is the one-line reason."""


@dataclass
class ArchiveEntry:
    """One message of an archive: its raw bytes, or the reason it could not be read."""
    archive: str                    # the archive's path as given
    number: int                     # 1-based position in the archive
    data: bytes | None = None
    error: str | None = None
    offset: int | None = None       # mbox: byte offset of its From_ line
    name: str | None = None         # Maildir: file name under cur/ or new/

    @property
    def position(self) -> str:
        """Where the message is, for a person: 'message 12 (byte 3456)' or 'message 12 (cur/1733…:2,S)'."""
        where = f"byte {self.offset}" if self.offset is not None else self.name
        return f"message {self.number} ({where})" if where else f"message {self.number}"

    @property
    def display(self) -> str:
        """The name findings carry: the archive, then the message's number (and Maildir file)."""
        if self.name is not None:
            return f"{self.archive}/{self.name}"
        return f"{self.archive}#{self.number}"


def archive_kind(path: str) -> str:
    """'maildir' for a folder with cur/ or new/, 'mbox' for a file; ArchiveError otherwise."""
    if os.path.isdir(path):
        if os.path.isdir(os.path.join(path, "cur")) or os.path.isdir(os.path.join(path, "new")):
            return "maildir"
        raise ArchiveError("not a Maildir (no cur/ or new/ folder) and not an mbox file")
    if os.path.exists(path):
        return "mbox"
    if os.path.lexists(path):
        raise ArchiveError("dangling symbolic link")
    raise ArchiveError("no such file or directory")


def read_archive(path: str) -> Iterator[ArchiveEntry]:
    """Every message of the mbox file or Maildir folder at `path`, streamed; ArchiveError before the first one
    when the archive itself cannot be read."""
    if archive_kind(path) == "maildir":
        from .maildir import read_maildir
        return read_maildir(path)
    from .mbox import read_mbox
    return read_mbox(path)


def count_messages(path: str) -> int:
    """How many messages `path` holds, by a fast scan (for a progress bar's total; no message is parsed)."""
    if archive_kind(path) == "maildir":
        from .maildir import count_maildir
        return count_maildir(path)
    from .mbox import count_mbox
    return count_mbox(path)


__all__ = ["ArchiveEntry", "ArchiveError", "archive_kind", "count_messages", "read_archive"]
