"""Where `tonecheck auth` keeps a mailbox's OAuth2 sign-in (refresh token and the current access token): one JSON
file per provider and mailbox, readable by its owner only.

The file is never written in place: a new version goes to a temporary file in the same folder, created 0600 by
mkstemp whatever the umask, synced, then renamed over the old one, so a crash or a second process never sees a half
file and the secret is never readable by others, not even for an instant. The folder is created 0700.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


def default_path(provider: str, user: str) -> Path:
    """$XDG_STATE_HOME/tonecheck/oauth2/<provider>-<user>.json (~/.local/state when unset)."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    safe_user = re.sub(r"[^\w.@+-]", "_", user)
    return Path(base) / "tonecheck" / "oauth2" / f"{provider}-{safe_user}.json"


def read_private(path: Path) -> str | None:
    """The file's text, or None when there is none yet."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def write_private(path: Path, text: str) -> None:
    """Replace `path` atomically with `text`, mode 0600."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
