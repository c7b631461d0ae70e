"""A Maildir reader: every file under cur/ and new/ (tmp/ holds deliveries in progress and is left alone), in name
order, which for Maildir's time-first names is delivery order.

Why not the standard library's `mailbox.Maildir`: it silently leaves out an entry that is a directory and gives no
order; an audit must report every entry it could not read (a dangling link, a folder where a message should be, a
file it may not open) by its file name, and go on.
"""
from __future__ import annotations

import os
from typing import Iterator

from ..readers.limits import MAX_FILE
from . import ArchiveEntry, ArchiveError


def _names(path: str) -> list[str]:
    """'cur/NAME' and 'new/NAME' for every entry but hidden ones, sorted by name (the delivery time comes first)."""
    names = []
    for sub in ("cur", "new"):
        folder = os.path.join(path, sub)
        if not os.path.isdir(folder):
            continue
        try:
            with os.scandir(folder) as it:
                names.extend((e.name, f"{sub}/{e.name}") for e in it if not e.name.startswith("."))
        except OSError as exc:
            raise ArchiveError(f"{sub}/: {exc.strerror or exc}") from None
    return [rel for _, rel in sorted(names)]


def read_maildir(path: str) -> Iterator[ArchiveEntry]:
    """Each message of the Maildir at `path`; the folder is listed at once (ArchiveError if it cannot be)."""
    names = _names(path)
    return _messages(path, names)


def _messages(path: str, names: list[str]) -> Iterator[ArchiveEntry]:
    for number, rel in enumerate(names, start=1):
        entry = ArchiveEntry(archive=path, number=number, name=rel)
        entry.data, entry.error = _read(os.path.join(path, rel))
        yield entry


def _read(file: str) -> tuple[bytes | None, str | None]:
    """(bytes, None) or (None, the one-line reason the entry cannot be read)."""
    try:
        with open(file, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE:
                return None, f"too large to check: {size / 1e6:.0f} MB (the limit is {MAX_FILE / 1e6:g} MB)"
            data = fh.read()
    except FileNotFoundError:
        reason = "dangling symbolic link" if os.path.islink(file) else "vanished while reading"
        return None, reason
    except IsADirectoryError:
        return None, "a directory where a message file should be"
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    if not data.strip():
        return None, "empty file"
    return data, None


def count_maildir(path: str) -> int:
    return len(_names(path))
