"""The milter's decisions and settings, without a mail server (tests/test_milter.py runs them through Postfix)."""
from __future__ import annotations

import pytest

from tonecheck.milter import policy
from tonecheck.milter.settings import MilterSettings, SettingsError, build_settings, check_listen
from tonecheck.model import Finding


def finding(rule: str, severity: str = "warning", excerpt: str = "soon", message: str = "msg", line: int = 1):
    return Finding(path="m", rule=rule, category=rule.split(".")[0], severity=severity, message=message,
                   suggestion="", line=line, column=1, end_line=line, end_column=2, excerpt=excerpt, sentence="")


SETTINGS = MilterSettings(listen="inet:1@127.0.0.1", exempt_senders=("ceo@company.example", "@bots.example"),
                          exempt_recipients=("legal@partner.example", "audit.example"))


@pytest.mark.parametrize("sender, recipients, exempt", [
    ("ceo@company.example", ["sam@customer.example"], True),
    ("CEO@Company.Example", ["sam@customer.example"], True),
    ("x@bots.example", ["sam@customer.example"], True),
    ("x@sub.bots.example", ["sam@customer.example"], False),         # a domain entry names that domain only
    ("ann@company.example", ["legal@partner.example", "a@audit.example"], True),
    ("ann@company.example", ["legal@partner.example", "sam@customer.example"], False),
    ("ann@company.example", ["other@partner.example"], False),
    ("ann@company.example", [], False),
])
def test_exemption(sender, recipients, exempt):
    assert bool(policy.exemption(sender, recipients, SETTINGS)) is exempt


@pytest.mark.parametrize("sender, recipients, internal", [
    ("ann@company.example", ["bo@company.example"], True),             # the sender's own domain
    ("ann@company.example", ["bo@company-eu.example"], True),          # a configured internal domain
    ("ann@company.example", ["bo@company.example", "sam@customer.example"], False),
    ("ann@company.example", [], False),
    ("", ["bo@company-eu.example"], True),                             # the null sender: internal domains only
])
def test_internal(sender, recipients, internal):
    assert policy.is_internal(sender, recipients, ("company-eu.example",)) is internal


def test_fail_on_threshold():
    fs = [finding("clarity.long-sentence", "info"), finding("commitment.vague-time", "warning", line=3),
          finding("defensive.insult", "error", line=5)]
    assert [f.rule for f in policy.failing(fs, "warning")] == ["defensive.insult", "commitment.vague-time"]
    assert len(policy.failing(fs, "info")) == 3
    assert policy.failing(fs, "never") == []


def test_reject_reply_is_safe_smtp_text():
    fs = [finding("brand.terminology", excerpt="100% Grüße\r\nnext", message="Use 'Kite Flex'.\nNot this")]
    d = policy.decide(None, fs, fail_on="warning", action="reject", queue_id="Q1")
    assert d.action == "reject"
    assert d.reply[0] == "tonecheck: message not sent: 1 finding at or above warning"
    assert d.reply[1] == "brand.terminology: Use 'Kite Flex'. Not this (\"100%% Gr??e next\")"
    assert all(line.isascii() and "\n" not in line and len(line) <= 210 for line in d.reply)


def test_tag_headers_and_hold_reason():
    fs = [finding("defensive.blame", excerpt="you failed to"), finding("commitment.vague-time", excerpt="späte")]
    tag = policy.decide(None, fs, fail_on="warning", action="tag", queue_id="Q")
    assert tag.headers[0] == ("X-Tonecheck", "fail; 2 findings at or above warning (2 warning)")
    assert tag.headers[1][1].startswith("=?utf-8?")        # non-ASCII excerpt: RFC 2047, never raw 8-bit
    hold = policy.decide(None, fs, fail_on="warning", action="hold", queue_id="Q")
    assert hold.action == "hold" and hold.reply[0].startswith("tonecheck: 2 findings at or above warning")


def test_passes_and_failures_of_the_gate():
    assert policy.decide(None, [finding("x.y", "info")], fail_on="warning", action="reject",
                         queue_id="Q").action == "continue"
    unreadable = policy.decide("binary file", [], fail_on="warning", action="reject", queue_id="Q")
    assert unreadable.action == "continue" and unreadable.unchecked
    assert policy.gate_failure("timeout", on_error="continue", queue_id="Q").action == "continue"
    tf = policy.gate_failure("overload", on_error="tempfail", queue_id="Q")
    assert tf.action == "tempfail" and tf.unchecked and tf.reply


