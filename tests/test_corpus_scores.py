"""Accuracy guards: the labelled dev corpus (../shared/corpus) and the held-out set in tests/heldout, scored by the
project's scorer with the real command. Floors sit below today's figures so that a regression fails the build."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
DEV = ROOT.parent / "shared" / "corpus"
HELDOUT = ROOT / "tests" / "heldout"
CMD = f"{sys.executable} -m tonecheck"


def score(corpus: Path, tmp_path: Path, extra: str = "") -> dict:
    if not SCORER.exists() or not corpus.exists():
        pytest.skip(f"scorer or corpus not found beside the repo ({SCORER}, {corpus})")
    out = tmp_path / "figures.json"
    proc = subprocess.run([sys.executable, str(SCORER), str(corpus), "--cmd", CMD + extra, "--show", "20",
                           "--json", str(out)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    print(proc.stdout)
    assert out.exists(), proc.stderr
    figures = json.loads(out.read_text())
    assert not figures["problems"], figures["problems"]
    return figures


def test_dev_corpus_targets(tmp_path):
    f = score(DEV, tmp_path)
    for cat, floor in {"commitment": 0.90, "next-step": 0.90, "defensive": 0.90, "sarcasm": 0.80,
                       "brand": 0.90}.items():
        assert f[cat]["f1"] >= floor, (cat, f[cat])
    assert f["clean_false_alarm_rate"] <= 0.05


def test_heldout_corpus_floors(tmp_path):
    f = score(HELDOUT, tmp_path)
    for cat, floor in {"commitment": 0.80, "next-step": 0.85, "defensive": 0.55, "sarcasm": 0.30,
                       "brand": 0.90}.items():
        assert f[cat]["f1"] >= floor, (cat, f[cat])
    assert f["clean_false_alarm_rate"] <= 0.20
