"""`python -m tonecheck` is the `tonecheck` command: through a running server (tonecheck.entry), else in-process."""
from .entry import main

if __name__ == "__main__":
    main()
