#!/usr/bin/env python3
"""The gate for the learned sentence model (issue 13): per category, F1 and the clean-item false-alarm rate with
the model's rules and without them (`--no-model`), on labelled sets scored by ../shared/tools/score.py.

    python benchmarks/model_gate.py benchmarks/heldout4 benchmarks/heldout5 [--cmd .venv/bin/tonecheck]

A category's model rule is on by default only where, on frozen sets nobody tuned on, it raises F1 and does not
raise the clean-item false-alarm rate. Prints one table per set and the sum over all of them.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.path.join(HERE, "..", "..", "shared", "tools", "score.py")
CATEGORIES = ("commitment", "defensive", "sarcasm", "brand", "next-step")


def score(corpus: str, cmd: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = fh.name
    env = dict(os.environ, TONECHECK_NO_SERVER="1")
    subprocess.run([sys.executable, SCORE, corpus, "--cmd", cmd, "--show", "0", "--json", out], env=env,
                   capture_output=True, text=True, check=False)
    with open(out) as fh:
        figures = json.load(fh)
    os.unlink(out)
    if figures.get("problems"):
        sys.exit(f"{corpus} with {cmd!r}: {figures['problems'][0]}")
    return figures


def table(name: str, off: dict, on: dict) -> None:
    print(f"\n{name}")
    print(f"{'category':12} {'F1 rules':>9} {'F1 +model':>10} {'P rules':>8} {'P +model':>9} {'R rules':>8} "
          f"{'R +model':>9}")
    for c in CATEGORIES:
        a, b = off[c], on[c]
        print(f"{c:12} {a['f1']:9.2f} {b['f1']:10.2f} {a['precision']:8.2f} {b['precision']:9.2f} "
              f"{a['recall']:8.2f} {b['recall']:9.2f}")
    print(f"{'clean FA':12} {off['clean_false_alarm_rate']:9.0%} {on['clean_false_alarm_rate']:10.0%}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--cmd", default=os.path.join(HERE, "..", ".venv", "bin", "tonecheck"))
    a = ap.parse_args()
    for corpus in a.sets:
        off = score(corpus, f"{a.cmd} check --no-model")
        on = score(corpus, f"{a.cmd} check --model")      # explicit: the model is off by default
        table(os.path.basename(corpus.rstrip("/")), off, on)


if __name__ == "__main__":
    main()
