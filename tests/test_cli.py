"""The command line as users and scripts see it: exit codes, formats, selection, config, suppression, stdin."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tonecheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

RUDE = "Hi Sam,\n\nPer my last email, the invoice is attached.\n\nBest,\nRiley\n"
KIND = "Hi Sam,\n\nThe invoice is attached. Please pay it by Friday 27 November.\n\nBest,\nRiley\n"


def run(*args, input=None):
    """(exit code, stdout + stderr as a terminal shows them); json tests parse stdout via run_json."""
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.output


def run_json(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "rude.txt").write_text(RUDE)
    (tmp_path / "kind.txt").write_text(KIND)
    return tmp_path


def test_findings_exit_1_and_clean_exit_0(files):
    code, out = run("--no-color", str(files / "rude.txt"))
    assert code == 1
    assert "rude.txt:3:1:" in out and "[defensive." in out
    code, out = run(str(files / "kind.txt"), "--select", "defensive")
    assert code == 0, out
    assert "no findings" in out.lower()


def test_text_output_underlines_the_excerpt(files):
    code, out = run("--no-color", str(files / "rude.txt"), "--select", "defensive")
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "Per my last email" in line and "|" in line)
    caret = lines[i + 1]
    src = lines[i].split("| ", 1)[1]
    start = caret.split("| ", 1)[1].index("^")
    assert src[start:].lower().startswith("per my last email")
    assert "suggestion:" in out
    assert "1 finding in 1 of 1 file" in out


def test_json_contract(files):
    code, data = run_json("--format", "json", str(files / "rude.txt"), "--select", "defensive")
    assert code == 1 and data
    f = data[0]
    assert set(f) == {"path", "rule", "category", "severity", "message", "suggestion", "line", "column",
                      "end_line", "end_column", "excerpt", "sentence"}
    assert f["category"] == "defensive" and f["severity"] in ("error", "warning", "info")
    assert f["excerpt"].lower().startswith("per my last email")
    line = RUDE.splitlines()[f["line"] - 1]
    assert line[f["column"] - 1:f["end_column"] - 1] == f["excerpt"]


def test_sarif_and_github_formats(files):
    code, sarif = run_json("--format", "sarif", str(files / "rude.txt"), "--select", "defensive")
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    ids = [r["id"] for r in run0["tool"]["driver"]["rules"]]
    res = run0["results"][0]
    assert res["ruleId"] in ids and ids[res["ruleIndex"]] == res["ruleId"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3 and region["startColumn"] == 1
    assert run0["columnKind"] == "unicodeCodePoints"      # SARIF 2.1.0 §3.14.27: required with columns
    code, out = run("--format", "github", str(files / "rude.txt"), "--select", "defensive")
    assert out.startswith("::warning file=") and ",line=3,col=1," in out


def test_select_ignore_prefixes(files):
    code, data = run_json("--format", "json", str(files / "rude.txt"), "--ignore", "defensive")
    assert not [f for f in data if f["category"] == "defensive"]
    code, data = run_json("--format", "json", str(files / "rude.txt"), "--select", "commitment,sarcasm")
    assert all(f["category"] in ("commitment", "sarcasm") for f in data)


def test_fail_on(files):
    assert run(str(files / "rude.txt"), "--fail-on", "never")[0] == 0
    assert run(str(files / "rude.txt"), "--fail-on", "error", "--select", "defensive")[0] == 0
    assert run(str(files / "rude.txt"), "--fail-on", "info", "--select", "defensive")[0] == 1


def test_missing_file_is_exit_2_and_others_still_checked(files):
    code, data = run_json("--format", "json", str(files / "nope.eml"), str(files / "rude.txt"), "--select", "defensive")
    assert code == 2
    assert any(f["path"].endswith("rude.txt") for f in data)


def test_errors_are_one_line_without_traceback(tmp_path):
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "junk.eml").write_bytes(bytes(range(256)) * 50)
    proc = subprocess.run([sys.executable, "-m", "tonecheck", str(tmp_path / "empty.eml"), str(tmp_path / "junk.eml")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    err = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(err) == 2, proc.stderr
    assert all(ln.startswith("tonecheck: ") and ".eml: " in ln for ln in err)
    assert "Traceback" not in proc.stderr


def test_bad_option_is_exit_2():
    assert run("--format", "yaml", "x.txt")[0] == 2
    assert run("--no-such-option", "x.txt")[0] == 2


def test_directory_recursion(files):
    sub = files / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "page.md").write_text("# Title\n\nPer my last email, nothing changed.\n")
    (sub / "ignored.csv").write_text("Per my last email\n")
    code, data = run_json("--format", "json", str(files), "--select", "defensive")
    paths = {Path(f["path"]).name for f in data}
    assert paths == {"rude.txt", "page.md"}


def test_stdin(files):
    code, data = run_json("--format", "json", "-", "--select", "defensive", input=RUDE)
    assert code == 1 and data[0]["path"] == "-"
    code, data = run_json("--format", "json", "--stdin-filename", "draft.md", "-", "--select", "defensive",
                          input="# Notes\n\nPer my last email, thanks.\n")
    assert data[0]["path"] == "draft.md" and data[0]["line"] == 3


def test_config_discovered_by_walking_up(files):
    (files / "tonecheck.toml").write_text('ignore = ["defensive"]\n')
    sub = files / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "rude.txt").write_text(RUDE)
    code, data = run_json("--format", "json", str(sub / "rude.txt"))
    assert not [f for f in data if f["category"] == "defensive"]


def test_pyproject_config_and_severity_override(files):
    (files / "pyproject.toml").write_text('[tool.tonecheck]\n[tool.tonecheck.severity]\n"defensive" = "error"\n')
    code, data = run_json("--format", "json", str(files / "rude.txt"), "--select", "defensive")
    assert {f["severity"] for f in data} == {"error"}


def test_invalid_config_is_exit_2(files):
    (files / "tonecheck.toml").write_text('fail_on = "sometimes"\n')
    code, out = run(str(files / "rude.txt"))
    assert code == 2 and "fail_on" in out
    (files / "tonecheck.toml").write_text('this is = not toml [\n')
    code, out = run(str(files / "rude.txt"))
    assert code == 2 and "invalid TOML" in out


def test_explicit_config_file(files, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "tc.toml"
    other.write_text('select = ["sarcasm"]\n')
    code, data = run_json("--format", "json", "--config", str(other), str(files / "rude.txt"))
    assert all(f["category"] == "sarcasm" for f in data)


def test_markdown_inline_suppression(tmp_path):
    md = tmp_path / "page.md"
    md.write_text("<!-- tonecheck: ignore defensive -->\nPer my last email, one.\n\nPer my last email, two.\n")
    code, data = run_json("--format", "json", str(md), "--select", "defensive")
    lines = {f["line"] for f in data}
    assert lines == {4}


def test_email_header_suppression(tmp_path):
    eml = tmp_path / "d.eml"
    eml.write_text("From: a@b.example\nTo: c@d.example\nSubject: Invoice\nX-Tonecheck-Ignore: defensive\n"
                   "Content-Type: text/plain\n\n" + RUDE)
    code, data = run_json("--format", "json", str(eml), "--select", "defensive")
    assert data == []


def test_rules_and_explain():
    code, out = run("rules")
    assert code == 0 and "defensive." in out and "commitment" in out or "defensive." in out
    rule_id = out.split()[0]
    code, out = run("explain", rule_id)
    assert code == 0 and "Flagged:" in out and "Fine:" in out
    code, out = run("explain", "no.such-rule")
    assert code == 2 and "unknown rule" in out


def test_version_and_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "tonecheck", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("tonecheck ")


def test_bundled_examples():
    code, data = run_json("--format", "json", str(EXAMPLES / "draft-problems.eml"))
    found = data
    assert code == 1
    cats = {f["category"] for f in found}
    assert "defensive" in cats
    # the quoted customer text (shouting, "ridiculous") is context, never a finding
    assert not any("THREE WEEKS" in f["excerpt"] or "ridiculous" in f["excerpt"] for f in found)
    code, data = run_json("--format", "json", str(EXAMPLES / "draft-clean.eml"))
    assert [f for f in data if f["severity"] != "info"] == [], data


def test_jobs_output_identical_to_one_job(tmp_path):
    for i in range(12):
        (tmp_path / f"d{i:02}.txt").write_text(RUDE if i % 3 else KIND)
    one = subprocess.run([sys.executable, "-m", "tonecheck", "--format", "json", "-j", "1", str(tmp_path)],
                         capture_output=True, text=True)
    two = subprocess.run([sys.executable, "-m", "tonecheck", "--format", "json", "-j", "2", str(tmp_path)],
                         capture_output=True, text=True)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and json.loads(one.stdout)


def test_internal_error_in_a_check_is_reported_per_file(files, monkeypatch):
    from tonecheck import engine as engine_mod

    real = engine_mod.Engine.check

    def flaky(self, document, brand=None):
        if document.path.endswith("kind.txt"):
            raise ValueError("boom")
        return real(self, document, brand=brand)

    monkeypatch.setattr(engine_mod.Engine, "check", flaky)
    result = CliRunner().invoke(main, ["--format", "json", "-j", "1", str(files / "kind.txt"), str(files / "rude.txt")])
    assert result.exit_code == 2
    assert "kind.txt: internal error" in result.stderr and "Traceback" not in result.output
    assert any(f["path"].endswith("rude.txt") for f in json.loads(result.stdout))


def test_extra_rule_pack_folder_from_config(tmp_path):
    packs = tmp_path / "style"
    packs.mkdir()
    (packs / "house.yml").write_text("""pack: house
