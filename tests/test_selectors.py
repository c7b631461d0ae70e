"""One meaning of a rule selector everywhere, and a typo is an error naming the closest rule, never a silent
'select nothing'."""
import subprocess
import sys

import pytest

from tonecheck.selectors import known_selectors, matches, most_specific, unknown

IDS = ["commitment.vague-time", "commitment.no-time", "defensive.shouting"]


def test_prefixes_of_whole_parts_select():
    assert matches("commitment.vague-time", ["commitment"])
    assert matches("commitment.vague-time", ["commitment.vague"])
    assert matches("defensive.shouting", ["ALL"])
    assert not matches("commitment.vague-time", ["commit"])
    assert not matches("commitment.vague-time", ["commitment.vague-t"])


def test_most_specific_selector_wins():
    table = [("commitment", "error"), ("commitment.no-time", "info")]
    assert most_specific("commitment.no-time", table, "warning") == "info"
    assert most_specific("commitment.vague-time", table, "warning") == "error"
    assert most_specific("defensive.shouting", table, "warning") == "warning"


def test_known_selectors_are_ids_and_their_prefixes():
    assert {"commitment", "commitment.vague", "commitment.vague-time", "defensive"} <= known_selectors(IDS)
    assert "commit" not in known_selectors(IDS)


def test_unknown_selector_names_the_closest_rule():
    assert unknown(["commitment", "all"], IDS) == []
    [problem] = unknown(["commitmnet"], IDS)
    assert "'commitmnet'" in problem and "did you mean 'commitment'" in problem


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tonecheck", *args], capture_output=True, text=True,
                          input=stdin, env={"TONECHECK_NO_SERVER": "1", "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_misspelt_rule_on_the_command_line_is_exit_2(flag, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Per my last email, we will look into it soon.\n")
    proc = _run(flag, "commitmnet", str(draft))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "tonecheck: " + ("select" if flag == "--select" else "ignore")
        + ": unknown rule or prefix 'commitmnet'; did you mean 'commitment'?"]


def test_misspelt_rule_in_config_severity_is_exit_2(tmp_path):
    (tmp_path / "tonecheck.toml").write_text('[severity]\n"defensive.shoutin" = "info"\n')
    draft = tmp_path / "d.txt"
    draft.write_text("Thanks, all done.\n")
    proc = _run(str(draft))
    assert proc.returncode == 2
    assert "'defensive.shoutin'; did you mean 'defensive.shouting'?" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_misspelt_suppression_is_that_files_error_and_others_are_checked(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("<!-- tonecheck: ignore defensiv -->\nPer my last email, it is done.\n")
    good = tmp_path / "good.txt"
    good.write_text("Per my last email, it is done.\n")
    proc = _run("--format", "json", str(bad), str(good))
    assert proc.returncode == 2
    assert f"tonecheck: {bad}: suppression: unknown rule or prefix 'defensiv'; did you mean 'defensive'?" \
        in proc.stderr
    assert '"defensive.passive-aggressive"' in proc.stdout and str(good) in proc.stdout
