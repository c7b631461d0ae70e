"""Engine behaviour shared by every rule: positions, severities in alt/title text, suppression, merging."""
from __future__ import annotations

import json

from click.testing import CliRunner

from tonecheck.cli import main

PAGE = """<html><body>
<p>Per my last email, the shop opens at nine.</p>
<img src="x.png" alt="Per my last email, a photo of the shop">
</body></html>
"""


def _json(*args):
    res = CliRunner().invoke(main, ["--format", "json", "--select", "defensive", *args])
    return res.exit_code, json.loads(res.stdout)


def test_alt_text_is_checked_as_advice_by_default(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    code, found = _json(str(page))
    by_line = {f["line"]: f for f in found}
    assert by_line[2]["severity"] == "warning"
    assert by_line[3]["severity"] == "info"           # still reported, with its exact place
    assert by_line[3]["column"] == PAGE.splitlines()[2].index("Per my") + 1


def test_alt_text_severity_can_be_raised(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    (tmp_path / "tonecheck.toml").write_text('attribute_severity = "warning"\n')
    code, found = _json(str(page))
    assert {f["severity"] for f in found} == {"warning"} and len(found) == 2


def test_overlapping_hits_of_one_rule_are_merged():
    from tonecheck.engine import Engine
    eng = Engine()
    found = [f for f in eng.check_text("Per my last email, per my last email.") if f.category == "defensive"]
    assert len({(f.rule, f.start) for f in found}) == len(found)


def test_a_brand_limit_supersedes_the_advisory_one_on_the_same_text():
    # issue 14 friction: brand and clarity both on sentence length read as two problems; the pack says which wins
    from tonecheck.brandguide.compile import compile_brand
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    eng = Engine(Config())
    long_one = ("I have checked with our warehouse team and with the courier about the parcel that was meant to reach "
                "you last week, and it turns out that the label was damaged in transit, which meant it was held at "
                "the depot until someone could relabel it by hand.")
    guide = compile_brand({"name": "X", "voice": {"max_sentence_words": 20, "max_grade": 8}}, eng, path="<t>")
    assert sorted(f.rule for f in eng.check_text(long_one, brand=guide)) == ["brand.grade", "brand.sentence-length"]
    assert sorted(f.rule for f in eng.check_text(long_one)) == ["clarity.long-sentence", "clarity.reading-grade"]
