"""`tonecheck audit` over mbox files and Maildir folders: the streaming mbox reader (separators, '>From ' quoting,
offsets, flat memory), the report's figures against the per-message detail, --from and the config's [audit]
table, --jobs giving the same report, the CLI's findings, and bad input (truncated mbox, unreadable Maildir entries,
empty archives, not an archive, a report aimed into the archive): one line each, exit 2, the rest audited, the
archive's bytes unchanged. Invented mail only (tests/audit_mail.py)."""
from __future__ import annotations

import collections
import hashlib
import json
import mailbox
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest

from audit_mail import BODIES, REPO, mbox_bytes, messages, tonecheck, write_maildir
from tonecheck.archive import ArchiveError, count_messages, read_archive


def _digest(path) -> str:
    """A hash of every file under path (or of the file), to prove the audit wrote nothing to the archive."""
    h = hashlib.sha256()
    if os.path.isfile(path):
        h.update(open(path, "rb").read())
    else:
        for root, dirs, files in sorted(os.walk(path)):
            dirs.sort()
            for f in sorted(files):
                p = os.path.join(root, f)
                h.update(p.encode() + (open(p, "rb").read() if os.path.isfile(p) else b"<unreadable>"))
    return h.hexdigest()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    (root / "Sent.mbox").write_bytes(mbox_bytes(messages()))
    return root


@pytest.fixture(scope="module")
def audit_json(archive):
    """`tonecheck audit Sent.mbox --format json --jobs 1` and its parsed report."""
    out = archive / "audit-1.json"
    proc = tonecheck("audit", "Sent.mbox", "--format", "json", "-o", out, "--jobs", "1", cwd=archive)
    assert proc.returncode == 1, proc.stderr          # findings at warning level
    assert proc.stdout == "" and proc.stderr == ""
    return json.loads(out.read_text(encoding="utf-8"))


# -- the mbox reader ----------------------------------------------------------------------------------------------

def test_mbox_reader_round_trips_what_the_stdlib_writes(tmp_path):
    """Python's mailbox module writes the archive (quoting body 'From ' lines); our reader gives back each message
    as it was, with '>From ' undone, at the byte offset of its envelope line."""
    path = tmp_path / "std.mbox"
    box = mailbox.mbox(str(path))
    originals = messages()
    for raw in originals:
        box.add(raw)
    box.flush()
    box.close()
    data = path.read_bytes()
    entries = list(read_archive(str(path)))
    assert [e.number for e in entries] == list(range(1, len(originals) + 1))
    for entry, raw in zip(entries, originals, strict=True):
        assert entry.error is None
        assert data[entry.offset:entry.offset + 5] == b"From "
        assert entry.data.split(b"\n\n", 1)[1] == raw.split(b"\n\n", 1)[1]     # bodies exact, quoting undone
    assert b"\n>From now on" in data and b"\nFrom now on please" in entries[3].data
    assert count_messages(str(path)) == len(originals)


def test_mbox_reader_separators_and_quoting(tmp_path):
    """Only an envelope-like 'From ' line after a blank line starts a message; '>>From ' loses one '>'."""
    text = (b"From a@x.example Sat Dec 05 10:00:00 2026\nFrom: a@x.example\nSubject: one\n\nHello.\n\n"
            b"From here on we close at five.\n>>From the archive.\nFrom a@x.example Sat Dec 05 10:00:00 2026\n"
            b"still one\n\n"
            b"From - Sat Dec  5 11:00:00 2026\nFrom: b@x.example\nSubject: two\n\nBye.\n\n")
    path = tmp_path / "a.mbox"
    path.write_bytes(text)
    entries = list(read_archive(str(path)))
    assert len(entries) == 2 and count_messages(str(path)) == 2
    assert b"From here on we close at five.\n>From the archive.\nFrom a@x" in entries[0].data
    assert entries[1].offset == text.index(b"From - Sat") and entries[1].data.endswith(b"Bye.\n")


def test_mbox_reader_blank_lines_before_the_first_message_and_crlf(tmp_path):
    text = (b"\r\n\r\nFrom a@x.example Sat Dec 05 10:00:00 2026\r\nFrom: a@x.example\r\n\r\nHi.\r\n\r\n"
            b"From b@x.example Sat Dec 05 10:00:00 2026\r\nFrom: b@x.example\r\n\r\nBye.\r\n")
    path = tmp_path / "crlf.mbox"
    path.write_bytes(text)
    entries = list(read_archive(str(path)))
    assert [(e.offset, e.data) for e in entries] == [(4, b"From: a@x.example\r\n\r\nHi.\r\n"),
                                                    (text.index(b"From b@"), b"From: b@x.example\r\n\r\nBye.\r\n")]


