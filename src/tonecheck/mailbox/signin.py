"""`tonecheck auth microsoft|google`: sign a shared mailbox in once, then print a fresh access token silently: the
token command `tonecheck watch --oauth2-token-command` runs.

A subcommand rather than example scripts: the part that must be right every time (the sign-in kept 0600 and
replaced atomically, a silent refresh, a one-line error and exit 2 instead of a prompt nobody sees when a service
runs it) is then tested code installed with tonecheck, and the token command is one line with no shell. The
providers' own libraries do the OAuth2 work: `msal` for Microsoft 365 (device-code sign-in, its token cache and
refresh) and `google-auth-oauthlib` for Google Workspace (a loopback-redirect sign-in: Google does not allow the
mail scope with a device code). Both are in the optional extra `tonecheck[oauth]`, never a core dependency.

`--login` signs in interactively and prints no token; without it nothing is ever asked: the kept sign-in is used and
refreshed, the access token printed on standard output and nothing else.
"""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from .tokenstore import default_path, read_private, write_private

MICROSOFT_SCOPES = ["https://outlook.office.com/IMAP.AccessAsUser.All"]
GOOGLE_SCOPES = ["https://mail.google.com/"]
EXIT_ERROR = 2


class SignInError(Exception):
    """A one-line reason the token could not be printed."""


