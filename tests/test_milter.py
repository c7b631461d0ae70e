"""tonecheck milter with a real Postfix (tests/postfix.py): private instances on loopback ports, each passing mail
to a `tonecheck milter` process the test starts, and delivering to a Maildir the test reads.

What is proved: clean mail is delivered with the body byte for byte as sent and no header changed; failing mail is
rejected (550 with the findings), held (Postfix's hold queue) or tagged (X-Tonecheck headers) as configured;
exempt senders/recipients and internal mail; a malformed message passes unchecked with one log line; a timeout
fails open (or tempfails); a milter client that disconnects mid-message does not stop the milter; and with the
milter killed half-way through a run, every message is delivered or refused at SMTP time with the client told.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from postfix import Postfix, body_of, free_port, headers_without_trace, require_postfix

pytest.importorskip("Milter", reason="pymilter is not installed (pip install '.[milter]'; apt-get install "
                                     "libmilter-dev)")

CLEAN = ("Hello Sam,\n\nYour replacement kettle left our warehouse this morning and will arrive by Friday 11 "
         "December. The tracking number is 4471-2290.\n\nIf it does not arrive by then, just reply to this email."
         "\n\nKind regards,\nAnn\n")
INVOICE = ("Hi Sam,\n\nThe invoice for November is attached. The total is 120.00 EUR, paid on 2 December.\n\n"
           "If any line looks wrong, just reply to this email.\n\nBest,\nAnn\n")
DEFENSIVE = ("Hi Sam,\n\nAs I already told you, you should have read the manual.\n\nI have sent the replacement "
             "today; it will arrive by Friday 11 December.\n\nAnn\n")
CONFIG = """\
internal_domains = ["company.example"]
[milter]
internal_ignore = ["defensive"]
exempt_senders = ["ceo@company.example"]
exempt_recipients = ["legal@partner.example"]
"""


def message(mid: str, body: str, *, to: str = "Sam Park <sam@customer.example>", extra: str = "",
            sender: str = "Ann Lee <ann@company.example>") -> bytes:
    head = (f"From: {sender}\nTo: {to}\nSubject: Your replacement\nDate: Sat, 05 Dec 2026 10:00:00 +0000\n"
            f"Message-ID: <{mid}@company.example>\n{extra}\n")
    return (head + body).replace("\n", "\r\n").encode("utf-8")


def multipart(mid: str) -> bytes:
    """A text part with 8-bit and quoted-printable text, a dot-led line, and a base64 attachment."""
    return (f"From: Ann Lee <ann@company.example>\nTo: sam@customer.example\nSubject: Invoice\n"
            f"Date: Sat, 05 Dec 2026 10:00:00 +0000\nMessage-ID: <{mid}@company.example>\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n'
            "Content-Transfer-Encoding: quoted-printable\n\n"
            + INVOICE.replace("Best,", "Gr=C3=BC=C3=9Fe,").replace("Ann\n", "Ann\n.\n..leading dots\n")
            + "--b1\nContent-Type: application/pdf; name=inv.pdf\nContent-Transfer-Encoding: base64\n"
            "Content-Disposition: attachment; filename=inv.pdf\n\n"
            "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK\n--b1--\n"
            ).replace("\n", "\r\n").encode("utf-8")


def same_message(sent: bytes, landed: bytes) -> bool:
    """The body byte for byte (line ends aside: Maildir stores LF) and the same header fields, Postfix's trace
    headers aside."""
    lf = sent.replace(b"\r\n", b"\n")
    return body_of(landed) == body_of(lf) and headers_without_trace(landed) == headers_without_trace(lf)


class MilterProcess:
    """`tonecheck milter` as a subprocess in a session of its own, its log in a file."""

    def __init__(self, tmp: Path, *args: str, listen: str | None = None, config: str = CONFIG):
        self.listen = listen or f"inet:127.0.0.1:{free_port()}"
        self.log_path = tmp / f"milter-{free_port()}.log"
        (tmp / "tonecheck.toml").write_text(config)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tonecheck", "milter", "--listen", self.listen, "--jobs", "1", "-v",
             "--config", str(tmp / "tonecheck.toml"), *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log, start_new_session=True)

    def wait_ready(self, timeout: float = 60) -> "MilterProcess":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "listening on" in self.log():
                if self.listen.startswith("unix:") or self._port_open():
                    return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"milter exited {self.proc.returncode}: {self.log()}")
            time.sleep(0.05)
        raise RuntimeError(f"milter did not start: {self.log()}")

    def _port_open(self) -> bool:
        port = int(self.listen.rsplit(":", 1)[1])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the milter itself (its checkers and fork server must then go by themselves)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM and wait (libmilter takes a few seconds to wind down a session it served: stop them all with
        stop_all)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)     # the group this test started: its checkers, if left
        except (ProcessLookupError, PermissionError):
            pass
        self._log.close()


def stop_all(milters) -> None:
    for m in milters:
        if m.proc.poll() is None:
            m.proc.terminate()
    for m in milters:
        m.stop()


def start_postfixes(listens: dict[str, str], default_action: str = "tempfail") -> dict[str, Postfix]:
    """A Postfix instance per milter socket, started at the same time (each takes about two seconds)."""
    from concurrent.futures import ThreadPoolExecutor

    servers = {k: Postfix(milter=v, default_action=default_action) for k, v in listens.items()}
    with ThreadPoolExecutor(len(servers)) as pool:
        started = [pool.submit(s.start) for s in servers.values()]
    try:
        for f in started:
            f.result()
    except Exception:
        for s in servers.values():
            s.cleanup()
        raise
    return servers


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    """One Postfix per action, each with its milter, started in parallel. The tag milter listens on a unix socket
    that Postfix's smtpd (the postfix user) can reach: a folder anyone may enter, and socket_mode 0666."""
    require_postfix()
    tmp = tmp_path_factory.mktemp("gates")
    sock_dir = Path(tempfile.mkdtemp(prefix="tonecheck-milter-"))
    os.chmod(sock_dir, 0o755)
    milters = {}
    for action in ("reject", "hold", "tag"):
        d = tmp / action
        d.mkdir()
        unix = action == "tag"
        milters[action] = MilterProcess(d, "--action", action, listen=f"unix:{sock_dir}/milter.sock" if unix else None,
                                        config=CONFIG + ('socket_mode = "0666"\n' if unix else ""))
    servers = {}
    try:
        servers.update(start_postfixes({a: m.listen for a, m in milters.items()}))   # while the milters start
        for m in milters.values():
            m.wait_ready()
        yield {a: (servers[a], milters[a]) for a in milters}
    finally:
        for s in servers.values():
            s.cleanup()
        stop_all(milters.values())
        shutil.rmtree(sock_dir, ignore_errors=True)