def test_mbox_reader_streams(tmp_path):
    """A 20 MB archive is read with a few hundred KB of Python memory at most: one message at a time."""
    path = tmp_path / "big.mbox"
    one = mbox_bytes(messages())
    with open(path, "wb") as fh:
        for _ in range(20_000_000 // len(one) + 1):
            fh.write(one)
    tracemalloc.start()
    n = sum(1 for _ in read_archive(str(path)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n >= 20_000_000 // len(one) * len(BODIES)
    assert peak < 1_000_000, peak


def test_archive_errors(tmp_path):
    (tmp_path / "notes.txt").write_text("Just some notes.\n")
    with pytest.raises(ArchiveError, match="not an mbox"):
        read_archive(str(tmp_path / "notes.txt"))
    with pytest.raises(ArchiveError, match="no such file"):
        read_archive(str(tmp_path / "missing.mbox"))
    (tmp_path / "plain").mkdir()
    with pytest.raises(ArchiveError, match="not a Maildir"):
        read_archive(str(tmp_path / "plain"))


# -- the report ---------------------------------------------------------------------------------------------------

def test_report_figures_match_the_per_message_detail(audit_json):
    msgs, s = audit_json["messages"], audit_json["summary"]
    assert len(msgs) == len(BODIES) == s["checked"] == s["messages"]
    assert [m["sender"] for m in msgs] == [b[0] for b in BODIES]
    assert [m["week"] for m in msgs] == ["2026-W49"] * 3 + ["2026-W50"] * 2 + ["2026-W51"]
    cats = collections.Counter(f["category"] for m in msgs for f in m["findings"])
    assert cats["defensive"] >= 4 and cats["commitment"] >= 1          # the invented mail has both, on purpose
    assert {c["category"]: c["findings"] for c in s["by_category"]} == dict(cats)
    assert s["findings"] == sum(cats.values())
    assert s["findings_per_100"] == round(100 * s["findings"] / len(msgs), 1)
    senders = collections.Counter(m["sender"] for m in msgs)
    assert {g["sender"]: g["messages"] for g in s["by_sender"]} == dict(senders)
    per_sender = collections.Counter()
    for m in msgs:
        per_sender[m["sender"]] += len(m["findings"])
    assert {g["sender"]: g["findings"] for g in s["by_sender"]} == dict(per_sender)
    ann = next(g for g in s["by_sender"] if g["sender"] == "ann@contoso.example")
    assert ann["per_100"] == round(100 * per_sender["ann@contoso.example"] / 2, 1)
    weeks = collections.Counter(m["week"] for m in msgs)
    assert {w["week"]: w["messages"] for w in s["by_week"]} == dict(weeks)
    worst = s["worst"][0]
    scores = [sum({"error": 9, "warning": 3, "info": 1}[f["severity"]] for f in m["findings"]) for m in msgs]
    assert worst["score"] == max(scores) and worst["number"] == scores.index(max(scores)) + 1
    assert msgs[3]["position"] == "message 4 (byte %d)" % msgs[3]["offset"]


def test_findings_are_the_cli_check_findings(audit_json, archive, tmp_path):
    """Each message's findings equal `tonecheck check --format json` on the same message saved as a .eml file."""
    for i, raw in enumerate(messages(), start=1):
        (tmp_path / f"m{i}.eml").write_bytes(raw)
    proc = tonecheck("check", "--format", "json", "--jobs", "1", *[f"m{i}.eml" for i in range(1, len(BODIES) + 1)],
                     cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    by_file = collections.defaultdict(list)
    for f in json.loads(proc.stdout):
        by_file[f.pop("path")].append(f)
    for m in audit_json["messages"]:
        mine = [{k: v for k, v in f.items() if k != "path"} for f in m["findings"]]
        assert mine == by_file[f"m{m['number']}.eml"], m["number"]


def test_jobs_two_gives_the_same_report(audit_json, archive):
    out = archive / "audit-2.json"
    proc = tonecheck("audit", "Sent.mbox", "--format", "json", "-o", out, "--jobs", "2", cwd=archive)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == audit_json


def test_team_from_option_and_config(archive, tmp_path):
    (tmp_path / "Sent.mbox").write_bytes((archive / "Sent.mbox").read_bytes())
    proc = tonecheck("audit", "Sent.mbox", "--format", "json", "--from", "@contoso.example", "--jobs", "1",
                     cwd=tmp_path)
    s = json.loads(proc.stdout)["summary"]
    assert (s["checked"], s["not_from_team"], s["team"]) == (5, 1, "@contoso.example")
    (tmp_path / "tonecheck.toml").write_text('[audit]\nfrom = ["ann@contoso.example", "chen@contoso.example"]\n')
    proc = tonecheck("audit", "Sent.mbox", "--format", "json", "--jobs", "1", cwd=tmp_path)
    doc = json.loads(proc.stdout)
    assert doc["summary"]["checked"] == 3 and {m["sender"] for m in doc["messages"]} == {"ann@contoso.example",
                                                                                          "chen@contoso.example"}
    proc = tonecheck("audit", "Sent.mbox", "--from", "nobody@else.example", "--jobs", "1", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip().endswith("nothing audited"), proc.stderr


# -- bad input ----------------------------------------------------------------------------------------------------

def test_truncated_and_damaged_mbox(tmp_path):
    """A message of binary junk in the middle and a last message cut off: each named by number and byte offset,
    skipped; every other message audited; exit 2; the archive unchanged."""
    msgs = messages()
    msgs[1] = msgs[1].split(b"\n\n")[0] + b"\n\n" + b"\x00\x01\x02" * 50 + b"\n"
    data = mbox_bytes(msgs)
    cut = data[:data.rindex(b"refund this order") + 6]
    path = tmp_path / "Cut.mbox"
    path.write_bytes(cut)
    before = _digest(path)
    proc = tonecheck("audit", path.name, "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    starts = [m.start() for m in re.finditer(rb"^From sender@audit\.test ", cut, re.M)]
    junk_at, last_at = starts[1], starts[-1]
    assert lines == [f"tonecheck: Cut.mbox#2: message 2 (byte {junk_at}): binary file (contains NUL bytes), not text; "
                     "skipped",
                     f"tonecheck: Cut.mbox#6: message 6 (byte {last_at}): truncated: the archive ends in the middle "
                     "of this message; skipped"], proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["summary"]["checked"] == 4 and doc["summary"]["unreadable"] == 2
    assert [m["number"] for m in doc["messages"] if m["error"] is None] == [1, 3, 4, 5]
    assert _digest(path) == before


def test_maildir_with_unreadable_entries(tmp_path):
    """A dangling symlink and a directory where a message file should be (tests run as root, so chmod 000 would not
    stop a read): each named by its file, skipped, exit 2; the others audited; nothing in the Maildir changed."""
    box = write_maildir(tmp_path / "Sent", messages())
    os.symlink(box / "cur" / "gone", box / "cur" / "1733000050.M50P1.host:2,S")
    (box / "new" / "1733000060.M60P1.host").mkdir()
    before = _digest(box)
    proc = tonecheck("audit", "Sent", "--format", "json", "--jobs", "1", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "tonecheck: Sent/cur/1733000050.M50P1.host:2,S: message 7 (cur/1733000050.M50P1.host:2,S): dangling symbolic "
        "link; skipped",
        "tonecheck: Sent/new/1733000060.M60P1.host: message 8 (new/1733000060.M60P1.host): a directory where a message "
        "file should be; skipped"], proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["summary"]["checked"] == len(BODIES) and doc["summary"]["unreadable"] == 2
    assert _digest(box) == before and sorted(os.listdir(box / "tmp")) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="drops privileges to a user who may not read the file")
def test_maildir_file_the_user_may_not_read(tmp_path):
    """Read by a user without the right to read one message (a child process that drops from root to 'nobody';
    as root, chmod 000 would not stop a read): that entry is 'permission denied', the next one is read."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    top = tempfile.mkdtemp(prefix="tonecheck-audit-")      # under /tmp: pytest's own folders are root's alone
    box = write_maildir(Path(top) / "Sent", messages()[:2])
    os.chmod(top, 0o755)
    for d in (box, box / "cur", box / "new", box / "tmp"):
        os.chmod(d, 0o755)
    first, second = sorted((box / "cur").iterdir())
    first.chmod(0o000)
    second.chmod(0o644)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                                    # the child: no privileges, then read the Maildir
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            lines = [f"{e.name}|{e.error}|{len(e.data or b'')}" for e in read_archive(str(box))]
            os.write(write_end, "\n".join(lines).encode())
        except BaseException as exc:  # noqa: B036 - whatever happens, the parent hears it and the child exits
            os.write(write_end, repr(exc).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as fh:
        got = fh.read().splitlines()
    os.waitpid(pid, 0)
    shutil.rmtree(top)
    assert got == [f"cur/{first.name}|permission denied|0", f"cur/{second.name}|None|{len(messages()[1])}"]


def test_empty_and_wrong_archives(tmp_path):
    (tmp_path / "empty.mbox").write_bytes(b"")
    write_maildir(tmp_path / "EmptyDir", [])
    (tmp_path / "notes.txt").write_text("Just notes.\n")
    for name, line in (("empty.mbox", "tonecheck: empty.mbox: no messages to audit (empty archive)"),
                       ("EmptyDir", "tonecheck: EmptyDir: no messages to audit (empty archive)"),
                       ("notes.txt", "tonecheck: notes.txt: not an mbox archive: the first line is not a 'From ' "
                                     "envelope line"),
                       ("missing.mbox", "tonecheck: missing.mbox: no such file or directory")):
        proc = tonecheck("audit", name, "--jobs", "1", cwd=tmp_path)
        assert (proc.returncode, proc.stderr.strip()) == (2, line)
        assert "Traceback" not in proc.stderr


def test_one_bad_archive_does_not_stop_the_others(archive, tmp_path):
    (tmp_path / "Sent.mbox").write_bytes((archive / "Sent.mbox").read_bytes())
    proc = tonecheck("audit", "missing.mbox", "Sent.mbox", "--format", "json", "--jobs", "1", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "tonecheck: missing.mbox: no such file or directory"
    assert json.loads(proc.stdout)["summary"]["checked"] == len(BODIES)


def test_report_never_written_into_the_archive(archive, tmp_path):
    box = write_maildir(tmp_path / "Sent", messages()[:1])
    before = _digest(box)
    for target, name in ((box / "cur" / "report.html", "Sent"), (tmp_path / "Sent.mbox", "Sent.mbox")):
        if name == "Sent.mbox":
            target.write_bytes((archive / "Sent.mbox").read_bytes())
        proc = tonecheck("audit", name, "--format", "html", "-o", target, "--jobs", "1", cwd=tmp_path)
        assert proc.returncode == 2 and "refusing to write the report over or inside the archive" in proc.stderr
    assert _digest(box) == before
    assert (tmp_path / "Sent.mbox").read_bytes() == (archive / "Sent.mbox").read_bytes()


def test_progress_bar_on_a_terminal(archive, tmp_path):
    """On a terminal (a real pseudo-terminal here) with the report going to a file: a tqdm bar with the count,
    the rate in msg/s and the time left."""
    main, child = pty.openpty()
    out = tmp_path / "audit.json"
    proc = subprocess.Popen([sys.executable, "-m", "tonecheck", "audit", str(archive / "Sent.mbox"), "--format",
                             "json", "-o", str(out), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=child,
                            env={**os.environ, "TONECHECK_NO_SERVER": "1", "COLUMNS": "100"}, cwd=tmp_path)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    shown = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 1
    assert "auditing: 100%" in shown and f"{len(BODIES)}/{len(BODIES)}" in shown and "msg/s" in shown, shown
    assert "<00:00" in shown                  # time left
    assert json.loads(out.read_text())["summary"]["checked"] == len(BODIES)


def test_text_report(archive):
    proc = tonecheck("audit", "Sent.mbox", "--jobs", "1", cwd=archive)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{len(BODIES)} messages checked (")
    for heading in ("Per category", "Per sender", "Per week", "Worst messages"):
        assert heading in proc.stdout
    assert "  ann@contoso.example" in proc.stdout and "2026-W50" in proc.stdout


def test_readme_documents_audit():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "tonecheck audit" in readme and "check_message" in readme


def test_invalid_brand_guide_stops_before_any_message(archive, tmp_path):
    """An unusable --brand is said once, before the audit, not once per message; a guide's warning is shown once
    however many workers check."""
    (tmp_path / "Sent.mbox").write_bytes((archive / "Sent.mbox").read_bytes())
    (tmp_path / "bad.yml").write_text("name: X\nterminology: 7\n")
    proc = tonecheck("audit", "Sent.mbox", "--brand", "bad.yml", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == ["tonecheck: bad.yml:2: terminology: expected a list, got a number",
                                        f"tonecheck: {tmp_path / 'bad.yml'}: the brand guide is invalid (see above)"]
    (tmp_path / "odd.yml").write_text("name: X\ncolour: blue\nterminology:\n  - use: online store\n"
                                      "    instead_of: [webshop]\n")
    proc = tonecheck("audit", "Sent.mbox", "--brand", "odd.yml", "--jobs", "2", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert [line for line in proc.stderr.splitlines() if "colour" in line] == [
        "tonecheck: warning: odd.yml:2: colour: unknown field (ignored); known fields here: banned, claims, "
        "description, name, promises, terminology, values, voice"]