rules:
  - id: brand.house-no-cheers
    category: brand
    severity: error
    message: "'{match}' is too casual for our letters."
    suggestion: Close with "Kind regards".
    rationale: Our letters close formally, so every customer gets the same, consistent voice from every agent.
    phrases: [cheers]
    examples: {bad: ["Cheers, Sam"], good: ["Kind regards, Sam"]}
""")
    (tmp_path / "tonecheck.toml").write_text('rule_dirs = ["style"]\n')
    (tmp_path / "d.txt").write_text("Your order ships today.\n\nCheers,\nSam\n")
    code, data = run_json("--format", "json", str(tmp_path / "d.txt"), "--select", "brand.house")
    assert code == 1 and [(f["rule"], f["severity"], f["excerpt"]) for f in data] == \
        [("brand.house-no-cheers", "error", "Cheers")]
    code, out = run("rules", "--config", str(tmp_path / "tonecheck.toml"))
    assert "brand.house-no-cheers" in out


def test_invalid_rule_pack_is_exit_2_naming_the_file(tmp_path):
    packs = tmp_path / "style"
    packs.mkdir()
    (packs / "bad.yml").write_text("rules:\n  - id: Not An Id\n    category: brand\n")
    (tmp_path / "tonecheck.toml").write_text('rule_dirs = ["style"]\n')
    (tmp_path / "d.txt").write_text("Hello.\n")
    code, out = run(str(tmp_path / "d.txt"))
    assert code == 2 and "bad.yml" in out and "Traceback" not in out


def test_a_file_that_vanishes_is_a_one_line_error(tmp_path):
    from tonecheck.runner import Runner
    gone = tmp_path / "gone.eml"
    gone.write_text("From: a@b.example\nSubject: x\n\nHello.\n")
    gone.unlink()
    res = Runner().check_one(str(gone))
    assert res.error and "\n" not in res.error and not res.findings


def test_a_file_named_twice_is_checked_once(files):
    code, data = run_json("--format", "json", str(files / "rude.txt"), str(files), "--select", "defensive")
    assert len([f for f in data if f["path"].endswith("rude.txt")]) == 1


def test_color_only_on_a_terminal_and_never_with_no_color():
    from tonecheck.cli import wants_color

    assert wants_color(False, None, "text", True, {})
    assert not wants_color(False, None, "text", True, {"NO_COLOR": "1"})
    assert wants_color(False, None, "text", True, {"NO_COLOR": ""})      # set but empty: no-color.org says colour
    assert not wants_color(True, None, "text", True, {})
    assert not wants_color(False, "out.txt", "text", True, {})
    assert not wants_color(False, None, "json", True, {})
    assert not wants_color(False, None, "text", False, {})


LEGAL_PACK = """\
pack: legal
rules:
  - id: legal.guarantee
    category: legal
    severity: warning
    message: "'{match}' is a legal guarantee; only the legal team may give one."
    suggestion: Describe what we do instead, e.g. "we aim to".
    rationale: A guarantee in an email can bind the company; legal reviews every one before it is sent.
    phrases: ["we guarantee"]
    examples:
      bad: ["We guarantee delivery by Friday."]
      good: [%s]
