"""`python -m tonecheck` is the `tonecheck` command."""
from .cli import _entry

if __name__ == "__main__":
    _entry()
