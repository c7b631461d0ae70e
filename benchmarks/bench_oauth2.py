"""What does OAuth2 cost `tonecheck watch`, against real Dovecots (tests/dovecot.py, tests/oauth_idp.py)?

1. Login latency: connect() over IMAPS with a password (LOGIN), and with a kept token by OAUTHBEARER and by XOAUTH2
   (the server asks the loopback introspection endpoint each time): median and p90 of --logins.
2. Login after expiry: the kept token is refused, the token command runs (`cat` of a file) and the login is repeated
   on the same connection: median of --logins / 5.
3. The token command `tonecheck auth google` printing a kept, still valid token (Python start-up and imports): median
   of 5 runs. It runs only when a token is refused, about once an hour.

    .venv/bin/python benchmarks/bench_oauth2.py [--logins 50]

Prints plain lines, then one JSON line with every figure.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore", DeprecationWarning)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import dovecot  # noqa: E402  (tests/dovecot.py)
from oauth_idp import IdentityProvider, oauth_dovecot  # noqa: E402

from tonecheck.mailbox.connection import close, connect, parse_url  # noqa: E402
from tonecheck.mailbox.oauth2 import TokenCommand  # noqa: E402
from tonecheck.mailbox.tokenstore import write_private  # noqa: E402


def timed_logins(spec, user, secret, n: int, before=None) -> list[float]:
    out = []
    for _ in range(n):
        if before:
            before()
        t = time.perf_counter()
        conn = connect(spec, user, secret)
        out.append(time.perf_counter() - t)
        close(conn)
    return out


def ms(values) -> dict:
    values = sorted(values)
    return {"median_ms": round(statistics.median(values) * 1000, 1),
            "p90_ms": round(values[int(len(values) * 0.9) - 1] * 1000, 1)}


def login_figures(n: int, folder: Path) -> dict:
    idp = IdentityProvider()
    password_server = dovecot.Dovecot(users=["p1"]).start()
    both = oauth_dovecot(idp, users=("o1",)).start()
    xoauth2_only = oauth_dovecot(idp, mechanisms="xoauth2", users=("o1",)).start()
    token_file = folder / "token"
    try:
        spec = parse_url(password_server.url("p1"), cafile=password_server.cafile)
        figures = {"password LOGIN": ms(timed_logins(spec, "p1", dovecot.PASSWORD, n))}
        token_file.write_text(idp.issue("at-bench-1", "o1") + "\n")
        for name, server in (("OAUTHBEARER", both), ("XOAUTH2", xoauth2_only)):
            source = TokenCommand(f"cat {token_file}")
            figures[f"{name}, kept token"] = ms(timed_logins(parse_url(server.url("o1"), cafile=server.cafile), "o1",
                                                             source, n))
        source, count = TokenCommand(f"cat {token_file}"), iter(range(10**6))

        def expire():  # the kept token is refused; the command prints a new, valid one
            idp.deactivate(source.token()[0])
            token_file.write_text(idp.issue(f"at-bench-renewed-{next(count)}", "o1") + "\n")

        figures["OAUTHBEARER, token expired: refused, command run, login again"] = ms(
            timed_logins(parse_url(both.url("o1"), cafile=both.cafile), "o1", source, max(5, n // 5), before=expire))
        return figures
    finally:
        for server in (password_server, both, xoauth2_only):
            server.cleanup()
        idp.close()


def auth_command_figure(folder: Path) -> dict:
    cache = folder / "google.json"
    write_private(cache, json.dumps({"token": "ya29.bench", "refresh_token": "rt", "client_id": "c",
                                     "client_secret": "s", "scopes": ["https://mail.google.com/"],
                                     "expiry": "2999-01-01T00:00:00Z"}))
    argv = [str(Path(sys.executable).parent / "tonecheck"), "auth", "google", "--user", "o1", "--cache", str(cache)]
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        runs.append(time.perf_counter() - t)
    return {"tonecheck auth google (kept token)": ms(runs)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--logins", type=int, default=50)
    args = ap.parse_args()
    if not dovecot.have_dovecot():
        sys.exit("bench_oauth2: the dovecot binary is not installed (apt-get install dovecot-imapd)")
    with tempfile.TemporaryDirectory() as tmp:
        figures = login_figures(args.logins, Path(tmp))
        figures.update(auth_command_figure(Path(tmp)))
    for name, f in figures.items():
        print(f"{name:64s} median {f['median_ms']:7.1f} ms   p90 {f['p90_ms']:7.1f} ms")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
