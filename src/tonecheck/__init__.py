"""tonecheck: lint outgoing customer communication before it is sent.

The public API (tonecheck.api): check_text, check_message, and the Finding, InputError and UsageError they use.
They are imported on first use, so `import tonecheck` stays cheap (no spaCy, no rules) until something is checked.
"""
__version__ = "0.1.0"

__all__ = ["check_text", "check_message", "Finding", "InputError", "UsageError", "__version__"]

_LAZY = {"check_text": "api", "check_message": "api", "UsageError": "api", "Finding": "model", "InputError": "model"}


def __getattr__(name: str):
    """Load the API's names from their modules when first asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tonecheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"tonecheck.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