def test_clean_mail_is_delivered_unchanged(gates):
    server, milter = gates["reject"]
    sent = {
        "clean-1": message("clean-1", CLEAN),
        "clean-2": multipart("clean-2"),
        "clean-3": message("clean-3", CLEAN.replace("Ann\n", "Ann\n\nFrom the warehouse team\n"),
                           extra="X-Long: " + "word " * 30 + "\n\tcontinued\n"),
        # only the author's new text is judged: the customer's angry words quoted below it are context
        "clean-4": message("clean-4", CLEAN + "\nOn Thu, 3 Dec 2026 at 09:12, Sam Park <sam@customer.example> wrote:\n"
                           "> As I already told you, you should have read the manual. This is your fault!!!\n"),
    }
    for raw in sent.values():
        assert server.send(raw, "ann@company.example", ["sam@customer.example"]) == (250, ""), milter.log()
    landed = server.wait_delivered([f"<{mid}@company.example>" for mid in sent])
    for mid, raw in sent.items():
        assert same_message(raw, landed[f"<{mid}@company.example>"]), mid
    assert milter.log().count(": pass (") >= len(sent)


def test_failing_mail_is_rejected_with_the_findings(gates):
    server, milter = gates["reject"]
    code, text = server.send(message("reject-1", DEFENSIVE), "ann@company.example", ["sam@customer.example"])
    assert code == 550
    assert "5.7.1 tonecheck: message not sent: 2 findings at or above warning" in text
    assert "defensive.blame" in text and "you should have read" in text
    time.sleep(0.3)
    assert "<reject-1@company.example>" not in server.delivered_by_id()
    assert not server.queue()
    assert "reject: 2 findings at or above warning" in milter.log()