"""


@pytest.fixture()
def team(tmp_path, monkeypatch):
    (tmp_path / "style").mkdir()
    (tmp_path / "tonecheck.toml").write_text('rule_dirs = ["style"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_rules_runs_a_teams_examples(team):
    # issue 14, item 10: a custom pack's examples are run, and one that misbehaves fails the run
    (team / "style" / "legal.yml").write_text(LEGAL_PACK % '"We aim to deliver by Friday."')
    ok = CliRunner().invoke(main, ["check-rules"])
    assert ok.exit_code == 0 and "1 rules, 2 examples: all behave" in ok.stderr
    (team / "style" / "legal.yml").write_text(LEGAL_PACK % '"We aim to deliver by Friday.", "We guarantee it."')
    bad = CliRunner().invoke(main, ["check-rules", "style"])
    assert bad.exit_code == 1
    assert "legal.guarantee: good example flagged ('We guarantee'): 'We guarantee it.'" in bad.stdout


def test_a_pack_may_define_its_own_category_and_explain_knows_it(team):
    (team / "style" / "legal.yml").write_text(LEGAL_PACK % '"We aim to deliver by Friday."')
    (team / "d.txt").write_text("We guarantee it.\n")
    res = CliRunner().invoke(main, ["--select", "legal", "--format", "json", "d.txt"])
    assert [f["category"] for f in json.loads(res.stdout)] == ["legal"]
    explained = CliRunner().invoke(main, ["explain", "legal.guarantee"])
    assert explained.exit_code == 0 and "legal.guarantee  (legal, warning)" in explained.stdout
    assert "'We guarantee' is a legal guarantee" in explained.stdout


def test_explain_shows_an_email_example_as_written():
    # issue 14 friction: examples keep their lines and are never cut mid-word
    out = CliRunner().invoke(main, ["explain", "next-step.missing"]).stdout
    assert "  ✓ From: Maya <maya@shop.example>\n    To: Dev <dev@shop.example>\n" in out
    assert "closed your return." in out


def test_findings_on_one_excerpt_are_one_block(tmp_path):
    # issue 14 friction: stacked findings read as one place to look: every head, the source once, each suggestion
    from tonecheck.model import Finding
    from tonecheck.report.text import Stream
    from tonecheck.runner import FileResult

    def finding(rule, message, suggestion):
        return Finding(path="d.txt", rule=rule, category="empathy", severity="info", message=message,
                       suggestion=suggestion, line=1, column=1, end_line=1, end_column=6, excerpt="Hello",
                       sentence="Hello there.")
    res = FileResult(path="d.txt", findings=[finding("empathy.no-apology", "No apology.", "Say sorry."),
                                             finding("empathy.no-acknowledgement", "No acknowledgement.", "Name it.")])
    out = Stream().result(res).splitlines()
    assert out[0].endswith("No apology.") and out[1].endswith("No acknowledgement.")
    assert sum("“Hello”" in line for line in out) == 1
    assert [line.split("suggestion: ")[1] for line in out if "suggestion: " in line] == ["Say sorry.", "Name it."]


def test_progress_shows_only_when_a_person_watches_and_the_report_goes_elsewhere(monkeypatch):
    import io

    from tonecheck import cli
    err = io.StringIO()
    err.isatty = lambda: True
    monkeypatch.setattr(cli.sys, "stderr", err)
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: False, raising=False)
    assert list(cli._with_progress(iter(range(30)), 30, None)) == list(range(30))
    assert "checking" in err.getvalue()
    err.truncate(0)
    assert list(cli._with_progress(iter(range(5)), 5, None)) == list(range(5))     # a handful: no bar
    assert "checking" not in err.getvalue()


def _explained(rule_id: str) -> str:
    return " ".join(CliRunner().invoke(main, ["explain", rule_id]).stdout.split())   # as read, not as wrapped


def test_explain_says_where_the_learned_model_and_the_dispute_gate_decide():
    out = _explained("commitment.no-time")
    assert "Checked by the learned model" in out and "under 0.1 for 'commitment'" in out
    out = _explained("commitment.model-unclear")
    assert "Decided by the learned model" in out and "0.97 or more" in out and "Only in a dispute" in out
    out = _explained("sarcasm.model-tone")
    assert "(0.8 in a reply to a grievance)" in out
    out = _explained("defensive.blame")
    assert "learned model" not in out and "Only in a dispute" not in out