@pytest.mark.parametrize("spec, expected", [
    ("inet:127.0.0.1:8890", "inet:8890@127.0.0.1"),
    ("inet:8890@127.0.0.1", "inet:8890@127.0.0.1"),
    ("inet:localhost:25", "inet:25@localhost"),
    ("inet6:[::1]:8890", "inet6:8890@::1"),
    ("unix:/tmp/m.sock", "unix:/tmp/m.sock"),
    ("local:/tmp/m.sock", "unix:/tmp/m.sock"),
])
def test_listen_specs(spec, expected):
    assert check_listen(spec) == expected


@pytest.mark.parametrize("spec", ["", "bogus", "inet:127.0.0.1", "inet:127.0.0.1:0", "inet:127.0.0.1:70000",
                                  "unix:m.sock", "unix:/no/such/folder/m.sock", "tcp:127.0.0.1:25"])
def test_bad_listen_specs(spec):
    with pytest.raises(SettingsError, match="--listen"):
        check_listen(spec)


def test_settings_from_config_and_command_line():
    table = {"listen": "inet:127.0.0.1:9000", "action": "hold", "timeout": 5, "exempt_senders": ["A@B.example"],
             "internal_ignore": ["next-step"], "socket_mode": "0666"}
    s = build_settings(table, "t.toml", action="tag", listen=None)
    assert (s.listen, s.action, s.timeout, s.exempt_senders, s.internal_ignore, s.socket_mode) == \
        ("inet:9000@127.0.0.1", "tag", 5.0, ("a@b.example",), ("next-step",), 0o666)
    assert s.on_error == "continue" and s.jobs >= 1


@pytest.mark.parametrize("table, message", [
    ({"listen": "inet:127.0.0.1:9000", "acton": "hold"}, "unknown key"),
    ({"listen": "inet:127.0.0.1:9000", "action": "drop"}, "action"),
    ({"listen": "inet:127.0.0.1:9000", "on_error": "reject"}, "on_error"),
    ({"listen": "inet:127.0.0.1:9000", "timeout": True}, "timeout"),
    ({"listen": "inet:127.0.0.1:9000", "timeout": -1}, "more than 0"),
    ({"listen": "inet:127.0.0.1:9000", "socket_mode": "rw"}, "socket_mode"),
    ({"listen": "inet:127.0.0.1:9000", "internal_ignore": "brand"}, "internal_ignore"),
    ({"listen": "inet:127.0.0.1:9000", "exempt_senders": [3]}, "exempt_senders"),
    ({}, "no socket"),
])
def test_bad_settings(table, message):
    with pytest.raises(SettingsError, match=message):
        build_settings(table, "t.toml")


class _BrokenPool:
    """A checker pool with a bug in it: what the gate's guard is for."""

    def check(self, data, internal, deadline):
        raise ValueError("a bug")


@pytest.mark.parametrize("on_error", ["continue", "tempfail"])
def test_a_bug_inside_the_gate_lets_the_message_through(on_error, caplog):
    """Callbacks called as libmilter would, without a connection (so no reply text can be set either): a bug in
    the checking answers continue (or tempfail, without its reply text), with one log line."""
    milter_lib = pytest.importorskip("Milter", reason="pymilter is not installed")
    from tonecheck.milter.gate import GateRuntime, ToneGate

    settings = MilterSettings(listen="inet:1@127.0.0.1", on_error=on_error)
    gate = ToneGate()
    gate._setctx(None)
    gate.runtime = GateRuntime(settings, _BrokenPool(), fail_on="warning", internal_domains=())
    assert gate.envfrom("<ann@company.example>") == milter_lib.CONTINUE
    assert gate.envrcpt("<sam@customer.example>") == milter_lib.CONTINUE
    assert gate.header("Subject", b" Hello") == milter_lib.CONTINUE
    assert gate.eoh() == milter_lib.CONTINUE
    assert gate.body(b"Hello Sam,\r\n") == milter_lib.CONTINUE
    with caplog.at_level("WARNING", logger="tonecheck.milter"):
        answer = gate.eom()
    lines = [r.getMessage() for r in caplog.records]
    assert answer == (milter_lib.TEMPFAIL if on_error == "tempfail" else milter_lib.CONTINUE)
    assert lines == [f"NOQUEUE: {'tempfail' if on_error == 'tempfail' else 'passed unchecked'}: internal error in "
                     "eom: ValueError: a bug"]
