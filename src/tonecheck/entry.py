"""The `tonecheck` command (console script and `python -m tonecheck`): hand the run to a resident server
(`tonecheck server start`) when one is up, else run it in-process through tonecheck.cli.

Why a module of its own: this decision is taken at every start, before anything heavy is imported (standard
library only; click, spaCy and the CLI only when the run stays here), and it keeps the CLI and the server from
importing each other: this module uses both, neither uses it.

    TONECHECK_NO_SERVER=1     always run in-process
    TONECHECK_SERVER_SOCKET   the socket (see tonecheck.resident.protocol.socket_path)
"""
from __future__ import annotations

import os
import sys

# never through the server: long-running or interactive commands, and the ones that must stay instant
IN_PROCESS_COMMANDS = ("server", "watch", "lsp", "serve")
IN_PROCESS_FLAGS = ("--help", "-h", "--version")


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def wants_server(argv: list[str], environ=None) -> bool:
    """Whether this command line may go to a server: not when disabled, completing, showing help or the version,
    or running a command that must stay in this process."""
    env = os.environ if environ is None else environ
    if _truthy(env.get("TONECHECK_NO_SERVER")):
        return False
    if any(k.endswith("_COMPLETE") and k.startswith("_") for k in env):   # click shell completion
        return False
    if not argv:
        try:
            return not os.isatty(0)             # bare `tonecheck` on a terminal shows help
        except OSError:
            return False
    if argv[0] in IN_PROCESS_COMMANDS:
        return False
    return not any(a in IN_PROCESS_FLAGS for a in argv)


def _via_server(argv: list[str]) -> int | None:
    """The server's exit code for this run, or None: run it here. A server lost mid-run is one line and exit 2."""
    from .resident.client import ServerLost, run_via_server

    try:
        return run_via_server(argv)
    except ServerLost as exc:
        try:
            sys.stderr.write(f"tonecheck: server: {exc}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        return 2


def main() -> None:
    """The console script: exits with the run's code."""
    argv = sys.argv[1:]
    if wants_server(argv):
        code = _via_server(argv)
        if code is not None:
            sys.exit(code)
    from .cli import _entry

    _entry()


if __name__ == "__main__":
    main()
