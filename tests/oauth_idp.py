"""The tests' identity provider for OAuth2 logins: a real HTTP server on loopback that answers RFC 7662 token
introspection from a token table the test controls, and a real Dovecot whose `oauth2` passdb asks it.

Dovecot 2.3 POSTs `token=<access token>` to the introspection URL and accepts the login when the JSON answer has
`"active": true` and `"username"` equal to the user logging in. A test adds tokens (`idp.issue`), expires or revokes
them (`idp.deactivate`) and reads which tokens were asked about (`idp.asked`).
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from dovecot import Dovecot, require_dovecot

# Dovecot slows down refused logins from one address (a failure delay, and a penalty growing 2, 4, 8, 15 s per
# address kept by anvil): both are off here so that the watcher's own backoff is what the tests see.
OAUTH_AUTH = """\
auth_mechanisms = {mechanisms}
auth_failure_delay = 0
service anvil {{{{
  unix_listener anvil-auth-penalty {{{{
    mode = 0
  }}}}
}}}}
passdb {{{{
  driver = oauth2
  mechanisms = {mechanisms}
  args = {{d}}/oauth2.conf.ext
}}}}
"""
OAUTH_CONF = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = active
active_value = true
"""


class IdentityProvider:
    """token -> {"active": bool, "username": str}; unknown tokens are answered {"active": false}."""

    def __init__(self):
        self.tokens: dict[str, dict] = {}
        self.asked: list[str] = []
        self._lock = threading.Lock()
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode("ascii", "replace"))
                answer = idp.introspect((form.get("token") or [""])[0])
                body = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/introspect"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def introspect(self, token: str) -> dict:
        with self._lock:
            self.asked.append(token)
            entry = self.tokens.get(token)
            if not entry or not entry["active"]:
                return {"active": False}
            return {"active": True, "username": entry["username"], "token_type": "Bearer"}

    def issue(self, token: str, username: str) -> str:
        with self._lock:
            self.tokens[token] = {"active": True, "username": username}
        return token

    def deactivate(self, token: str) -> None:
        """The token expired or was revoked: from now on introspection calls it inactive."""
        with self._lock:
            self.tokens[token]["active"] = False

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def oauth_dovecot(idp: IdentityProvider, mechanisms: str = "xoauth2 oauthbearer", users=("o1", "o2", "o3", "o4",
                                                                                           "o5", "o6", "o7", "o8")):
    """A Dovecot (not started) whose only login is OAuth2 through `idp`, offering `mechanisms`."""
    server = Dovecot(users=users, auth=OAUTH_AUTH.format(mechanisms=mechanisms))
    (server.dir / "oauth2.conf.ext").write_text(OAUTH_CONF.format(url=idp.url))
    return server


@pytest.fixture(scope="module")
def idp():
    provider = IdentityProvider()
    try:
        yield provider
    finally:
        provider.close()


@pytest.fixture(scope="module")
def oauth_server(idp):
    """Dovecot offering XOAUTH2 and OAUTHBEARER, with logins decided by `idp`."""
    require_dovecot()
    server = oauth_dovecot(idp).start()
    try:
        yield server
    finally:
        server.cleanup()
