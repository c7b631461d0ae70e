"""Who may use the HTTP API: anyone on this machine by default, only holders of the API key on a network.

Why these rules: the server reads drafts people have not sent yet. On a loopback address only local programs
reach it, so it needs no key (the browser extension and editors talk to it as they would to a local
LanguageTool). Bound to any other address it refuses to start without a key. The key comes from the environment
($TONECHECK_API_KEY) or a file (--api-key-file, [serve] api_key_file), never from the command line, where every
user of the machine can read it in the process list. A client sends it as `Authorization: Bearer KEY` or
`X-API-Key: KEY`; LanguageTool clients that can only send LanguageTool's own `apiKey` parameter (LTeX) may send
it there. TLS is the job of a reverse proxy in front (README: "A team server").
"""
from __future__ import annotations

import hmac
import ipaddress
import os

ENV_KEY = "TONECHECK_API_KEY"


class AuthSetupError(Exception):
    """The server cannot start with these settings; str() is the one-line reason."""


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this machine (localhost, 127.0.0.0/8, ::1)."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False            # a host name or an unspecified address (0.0.0.0, ::): reachable from elsewhere


def load_key(key_file: str | None, environ=None) -> str | None:
    """The API key from `key_file` (its first line) or $TONECHECK_API_KEY, or None when neither is set."""
    env = os.environ if environ is None else environ
    if key_file:
        try:
            with open(key_file, encoding="utf-8") as fh:
                key = fh.readline().strip()
        except OSError as exc:
            raise AuthSetupError(f"{key_file}: cannot read the API key: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise AuthSetupError(f"{key_file}: the API key file is not UTF-8 text") from None
        if not key:
            raise AuthSetupError(f"{key_file}: the API key file is empty")
        return _long_enough(key, key_file)
    key = (env.get(ENV_KEY) or "").strip()
    return _long_enough(key, f"${ENV_KEY}") if key else None


def _long_enough(key: str, where: str) -> str:
    if len(key) < 16:
        raise AuthSetupError(f"{where}: the API key is too short (at least 16 characters; e.g. "
                             "`openssl rand -hex 24`)")
    return key


def require_key_for(host: str, key: str | None) -> None:
    """Refuse to listen beyond this machine without a key."""
    if key is None and not is_loopback(host):
        raise AuthSetupError(f"--host {host} is reachable from other machines: set an API key first "
                             f"(${ENV_KEY} or --api-key-file; README: \"A team server\")")


def presented_key(headers, form=None) -> str | None:
    """The key a request carries: a Bearer token, X-API-Key, or LanguageTool's apiKey parameter."""
    auth = headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    if headers.get("X-API-Key"):
        return headers.get("X-API-Key").strip()
    if form is not None and form.get("apiKey"):
        return str(form.get("apiKey")).strip()
    return None


def key_matches(expected: str | None, presented: str | None) -> bool:
    """True when no key is needed, or the one presented is it (compared in constant time)."""
    if expected is None:
        return True
    if not presented:
        return False
    return hmac.compare_digest(expected.encode("utf-8", "replace"), presented.encode("utf-8", "replace"))