def _fail(message: str):
    click.echo(f"tonecheck: auth: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _first_line(text) -> str:
    return (str(text or "").strip().splitlines() or ["no reason given"])[0]


def _need(module: str, package: str):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise SignInError(f"needs the {package} package: pip install 'tonecheck[oauth]'") from None


@click.group("auth")
def auth_group():
    """OAuth2 sign-in for `tonecheck watch --oauth2-token-command`: prints an access token (Microsoft 365, Google).

    Sign in once with --login (interactive); later runs print a fresh token silently, or fail with exit 2.
    """


_user = click.option("--user", required=True, help="The mailbox, e.g. support@contoso.example.")
_cache = click.option("--cache", type=click.Path(dir_okay=False, path_type=Path),
                      help="Where the sign-in is kept (default: ~/.local/state/tonecheck/oauth2/<provider>-<user>"
                           ".json, mode 0600).")
_login = click.option("--login", is_flag=True, help="Sign in now (interactive); prints no token.")


@auth_group.command("microsoft")
@click.option("--client-id", required=True, help="Application (client) ID of your Entra ID app registration "
                                                 "(public client flows allowed).")
@click.option("--tenant", default="organizations", show_default=True, help="Directory (tenant) ID or domain.")
@_user
@_cache
@_login
def microsoft_cmd(client_id, tenant, user, cache, login):
    """Microsoft 365 (Exchange Online): device-code sign-in with msal; IMAP scope IMAP.AccessAsUser.All."""
    path = cache or default_path("microsoft", user)
    try:
        token = microsoft_token(client_id, tenant, user, path, login)
    except SignInError as exc:
        _fail(f"microsoft: {exc}")
    _done(token, user, path)


@auth_group.command("google")
@click.option("--client-secrets", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="--login: the OAuth client (type Desktop app) JSON downloaded from the Google Cloud console.")
@_user
@_cache
@_login
def google_cmd(client_secrets, user, cache, login):
    """Google Workspace / Gmail: browser sign-in on a loopback redirect; scope https://mail.google.com/."""
    path = cache or default_path("google", user)
    try:
        token = google_token(client_secrets, user, path, login)
    except SignInError as exc:
        _fail(f"google: {exc}")
    _done(token, user, path)


def _done(token: str | None, user: str, path: Path) -> None:
    if token is None:
        click.echo(f"signed in as {user}; the sign-in is kept in {path} (mode 0600)", err=True)
    else:
        click.echo(token)


def _not_signed_in(provider: str, user: str, why: str) -> SignInError:
    return SignInError(f"{why} for {user}: sign in once in a terminal with `tonecheck auth {provider} ... --login`")


# --- Microsoft ---------------------------------------------------------------------------------------------------

def microsoft_token(client_id: str, tenant: str, user: str, path: Path, login: bool) -> str | None:
    """The access token (None after --login), from msal's cache, refreshed silently when it has expired."""
    msal = _need("msal", "msal")
    cache = msal.SerializableTokenCache()
    saved = read_private(path)
    if saved is None and not login:  # nothing to refresh: do not even contact Microsoft
        raise _not_signed_in("microsoft", user, "no saved sign-in")
    if saved:
        cache.deserialize(saved)
    try:
        app = msal.PublicClientApplication(client_id, authority=f"https://login.microsoftonline.com/{tenant}",
                                           token_cache=cache)
        result = _device_code_sign_in(app, user) if login else _silent(app, user)
    except (OSError, ValueError, *msal_errors()) as exc:
        raise SignInError(f"Microsoft's sign-in service failed: {_first_line(exc) or type(exc).__name__}") from None
    if "access_token" not in result:
        raise _not_signed_in("microsoft", user, _first_line(result.get("error_description") or result.get("error")))
    if cache.has_state_changed:
        write_private(path, cache.serialize())
    return None if login else result["access_token"]


def msal_errors() -> tuple:
    """What msal raises instead of returning an error: its own service errors (an HTTP error from an endpoint) and
    requests' network errors."""
    import requests
    from msal.exceptions import MsalError
    return (requests.RequestException, MsalError)


def _silent(app, user: str) -> dict:
    accounts = app.get_accounts(username=user)
    if not accounts:
        return {"error_description": "no saved sign-in"}
    return app.acquire_token_silent_with_error(MICROSOFT_SCOPES, account=accounts[0]) or \
        {"error_description": "the saved sign-in has expired or was revoked"}


def _device_code_sign_in(app, user: str) -> dict:
    flow = app.initiate_device_flow(scopes=MICROSOFT_SCOPES)
    if "user_code" not in flow:
        return flow
    click.echo(f"{flow['message']}\n(sign in as {user})", err=True)
    return app.acquire_token_by_device_flow(flow)


# --- Google ------------------------------------------------------------------------------------------------------

def google_token(client_secrets: Path | None, user: str, path: Path, login: bool) -> str | None:
    """The access token (None after --login), refreshed with the kept refresh token when it has expired."""
    if login:
        _google_sign_in(client_secrets, user, path)
        return None
    credentials_mod = _need("google.oauth2.credentials", "google-auth-oauthlib")
    saved = read_private(path)
    if saved is None:
        raise _not_signed_in("google", user, "no saved sign-in")
    try:
        creds = credentials_mod.Credentials.from_authorized_user_info(json.loads(saved), GOOGLE_SCOPES)
    except ValueError as exc:
        raise _not_signed_in("google", user, f"{path} is not a saved sign-in ({_first_line(exc)})") from None
    if not creds.valid:
        _google_refresh(creds, user)
        write_private(path, creds.to_json())
    return creds.token


def _google_refresh(creds, user: str) -> None:
    exceptions = _need("google.auth.exceptions", "google-auth-oauthlib")
    transport = _need("google.auth.transport.requests", "google-auth-oauthlib")
    try:
        creds.refresh(transport.Request())
    except exceptions.RefreshError as exc:
        reason = _first_line(exc.args[0] if exc.args else exc)
        raise _not_signed_in("google", user, f"the saved sign-in was refused ({reason})") from None
    except exceptions.TransportError as exc:
        raise SignInError(f"cannot reach Google's token endpoint: {_first_line(exc)}") from None


def _google_sign_in(client_secrets: Path | None, user: str, path: Path) -> None:
    if client_secrets is None:
        raise SignInError("--login needs --client-secrets (the OAuth client JSON of a Desktop app)")
    flow_mod = _need("google_auth_oauthlib.flow", "google-auth-oauthlib")
    flow = flow_mod.InstalledAppFlow.from_client_secrets_file(str(client_secrets), scopes=GOOGLE_SCOPES)
    with contextlib.redirect_stdout(sys.stderr):  # the library prints the URL; stdout is for tokens only
        creds = flow.run_local_server(host="localhost", port=0, open_browser=False, login_hint=user,
                                      authorization_prompt_message="Open this URL in a browser and sign in as "
                                                                   f"{user}:\n{{url}}")
    write_private(path, creds.to_json())
