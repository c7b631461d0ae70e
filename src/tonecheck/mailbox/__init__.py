"""`tonecheck watch`: check drafts in a shared IMAP mailbox as they are saved and record the verdict on the server.

connection.py  the server URL, credentials, verified TLS, an imaplib2 session, reconnect with backoff
oauth2.py      OAuth2 logins: the token command, SASL OAUTHBEARER / XOAUTH2, a new token when one is refused
signin.py      `tonecheck auth microsoft|google`: sign a mailbox in once, then print fresh tokens (tonecheck[oauth])
tokenstore.py  the sign-in file `tonecheck auth` keeps: 0600, replaced atomically
watcher.py     the IDLE / polling loop and the per-draft pipeline (fetch, check, claim, report, move)
verdict.py     verdict keywords and the report message
workflow.py    the optional review workflow: MOVE (or COPY, verify, UID EXPUNGE the original)
recovery.py    moves a crash interrupted: a draft already in its destination, byte for byte, leaves the outbox
"""
from .connection import AuthError, ConnectError, ServerSpec, WatchUsageError, parse_url  # noqa: F401