def test_failing_mail_is_held(gates):
    server, milter = gates["hold"]
    assert server.send(message("hold-1", DEFENSIVE), "ann@company.example", ["sam@customer.example"]) == (250, "")
    assert server.send(message("hold-2", CLEAN), "ann@company.example", ["sam@customer.example"]) == (250, "")
    server.wait_settled(2)
    queue = server.queue()
    assert [q["queue_name"] for q in queue] == ["hold"]
    assert list(server.delivered_by_id()) == ["<hold-2@company.example>"]
    assert f"{queue[0]['queue_id']}: hold: 2 findings" in milter.log()


def test_failing_mail_is_tagged_and_otherwise_unchanged(gates):
    server, milter = gates["tag"]
    raw = message("tag-1", DEFENSIVE)
    assert server.send(raw, "ann@company.example", ["sam@customer.example"]) == (250, "")
    assert server.send(message("tag-2", CLEAN), "ann@company.example", ["sam@customer.example"]) == (250, "")
    server.wait_settled(2)
    landed = server.delivered_by_id()
    tagged = landed["<tag-1@company.example>"]
    assert b"\nX-Tonecheck: fail; 2 findings at or above warning (2 warning)\n" in tagged
    assert b"X-Tonecheck-Findings: defensive." in tagged and b'"you should have read"' in tagged
    assert body_of(tagged) == body_of(raw.replace(b"\r\n", b"\n"))
    assert b"X-Tonecheck" not in landed["<tag-2@company.example>"]
    assert same_message(message("tag-2", CLEAN), landed["<tag-2@company.example>"])


def test_exempt_senders_and_recipients(gates):
    server, milter = gates["reject"]
    exempt_sender = message("ex-1", DEFENSIVE, sender="Chief <ceo@company.example>")
    assert server.send(exempt_sender, "ceo@company.example", ["sam@customer.example"]) == (250, "")
    to_legal = message("ex-2", DEFENSIVE, to="legal@partner.example")
    assert server.send(to_legal, "ann@company.example", ["legal@partner.example"]) == (250, "")
    # one exempt recipient does not exempt the customer beside it
    both = message("ex-3", DEFENSIVE, to="legal@partner.example, sam@customer.example")
    assert server.send(both, "ann@company.example", ["legal@partner.example", "sam@customer.example"])[0] == 550
    landed = server.wait_delivered(["<ex-1@company.example>", "<ex-2@company.example>"])
    assert same_message(exempt_sender, landed["<ex-1@company.example>"])
    assert same_message(to_legal, landed["<ex-2@company.example>"])
    assert "<ex-3@company.example>" not in landed
    assert "not checked: sender ceo@company.example is exempt" in milter.log()
    assert "not checked: every recipient is exempt" in milter.log()


def test_internal_mail_is_judged_as_internal(gates):
    """The test config skips defensive rules for internal mail: the same words pass to a colleague (every envelope
    recipient on company.example) and are rejected to a customer."""
    server, milter = gates["reject"]
    colleague = message("int-1", DEFENSIVE, to="Bo <bo@company.example>")
    assert server.send(colleague, "ann@company.example", ["bo@company.example"]) == (250, "")
    mixed = message("int-2", DEFENSIVE, to="Bo <bo@company.example>")   # a Bcc to a customer: not internal
    assert server.send(mixed, "ann@company.example", ["bo@company.example", "sam@customer.example"])[0] == 550
    assert same_message(colleague, server.wait_delivered(["<int-1@company.example>"])["<int-1@company.example>"])
    assert "pass (0 findings below warning) [internal" in milter.log()


