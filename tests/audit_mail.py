"""Invented mail for the audit tests (tests/test_audit*.py, tests/test_api.py): a few support replies by three team
members and one customer, over three ISO weeks, written as an mbox (with mboxrd '>From ' quoting) or a Maildir."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BODIES = [
    ("ann@contoso.example", "Mon, 30 Nov 2026 09:00:00 +0000",
     "Hi Sam,\n\nWe will look into it ASAP and get back to you soon.\n\nBest,\nAnn\n"),
    ("bob@contoso.example", "Tue, 01 Dec 2026 10:00:00 +0000",
     "Hi Kim,\n\nYour parcel left our warehouse on Monday and arrives on Thursday. Reply to this email if it does "
     "not.\n\nBob\n"),
    ("kim@customer.example", "Tue, 01 Dec 2026 11:00:00 +0000",
     "As I said before, obviously you never read my mail!!!\n"),
    ("ann@contoso.example", "Mon, 07 Dec 2026 09:30:00 +0000",
     "Hi Lee,\n\nAs I said before, the refund was sent on Monday. Obviously you should check your statement.\n\n"
     "From now on please quote your order number.\n\nAnn\n"),
    ("chen@contoso.example", "Wed, 09 Dec 2026 14:00:00 +0000",
     "Hi Priya,\n\nThanks for the photos. Our technician will call you on Friday 11 December between 9:00 and "
     "12:00 to book the repair.\n\nChen\n"),
    ("bob@contoso.example", "Tue, 15 Dec 2026 16:00:00 +0000",
     "Hi Alex,\n\nUnfortunately we cannot refund this order. Our policy is final and this matter is now closed.\n\n"
     "Bob\n"),
]


def message(i: int, sender: str, date: str, body: str) -> bytes:
    return (f"From: {sender.split('@')[0].title()} <{sender}>\nTo: customer{i}@mail.example\n"
            f"Subject: Re: case {1000 + i}\nDate: {date}\nMessage-ID: <{i}@audit.test>\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}").encode()


def messages() -> list[bytes]:
    return [message(i, *b) for i, b in enumerate(BODIES, start=1)]


def mbox_bytes(msgs: list[bytes]) -> bytes:
    """An mboxrd archive: an envelope line, each body line matching '>*From ' gets one more '>', a blank line."""
    out = []
    for raw in msgs:
        out.append(b"From sender@audit.test Sat Dec 05 10:00:00 2026\n")
        for line in raw.splitlines(keepends=True):
            out.append(b">" + line if re.match(rb">*From ", line) else line)
        out.append(b"\n")
    return b"".join(out)


def write_maildir(root: Path, msgs: list[bytes]) -> Path:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(msgs, start=1):
        (root / "cur" / f"17330000{i:02d}.M{i}P1.host:2,S").write_bytes(raw)
    return root


def tonecheck(*args, cwd, env=None, stdin=None) -> subprocess.CompletedProcess:
    """The tonecheck command, in this interpreter, never through a resident server."""
    return subprocess.run([sys.executable, "-m", "tonecheck", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=180, env={**os.environ, "TONECHECK_NO_SERVER": "1", **(env or {})},
                          stdin=stdin)
