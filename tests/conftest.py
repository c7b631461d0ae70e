"""Shared fixtures: the real Dovecot server (tests/dovecot.py) and the OAuth2 identity provider with its own Dovecot
(tests/oauth_idp.py) are plugins, so tests name their fixtures as arguments without importing them."""
pytest_plugins = ["dovecot", "oauth_idp"]