def test_malformed_message_passes_unchecked_with_one_log_line(gates):
    server, milter = gates["reject"]
    nested = (b"From: ann@company.example\r\nTo: sam@customer.example\r\nSubject: nested\r\n"
              b"Message-ID: <bad-1@company.example>\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
              b"Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
              + b"".join(b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1)
                         for i in range(450)))
    assert server.send(nested, "ann@company.example", ["sam@customer.example"]) == (250, "")
    assert same_message(nested, server.wait_delivered(["<bad-1@company.example>"])["<bad-1@company.example>"])
    lines = [line for line in milter.log().splitlines() if "passed unchecked" in line]
    assert len(lines) == 1 and "nested too deeply" in lines[0]
    assert "Traceback" not in milter.log()


def _packet(cmd: bytes, data: bytes = b"") -> bytes:
    return struct.pack(">I", len(data) + 1) + cmd + data


def test_client_disconnecting_mid_message_leaves_the_milter_serving(gates):
    """A milter client (written here from the protocol: the MTA side is not something pymilter provides) that
    negotiates, sends the envelope, headers and half a body, then drops the connection; then an SMTP client that
    drops in the middle of DATA. The milter goes on checking the next message."""
    server, milter = gates["reject"]
    port = int(milter.listen.rsplit(":", 1)[1])
    for cut in (3, 6):      # after the envelope; in the middle of the body
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(_packet(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
            s.recv(4096)
            steps = [_packet(b"C", b"client.example\x004\x00\x19127.0.0.1\x00"),
                     _packet(b"M", b"<ann@company.example>\x00"), _packet(b"R", b"<sam@customer.example>\x00"),
                     _packet(b"L", b"Subject\x00 half\x00"), _packet(b"N"), _packet(b"B", DEFENSIVE.encode()[:40])]
            for step in steps[:cut]:
                s.sendall(step)
            time.sleep(0.2)
    # and through Postfix: an SMTP client that goes away in the middle of DATA (Postfix aborts the milter session)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        f = s.makefile("rwb")
        for line in (None, b"EHLO client.example", b"MAIL FROM:<ann@company.example>",
                     b"RCPT TO:<sam@customer.example>", b"DATA"):
            if line:
                f.write(line + b"\r\n")
                f.flush()
            while (reply := f.readline())[3:4] == b"-":
                pass
        assert reply.startswith(b"354")
        f.write(message("half", DEFENSIVE)[:150])
        f.flush()
    code, _ = server.send(message("after-drop", DEFENSIVE), "ann@company.example", ["sam@customer.example"])
    assert code == 550
    assert milter.proc.poll() is None and "Traceback" not in milter.log()
    assert "<half@company.example>" not in server.delivered_by_id()


def test_timeout_fails_open_or_tempfails(tmp_path):
    """A wall-clock limit no check can meet: the message passes untouched (default) or is tempfailed (4xx, the
    client told to retry), with one warning line each; the checker is restarted."""
    require_postfix()
    milters = {}
    for on_error in ("continue", "tempfail"):
        (tmp_path / on_error).mkdir()
        milters[on_error] = MilterProcess(tmp_path / on_error, "--timeout", "0.001", "--on-error", on_error)
    servers = {}
    try:
        servers = start_postfixes({k: m.listen for k, m in milters.items()})
        for m in milters.values():
            m.wait_ready()
        passed = message("slow-1", DEFENSIVE)
        assert servers["continue"].send(passed, "ann@company.example", ["sam@customer.example"]) == (250, "")
        code, text = servers["tempfail"].send(message("slow-2", DEFENSIVE), "ann@company.example",
                                              ["sam@customer.example"])
        assert code == 451 and "could not be checked now" in text
        landed = servers["continue"].wait_delivered(["<slow-1@company.example>"])
        assert same_message(passed, landed["<slow-1@company.example>"])
        assert not servers["tempfail"].delivered() and not servers["tempfail"].queue()
        for on_error, line in (("continue", "WARNING "), ("tempfail", "WARNING ")):
            log = milters[on_error].log()
            assert log.count(line) == 1 and "timeout: no verdict within the time limit" in log, log
    finally:
        for server in servers.values():
            server.cleanup()
        stop_all(milters.values())


def test_killed_milter_loses_no_mail(tmp_path):
    """40 messages from 4 clients at once, the milter SIGKILLed at the 15th reply: each message is delivered
    (unchanged), rejected for its findings before the kill, or refused with 4xx once the milter is gone
    (milter_default_action = tempfail): the client is told about every one. No process of the killed milter stays
    behind. benchmarks/bench_milter.py runs 200."""
    require_postfix()
    m = MilterProcess(tmp_path)
    server = start_postfixes({"run": m.listen}, default_action="tempfail")["run"]
    try:
        m.wait_ready()
        outcome = run_and_kill(server, m, total=40, kill_after=15)
        left = processes_left(m.proc.pid)
    finally:
        server.cleanup()
        m.stop()
    assert not left, "processes of the killed milter left running"
    codes = outcome["codes"]
    assert outcome["answered"] == sum(codes.values()) == 40 and outcome["unknown"] == []
    assert outcome["delivered"] == codes["250"]
    assert codes["550"] >= 3 and codes["451"] + codes["421"] >= 10       # checked before the kill; told after it
    assert outcome["changed"] == []


def run_and_kill(server: Postfix, milter: MilterProcess, total: int, kill_after: int, senders: int = 4) -> dict:
    """Send `total` messages (every third one failing) from `senders` SMTP clients at once, SIGKILL the milter as
    the `kill_after`th reply comes in (other messages are then in flight), and account for each: its SMTP answer,
    and for a 250 the message in the Maildir, unchanged."""
    from concurrent.futures import ThreadPoolExecutor

    sent = {f"run-{i}": message(f"run-{i}", DEFENSIVE if i % 3 == 0 else CLEAN) for i in range(total)}
    answers: dict[str, int] = {}
    lock = threading.Lock()

    def send(mid: str) -> None:
        code = server.send(sent[mid], "ann@company.example", ["sam@customer.example"])[0]
        with lock:
            answers[mid] = code
            if len(answers) == kill_after:
                milter.kill()

    with ThreadPoolExecutor(senders) as pool:
        list(pool.map(send, sent))
    server.wait_settled(sum(1 for c in answers.values() if c == 250))
    landed = server.delivered_by_id()
    codes = {"250": 0, "550": 0, "451": 0, "421": 0}
    unknown, changed = [], []
    for mid, code in answers.items():
        if str(code) in codes:
            codes[str(code)] += 1
        else:
            unknown.append((mid, code))
        if code == 250 and not same_message(sent[mid], landed.get(f"<{mid}@company.example>", b"")):
            changed.append(mid)
        if code != 250 and f"<{mid}@company.example>" in landed:
            changed.append(mid)      # refused yet delivered: the client would send it twice
    return {"codes": codes, "delivered": len(landed), "answered": len(answers), "unknown": unknown,
            "changed": changed}


def processes_left(pgid: int, wait: float = 10) -> list[str]:
    """The processes still in the killed milter's group (its checkers read EOF and exit) after up to `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        left = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


@pytest.mark.parametrize("listen", ["bogus", "unix:relative.sock", "inet:127.0.0.1:99999", "inet:localhost",
                                    "unix:/no/such/folder/m.sock"])
def test_invalid_listen_is_a_one_line_error(listen):
    res = subprocess.run([sys.executable, "-m", "tonecheck", "milter", "--listen", listen], capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and res.stderr.startswith("tonecheck: ")
    assert "--listen" in res.stderr and "Traceback" not in res.stderr


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "tonecheck", "milter", "--listen", f"inet:127.0.0.1:{port}",
                              "--jobs", "1"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert res.stderr.count("\n") == 1 and "cannot listen on inet:" in res.stderr and "in use" in res.stderr
