"""`python -m tonecheck` is the `tonecheck` command: through a running server (tonecheck.client), else in-process."""
from .client import main

if __name__ == "__main__":
    main()
