"""Shared fixtures: the real Dovecot server (tests/dovecot.py) is a plugin, so tests name its fixtures as
arguments without importing them."""
pytest_plugins = ["dovecot"]
