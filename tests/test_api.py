"""The public Python API (tonecheck.check_text, tonecheck.check_message): the same findings as the CLI's JSON on the
same inputs (a draft .txt, a Markdown page, an email, with and without a brand guide and a config), the errors it
raises instead of exit codes, and `import tonecheck` staying cheap (the API loads on first use)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import tonecheck
from audit_mail import REPO, messages, tonecheck as run_cli

DRAFT = ("Hi Sam,\n\nAs I said before, we will look into it ASAP. Obviously the webshop was down.\n\n"
         "Best,\nAnn\n")
PAGE = "# Delivery\n\nOur webshop ships within 2 days. We will get back to you soon!!!\n"
BRAND = """version: 1
name: Contoso
terminology:
  - use: online store
    instead_of: [webshop, web shop]
"""


def _cli_json(tmp_path, *args) -> list[dict]:
    proc = run_cli("--format", "json", "--jobs", "1", *args, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def site(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mail.eml").write_bytes(messages()[3])
    (tmp_path / "guide.yml").write_text(BRAND, encoding="utf-8")
    return tmp_path


def test_same_findings_as_the_cli(site):
    """Every finding's JSON object is identical to the CLI's, for each reader kind."""
    cases = [("draft.txt", lambda: tonecheck.check_text(DRAFT, name="draft.txt")),
             ("page.md", lambda: tonecheck.check_text(PAGE, kind="md", name="page.md")),
             ("mail.eml", lambda: tonecheck.check_message(messages()[3], name="mail.eml"))]
    for name, call in cases:
        expected = _cli_json(site, name)
        assert expected, name                       # the inputs have findings, so equality means something
        assert [f.to_json() for f in call()] == expected, name


def test_same_findings_with_a_brand_guide_and_a_config(site):
    (site / "strict.toml").write_text('select = ["brand", "defensive"]\n[severity]\n"defensive" = "error"\n')
    expected = _cli_json(site, "--brand", "guide.yml", "--config", "strict.toml", "draft.txt")
    got = tonecheck.check_text(DRAFT, name="draft.txt", brand=site / "guide.yml", config=site / "strict.toml")
    assert [f.to_json() for f in got] == expected
    assert {f["category"] for f in expected} == {"brand", "defensive"}
    assert {f["severity"] for f in expected if f["category"] == "defensive"} == {"error"}


def test_edited_brand_guide_is_read_again(site):
    guide = site / "guide.yml"
    assert any(f.category == "brand" for f in tonecheck.check_text(PAGE, kind="md", brand=guide))
    guide.write_text(BRAND.replace("webshop, web shop", "web shop"), encoding="utf-8")
    import os
    os.utime(guide, ns=(1, 1))                      # a different modification time, whatever the clock says
    assert not any(f.category == "brand" for f in tonecheck.check_text(PAGE, kind="md", brand=guide))


def test_errors(site):
    with pytest.raises(tonecheck.InputError, match="binary file"):
        tonecheck.check_message(b"\x00\x01\x02 not mail")
    with pytest.raises(tonecheck.InputError, match="file has no text"):
        tonecheck.check_text("   \n")
    with pytest.raises(tonecheck.InputError, match="unknown document kind"):
        tonecheck.check_text("Hello.", kind="pdf")
    (site / "bad.toml").write_text("fail_on = 'sometimes'\n")
    with pytest.raises(tonecheck.UsageError, match="fail_on"):
        tonecheck.check_text("Hello.", config=site / "bad.toml")
    with pytest.raises(TypeError):
        tonecheck.check_message("a str, not bytes")
    with pytest.raises(TypeError):
        tonecheck.check_text(b"bytes, not a str")


def test_import_is_cheap_and_lazy():
    """`import tonecheck` loads neither spaCy nor the engine; the first check_text does."""
    code = ("import sys, tonecheck; a = 'spacy' in sys.modules or 'tonecheck.engine' in sys.modules; "
            "tonecheck.check_text('We will reply soon.'); print(a, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.stdout.split() == ["False", "True"], out.stderr
    assert set(tonecheck.__all__) <= set(dir(tonecheck))
    with pytest.raises(AttributeError):
        tonecheck.no_such_name  # noqa: B018
