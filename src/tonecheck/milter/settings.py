"""The milter's settings: the [milter] table of tonecheck.toml with the command line laid over it, checked once at
start so a typo is a one-line error (exit 2) and not a gate that silently lets everything through.

    [milter]
    listen = "unix:/run/tonecheck/milter.sock"   # or "inet:127.0.0.1:8890" (also inet6:[::1]:PORT)
    action = "reject"            # reject | hold | tag: what happens to mail with findings at or above fail_on
    on_error = "continue"        # continue | tempfail: an internal error, a timeout, no free checker
    timeout = 10                 # wall-clock seconds for one message, waiting for a checker included
    time_budget = 2              # CPU seconds to read and check one message (the Runner's budget)
    jobs = 2                     # checker processes (default: the number of cores)
    exempt_senders = ["ceo@company.example", "@noreply.company.example"]
    exempt_recipients = ["legal@company.example", "partner.example"]
    internal_ignore = ["next-step", "brand"]   # rules not applied when every recipient is internal
    socket_mode = "0660"         # permissions of a unix socket (Postfix's user must be able to write to it)
    max_message_bytes = 25000000 # larger mail passes unchecked (one log line)
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

ACTIONS = ("reject", "hold", "tag")
ON_ERROR = ("continue", "tempfail")
DEFAULT_INTERNAL_IGNORE = ("next-step", "brand")
KEYS = {"listen", "action", "on_error", "timeout", "time_budget", "jobs", "exempt_senders", "exempt_recipients",
        "internal_ignore", "socket_mode", "max_message_bytes"}
_INET = re.compile(r"^inet:(?:(?P<host>[^:\[\]]+)|\[?(?P<v6>[0-9A-Fa-f:.]+)\]?):(?P<port>\d{1,5})$")
_INET_PORT_FIRST = re.compile(r"^inet:(?P<port>\d{1,5})@(?P<host>.+)$")    # Sendmail's own spelling


class SettingsError(Exception):
    """A setting that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class MilterSettings:
    listen: str
    action: str = "reject"
    on_error: str = "continue"
    timeout: float = 10.0
    time_budget: float = 2.0
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    exempt_senders: tuple[str, ...] = ()
    exempt_recipients: tuple[str, ...] = ()
    internal_ignore: tuple[str, ...] = DEFAULT_INTERNAL_IGNORE
    socket_mode: int = 0o660
    max_message_bytes: int = 25_000_000


def check_listen(spec: str) -> str:
    """The socket spec in libmilter's form, or SettingsError: unix:/path (also local:/path), inet:HOST:PORT,
    inet:PORT@HOST, inet6:[ADDR]:PORT."""
    spec = (spec or "").strip()
    if spec.startswith(("unix:", "local:")):
        path = spec.split(":", 1)[1]
        if not path.startswith("/"):
            raise SettingsError(f"--listen {spec!r}: a unix socket needs an absolute path (unix:/run/x.sock)")
        folder = os.path.dirname(path)
        if not os.path.isdir(folder):
            raise SettingsError(f"--listen {spec!r}: the folder {folder} does not exist")
        return "unix:" + path
    m = _INET.match(spec.replace("inet6:", "inet:", 1)) or _INET_PORT_FIRST.match(spec)
    if not m or not 0 < int(m.group("port")) < 65536:
        raise SettingsError(f"--listen {spec!r}: expected unix:/path/to.sock or inet:HOST:PORT (e.g. "
                            "inet:127.0.0.1:8890)")
    host = m.groupdict().get("host") or m.groupdict().get("v6")
    if spec.startswith("inet6:") or (host and ":" in host):
        return f"inet6:{m.group('port')}@{host}"
    return f"inet:{m.group('port')}@{host}"


def probe_listen(spec: str) -> None:
    """SettingsError when the socket of a checked spec cannot be had (a port in use, a folder not writable), told
    before the checkers are started rather than by libmilter afterwards."""
    import socket

    kind, _, rest = spec.partition(":")
    if kind == "unix":
        folder = os.path.dirname(rest)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise SettingsError(f"cannot listen on {spec}: the folder {folder} is not writable")
        return
    port, _, host = rest.partition("@")
    family = socket.AF_INET6 if kind == "inet6" else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)     # as libmilter does
            probe.bind((host, int(port)))
    except OSError as exc:
        raise SettingsError(f"cannot listen on {spec}: {exc.strerror or exc}") from None


def _typed(table: dict, key: str, kinds, what: str, where: str):
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds):     # no setting here is true/false
        raise SettingsError(f"{where}: milter: {key}: expected {what}")
    return value


def _addresses(values, key: str, where: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise SettingsError(f"{where}: milter: {key}: expected a list of addresses or domains")
    return tuple(v.strip().lower() for v in values)


def build_settings(table: dict, where: str, **cli) -> MilterSettings:
    """Settings from the config table (`where` names its file) with the non-None command-line values over it."""
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise SettingsError(f"{where}: milter: unknown key(s): {', '.join(unknown)}")

    def pick(key, kinds, what):
        v = cli.get(key)
        return v if v is not None and v != () else _typed(table, key, kinds, what, where)

    listen = pick("listen", str, "a socket spec")
    if not listen:
        raise SettingsError("milter: no socket: give --listen unix:/path.sock or inet:127.0.0.1:PORT, or set listen "
                            "in the config's [milter] table")
    action = pick("action", str, "reject, hold or tag") or "reject"
    if action not in ACTIONS:
        raise SettingsError(f"milter: action: must be one of {', '.join(ACTIONS)}, not {action!r}")
    on_error = pick("on_error", str, "continue or tempfail") or "continue"
    if on_error not in ON_ERROR:
        raise SettingsError(f"milter: on_error: must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
    numbers = {k: pick(k, (int, float), "a number") for k in ("timeout", "time_budget")}
    if any(v is not None and v <= 0 for v in numbers.values()):
        raise SettingsError("milter: timeout and time_budget must be more than 0 seconds")
    jobs = pick("jobs", int, "a whole number")
    max_bytes = pick("max_message_bytes", int, "a number of bytes")
    mode = pick("socket_mode", str, 'an octal mode such as "0660"') or "0660"
    if not re.fullmatch(r"0?[0-7]{3}", mode):
        raise SettingsError(f"milter: socket_mode: expected an octal mode such as \"0660\", not {mode!r}")
    ignore = table.get("internal_ignore", DEFAULT_INTERNAL_IGNORE)
    if isinstance(ignore, str) or not all(isinstance(s, str) for s in ignore):
        raise SettingsError(f"{where}: milter: internal_ignore: expected a list of rule ids or prefixes")
    return MilterSettings(
        listen=check_listen(listen), action=action, on_error=on_error,
        timeout=float(numbers["timeout"] or 10.0), time_budget=float(numbers["time_budget"] or 2.0),
        jobs=max(1, jobs or os.cpu_count() or 1),
        exempt_senders=_addresses(cli.get("exempt_senders") or table.get("exempt_senders"), "exempt_senders", where),
        exempt_recipients=_addresses(cli.get("exempt_recipients") or table.get("exempt_recipients"),
                                     "exempt_recipients", where),
        internal_ignore=tuple(ignore), socket_mode=int(mode, 8),
        max_message_bytes=max_bytes if max_bytes and max_bytes > 0 else 25_000_000)
