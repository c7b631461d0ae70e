"""The review workflow: a checked message leaves the outbox for the pass or the fail folder.

With MOVE (RFC 6851) the server moves it in one command. Without MOVE: COPY, fetch the copy (its UID from COPYUID,
UIDPLUS) and compare its bytes with the original's hash, and only then mark the original \\Deleted and UID EXPUNGE
that one UID: never a plain EXPUNGE, which would also remove messages someone else marked. If anything does not
verify, the original stays where it is. A crash between the copy and the expunge leaves the draft in both folders
(with MOVE too: Dovecot commits the destination before it expunges the original): recovery.py finds that copy
before the next move and expunges the original instead.
"""
from __future__ import annotations

import base64
import logging

from .connection import ImapError
from .verdict import content_hash

log = logging.getLogger("tonecheck.watch")


def mutf7(name: str) -> str:
    """IMAP modified UTF-7 (RFC 3501 5.1.3) for mailbox names."""
    out, buf = [], []

    def flush():
        if buf:
            b64 = base64.b64encode("".join(buf).encode("utf-16-be")).decode("ascii").rstrip("=")
            out.append("&" + b64.replace("/", ",") + "-")
            buf.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            buf.append(ch)
    flush()
    return "".join(out)


def quote_mailbox(name: str) -> str:
    name = mutf7(name)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ok(typ, dat, what):
    if typ != "OK":
        text = dat[-1].decode("utf-8", "replace") if dat and isinstance(dat[-1], bytes) else str(dat)
        raise ImapError(f"{what}: {text}")


def _copyuid(conn, uid: int) -> int | None:
    typ, dat = conn.response("COPYUID")
    for item in dat or ():
        if not item:
            continue
        parts = item.decode("ascii", "replace").split()
        if len(parts) == 3 and parts[1] == str(uid) and parts[2].isdigit():
            return int(parts[2])
    return None


def fetch_body(conn, uid: int) -> bytes | None:
    typ, dat = conn.uid("FETCH", str(uid), "(UID BODY.PEEK[])")
    _ok(typ, dat, f"UID FETCH {uid}")
    for item in dat or ():
        if isinstance(item, tuple) and len(item) == 2:
            return item[1]
    return None


def move_message(conn, caps, *, uid: int, source: str, dest: str, digest: str, use_move: bool = True) -> int | None:
    """Move one message from the selected `source` to `dest`; returns its UID there when the server says.
    The source is selected again on return."""
    conn.response("COPYUID")  # clear a stale one
    if use_move and "MOVE" in caps:
        typ, dat = conn.uid("MOVE", str(uid), quote_mailbox(dest))
        _ok(typ, dat, f"UID MOVE {uid} to {dest}")
        return _copyuid(conn, uid)
    if "UIDPLUS" not in caps:
        raise ImapError("the server has neither MOVE nor UIDPLUS: cannot move only this message safely")
    typ, dat = conn.uid("COPY", str(uid), quote_mailbox(dest))
    _ok(typ, dat, f"UID COPY {uid} to {dest}")
    new_uid = _copyuid(conn, uid)
    if new_uid is None:
        raise ImapError(f"UID COPY {uid} to {dest}: the server did not say the copy's UID; original kept")
    # verify the copy, byte for byte (by hash), before touching the original
    typ, dat = conn.select(quote_mailbox(dest), readonly=True)
    _ok(typ, dat, f"EXAMINE {dest}")
    try:
        copy = fetch_body(conn, new_uid)
    finally:
        typ, dat = conn.select(quote_mailbox(source))
        _ok(typ, dat, f"SELECT {source}")
    if copy is None or content_hash(copy) != digest:
        raise ImapError(f"the copy of UID {uid} in {dest} (UID {new_uid}) does not match the original; "
                        "original kept")
    typ, dat = conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")
    _ok(typ, dat, f"UID STORE {uid} +FLAGS (\\Deleted)")
    typ, dat = conn.uid("EXPUNGE", str(uid))
    _ok(typ, dat, f"UID EXPUNGE {uid}")
    return new_uid
