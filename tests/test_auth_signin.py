"""`tonecheck auth`: the kept sign-in file (0600, replaced atomically); a silent refresh whose token feeds
`tonecheck watch` against the OAuth2 Dovecot (tests/oauth_idp.py); one-line errors when there is no sign-in, the
refresh is refused or the provider cannot be reached.

google-auth and msal talk only to their providers' hosts, so the test plays Google's token endpoint and Entra ID's
endpoints behind a loopback proxy that the child process is told to use, with a CA only it trusts
(tests/tls_intercept.py). Microsoft's device-code --login runs whole (the test approves the code at once); Google's
--login needs a browser and is not run.
"""
from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import time
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


MS_CLIENT, MS_TENANT_ID = "11111111-2222-3333-4444-555555555555", "9188040d-6c67-4c5b-b112-36a304b66dad"


def _b64json(d) -> str:
    return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()


@pytest.fixture
def microsoft(idp, tmp_path):
    """Entra ID's endpoints for tenant contoso.example as msal uses them (OpenID configuration, device code, token),
    played by the test: the device code is approved at once; access tokens live 60 s (msal refreshes any token
    within 5 minutes of expiry), each one issued in `idp` for o2."""
    base, issuer = "https://login.microsoftonline.com/contoso.example", \
        f"https://login.microsoftonline.com/{MS_TENANT_ID}/v2.0"
    proxy = None

    def answer(_method, path, form):
        if path.endswith("/v2.0/.well-known/openid-configuration"):
            return 200, {"authorization_endpoint": base + "/oauth2/v2.0/authorize", "issuer": issuer,
                         "token_endpoint": base + "/oauth2/v2.0/token",
                         "device_authorization_endpoint": base + "/oauth2/v2.0/devicecode"}
        if path == "/common/discovery/instance":   # which host names are the same cloud (msal's cache lookup)
            return 200, {"tenant_discovery_endpoint": base + "/v2.0/.well-known/openid-configuration", "metadata": [
                {"preferred_network": "login.microsoftonline.com", "preferred_cache": "login.windows.net",
                 "aliases": ["login.microsoftonline.com", "login.windows.net", "sts.windows.net"]}]}
        if path.endswith("/oauth2/v2.0/devicecode"):
            return 200, {"user_code": "TC-4821", "device_code": "dc-1", "verification_uri": "https://example.test/device",
                         "expires_in": 900, "interval": 1, "message": "To sign in, enter the code TC-4821."}
        grant = form.get("grant_type", "")
        if path.endswith("/oauth2/v2.0/token") and (grant.endswith("device_code") or
                                                     form.get("refresh_token") in proxy.refresh_tokens):
            return 200, _ms_tokens(proxy, issuer)
        return 400, {"error": "invalid_grant", "error_description": "AADSTS50173: The provided grant has expired due "
                                                                    "to it being revoked.\r\nTrace ID: 0"}

    proxy = InterceptingProxy(tmp_path, ["login.microsoftonline.com"], answer)
    proxy.refresh_tokens, proxy.issued = {"rt-ms-1"}, []
    yield proxy
    proxy.close()


def _ms_tokens(proxy, issuer) -> dict:
    now = int(time.time())
    proxy.issued.append(f"eyJ0.ms-access-{len(proxy.issued) + 1}")
    claims = {"iss": issuer, "aud": MS_CLIENT, "exp": now + 3600, "iat": now, "nbf": now, "preferred_username": "o2",
              "oid": "oid-o2", "tid": MS_TENANT_ID, "sub": "sub-o2"}
    return {"token_type": "Bearer", "scope": "https://outlook.office.com/IMAP.AccessAsUser.All", "expires_in": 60,
            "access_token": proxy.issued[-1], "refresh_token": "rt-ms-1",
            "id_token": _b64json({"alg": "none"}) + "." + _b64json(claims) + ".",
            "client_info": _b64json({"uid": "oid-o2", "utid": MS_TENANT_ID})}


def test_microsoft_device_code_sign_in_then_silent_refresh(oauth_server, idp, microsoft, tmp_path):
    cache = tmp_path / "ms-o2.json"
    auth = AUTH + ["microsoft", "--client-id", MS_CLIENT, "--tenant", "contoso.example", "--user", "o2",
                   "--cache", str(cache)]
    env = microsoft.env(os.environ)
    login = subprocess.run(auth + ["--login"], capture_output=True, text=True, timeout=60, env=env)
    assert login.returncode == 0 and login.stdout == "", login.stderr   # a sign-in prints no token
    assert "enter the code TC-4821" in login.stderr and "signed in as o2" in login.stderr
    assert _mode(cache) == 0o600 and "rt-ms-1" in cache.read_text()
    for token in microsoft.issued:
        idp.issue(token, "o2")
    box = OAuthBox(oauth_server, "o2", idp)
    box.ensure("Drafts")
    uid = box.append("Drafts", draft(2, WARN_TEXT))
    microsoft.answer = _issuing(microsoft.answer, microsoft, idp)
    proc = subprocess.run([TONECHECK, "watch", oauth_server.url("o2"), "--cafile", oauth_server.cafile, "--once",
                           "--oauth2-token-command", " ".join(auth)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, env=env)
    assert proc.returncode == 0, proc.stderr
    assert _verdict(box.messages("Drafts")[uid][0]) == "warn"
    grants = [p for m, h, p in microsoft.requests if p.endswith("/token")]
    assert len(grants) == 2 and len(microsoft.issued) == 2       # the device code, then one silent refresh
    assert microsoft.issued[-1] in cache.read_text() and _mode(cache) == 0o600
    for secret in (*microsoft.issued, "rt-ms-1"):
        assert secret not in proc.stdout + proc.stderr
        assert all(secret.encode() not in m for m in box.reports())
    box.close()
    # the refresh token is revoked: one line, exit 2, and the watcher would log it and retry
    microsoft.refresh_tokens.clear()
    cache.write_text(cache.read_text().replace(microsoft.issued[-1], "eyJ0.ms-expired"))
    revoked = subprocess.run(auth, capture_output=True, text=True, timeout=60, env=env)
    assert revoked.returncode == 2 and revoked.stdout == "" and revoked.stderr.count("\n") == 1, revoked.stderr
    assert revoked.stderr.startswith("tonecheck: auth: microsoft: AADSTS50173: The provided grant has expired due "
                                     "to it being revoked. for o2: sign in once in a terminal")


def _issuing(answer, proxy, idp):
    """The same endpoints, with each new access token also made valid at the IMAP server's identity provider."""
    def wrapped(method, path, form):
        status, body = answer(method, path, form)
        if status == 200 and "access_token" in body:
            idp.issue(body["access_token"], "o2")
        return status, body
    return wrapped
