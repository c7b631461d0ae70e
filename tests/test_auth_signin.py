"""`tonecheck auth`: the kept sign-in file (0600, replaced atomically); a silent refresh whose token feeds
`tonecheck watch` against the OAuth2 Dovecot (tests/oauth_idp.py); one-line errors when there is no sign-in, the
refresh is refused or the provider cannot be reached.

google-auth and msal talk only to their providers' hosts, so the test plays Google's token endpoint behind a loopback
proxy that the child process is told to use, with a CA only it trusts (tests/tls_intercept.py). The interactive
--login steps are not run here.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from test_watch import TONECHECK, WARN_TEXT, _verdict, draft
from test_watch_oauth2 import OAuthBox
from tls_intercept import InterceptingProxy

from tonecheck.mailbox.tokenstore import write_private

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning:imaplib2.imaplib2"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:threading")]
AUTH = [TONECHECK, "auth"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sign_in_file_is_0600_and_replaced_atomically(tmp_path):
    path = tmp_path / "state" / "tonecheck" / "google-a@b.example.json"
    old = os.umask(0)
    try:
        write_private(path, '{"refresh_token": "rt-1"}')
    finally:
        os.umask(old)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    path.chmod(0o644)                       # someone loosened it: the next write tightens it again
    write_private(path, '{"refresh_token": "rt-2"}')
    assert _mode(path) == 0o600 and json.loads(path.read_text()) == {"refresh_token": "rt-2"}
    with pytest.raises(UnicodeEncodeError):  # a write that fails half-way leaves the old file whole
        write_private(path, '{"refresh_token": "rt-3' + "\ud800")
    assert json.loads(path.read_text()) == {"refresh_token": "rt-2"}
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]   # no temporary file left behind


NO_NETWORK = {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
"""No proxy listens at this loopback port: any attempt to reach Google or Microsoft fails at once, offline or not."""


def _saved_sign_in(path: Path, token: str, expiry: str) -> None:
    write_private(path, json.dumps({
        "token": token, "refresh_token": "rt-google-1", "client_id": "1234-test.apps.googleusercontent.com",
        "client_secret": "test-client-secret", "scopes": ["https://mail.google.com/"], "expiry": expiry}))


@pytest.fixture
def google(idp, tmp_path):
    """Google's token endpoint, played by the test through an intercepting proxy: refreshes rt-google-1 with a new
    access token that the OAuth2 Dovecot's identity provider accepts for o1."""
    refresh_tokens, issued = {"rt-google-1"}, []

    def answer(_method, path, form):
        if path != "/token" or form.get("grant_type") != "refresh_token" or \
                form.get("refresh_token") not in refresh_tokens:
            return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        issued.append(idp.issue(f"ya29.refreshed-{len(issued) + 1}", "o1"))
        return 200, {"access_token": issued[-1], "expires_in": 3599, "token_type": "Bearer",
                     "scope": "https://mail.google.com/"}

    proxy = InterceptingProxy(tmp_path, ["oauth2.googleapis.com"], answer)
    proxy.refresh_tokens, proxy.issued = refresh_tokens, issued
    yield proxy
    proxy.close()


def test_google_silent_refresh_feeds_the_watcher(oauth_server, idp, google, tmp_path):
    cache = tmp_path / "google-o1.json"
    _saved_sign_in(cache, "ya29.expired-0", "2001-01-01T00:00:00Z")
    box = OAuthBox(oauth_server, "o1", idp)
    box.ensure("Drafts")
    uid = box.append("Drafts", draft(1, WARN_TEXT))
    command = f"{TONECHECK} auth google --user o1 --cache {cache}"
    proc = subprocess.run([TONECHECK, "watch", oauth_server.url("o1"), "--cafile", oauth_server.cafile, "--once",
                           "--oauth2-token-command", command], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, env=google.env(os.environ))
    assert proc.returncode == 0, proc.stderr
    assert _verdict(box.messages("Drafts")[uid][0]) == "warn"
    assert google.requests == [("POST", "oauth2.googleapis.com", "/token")] and google.issued == ["ya29.refreshed-1"]
    saved = json.loads(cache.read_text())
    assert saved["token"] == "ya29.refreshed-1" and saved["refresh_token"] == "rt-google-1"
    assert _mode(cache) == 0o600
    for secret in ("ya29.refreshed-1", "rt-google-1", "test-client-secret"):
        assert secret not in proc.stdout + proc.stderr
        assert all(secret.encode() not in m for m in box.reports())
    box.close()
    # still valid: printed again from the kept sign-in, without asking Google
    again = subprocess.run(AUTH + ["google", "--user", "o1", "--cache", str(cache)], capture_output=True, text=True,
                           timeout=60, env=google.env(os.environ))
    assert (again.returncode, again.stdout, again.stderr) == (0, "ya29.refreshed-1\n", "")
    assert len(google.requests) == 1


def test_google_revoked_sign_in_is_a_one_line_error(google, tmp_path):
    cache = tmp_path / "google-o1.json"
    _saved_sign_in(cache, "ya29.expired-0", "2001-01-01T00:00:00Z")
    google.refresh_tokens.clear()                      # the user revoked tonecheck's access
    proc = subprocess.run(AUTH + ["google", "--user", "o1", "--cache", str(cache)], capture_output=True, text=True,
                          timeout=60, env=google.env(os.environ))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("tonecheck: auth: google: the saved sign-in was refused (invalid_grant: Token has "
                                  "been expired or revoked.")
    assert proc.stderr.rstrip().endswith("sign in once in a terminal with `tonecheck auth google ... --login`")
    assert "rt-google-1" not in proc.stderr


def test_google_expired_token_and_no_network_is_a_one_line_error(tmp_path):
    cache = tmp_path / "google-o1.json"
    _saved_sign_in(cache, "ya29.expired-0", "2001-01-01T00:00:00Z")
    proc = subprocess.run(AUTH + ["google", "--user", "o1", "--cache", str(cache)], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, **NO_NETWORK))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("tonecheck: auth: google: cannot reach Google's token endpoint: ")
    assert "rt-google-1" not in proc.stderr and "ya29" not in proc.stderr
    assert json.loads(cache.read_text())["token"] == "ya29.expired-0"     # the kept sign-in is untouched


def test_microsoft_without_a_sign_in_or_a_network(tmp_path):
    cache = tmp_path / "ms.json"
    env = dict(os.environ, **NO_NETWORK)
    args = AUTH + ["microsoft", "--client-id", "11111111-2222-3333-4444-555555555555", "--user",
                   "support@contoso.example", "--cache", str(cache)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == ("tonecheck: auth: microsoft: no saved sign-in for support@contoso.example: sign in once in "
                           "a terminal with `tonecheck auth microsoft ... --login`\n")
    import msal
    cache_obj = msal.SerializableTokenCache()
    write_private(cache, cache_obj.serialize())        # a kept (empty) sign-in: msal must now ask Microsoft
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("tonecheck: auth: microsoft: Microsoft's sign-in service failed: ")
