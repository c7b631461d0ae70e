"""`tonecheck --fix`: terminology substitutions round-trip in .md/.html/.txt, every other byte unchanged, .eml never."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonecheck.fix import apply_fixes
from tonecheck.runner import Runner

GUIDE = """\
name: Harbor Lane Coffee
terminology:
  - use: customer
    instead_of: [client, consumer]
  - use: Lane Rewards
    instead_of: [lane rewards, rewards club]
banned: [cheap]
"""


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "brand.yml").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "tonecheck.toml").write_text('select = ["brand"]\n', encoding="utf-8")
    return tmp_path


def fix(path: Path) -> list[str]:
    runner = Runner(config_file=str(path.parent / "tonecheck.toml"))
    return apply_fixes(runner.check_path(str(path)))


def cli_fix(site: Path, *names) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tonecheck", "--fix", *names], cwd=site, capture_output=True,
                          text=True)


def test_markdown_round_trip(site):
    src = ("---\ntitle: Clients\n---\n# Our clients\r\n\r\nEvery *Client* and every consumer joins the "
           "**rewards club**.\r\n\r\n- a cheap list item about clients\n")
    p = site / "page.md"
    p.write_bytes(src.encode("utf-8"))
    report = fix(p)
    want = ("---\ntitle: Clients\n---\n# Our customers\r\n\r\nEvery *Customer* and every customer joins the "
            "**Lane Rewards**.\r\n\r\n- a cheap list item about customers\n")
    assert p.read_bytes() == want.encode("utf-8")
    assert report[-1] == f"{p}: applied 5 terminology fix(es)"
    assert any("fixed: 'Client' -> 'Customer'" in line for line in report)
    assert fix(p) == []                                  # idempotent: nothing left to fix


def test_html_entities_are_not_rewritten(site):
    src = ('<html><body>\n<p>Our clients &amp; partners.</p>\n<p>Dear cli&#101;nt,</p>\n'
           '<img src="a.png" alt="A client at the counter">\n<script>var client = 1;</script>\n</body></html>\n')
    p = site / "page.html"
    p.write_text(src, encoding="utf-8")
    report = fix(p)
    out = p.read_text(encoding="utf-8")
    assert out == src.replace("Our clients", "Our customers").replace('alt="A client', 'alt="A customer')
    assert any("not fixed" in line and "not verbatim" in line for line in report)


def test_txt_with_bom_and_crlf(site):
    p = site / "draft.txt"
    p.write_bytes("\ufeffHello,\r\n\r\nOur Client team wrote.\r\n".encode("utf-8"))
    fix(p)
    assert p.read_bytes() == "\ufeffHello,\r\n\r\nOur Customer team wrote.\r\n".encode("utf-8")


def test_eml_is_never_rewritten(site):
    p = site / "reply.eml"
    raw = (b"From: a@harbor.example\nTo: b@example.com\nSubject: Hi\nContent-Type: text/plain\n\n"
           b"Dear client, thanks.\n")
    p.write_bytes(raw)
    report = fix(p)
    assert p.read_bytes() == raw
    assert report and "never rewritten" in report[0]


def test_cli_fix_reports_and_leaves_no_temp_files(site):
    (site / "a.md").write_text("Our clients.\n", encoding="utf-8")
    (site / "b.eml").write_text("From: a@x.example\nSubject: s\n\nOur clients.\n", encoding="utf-8")
    proc = cli_fix(site, "a.md", "b.eml")
    assert (site / "a.md").read_text(encoding="utf-8") == "Our customers.\n"
    assert (site / "b.eml").read_text(encoding="utf-8").endswith("Our clients.\n")
    assert "a.md:1:5: fixed: 'clients' -> 'customers'" in proc.stderr
    assert not [n for n in os.listdir(site) if n.startswith(".tonecheck-fix-")]


def test_file_changed_since_check_is_refused(site):
    p = site / "page.md"
    p.write_text("Our clients.\n", encoding="utf-8")
    runner = Runner(config_file=str(site / "tonecheck.toml"))
    res = runner.check_path(str(p))
    p.write_text("Our friends.\n", encoding="utf-8")
    report = apply_fixes(res)
    assert p.read_text(encoding="utf-8") == "Our friends.\n"
    assert any("does not read 'clients'" in line for line in report)


WORDS = st.sampled_from(["the", "Our", "clients", "Client", "and", "consumers", "cheap", "*", "**", "-", "#",
                         "café", "—", "x", "\n", "\n\n", "  ", ",", "."])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=40))
def test_fix_changes_only_the_terms(site, words):
    text = " ".join(words) + "\n"
    p = site / "prop.md"
    p.write_text(text, encoding="utf-8")
    fix(p)
    out = p.read_text(encoding="utf-8")
    # with every form of the term and its replacements folded together, nothing else may differ (code blocks
    # and other text the reader does not judge simply stay as they were)
    assert _fold(out) == _fold(text)


def _fold(s: str) -> str:
    for a, b in (("customers", "\x00s"), ("Customers", "\x01s"), ("clients", "\x00s"), ("Clients", "\x01s"),
                 ("consumers", "\x00s"), ("customer", "\x00"), ("Customer", "\x01"), ("client", "\x00"),
                 ("Client", "\x01"), ("consumer", "\x00")):
        s = s.replace(a, b)
    return s


def test_a_multi_word_term_in_html_is_fixed(site):
    # issue 14, item 2: the HTML reader keeps one source piece per word; the phrase is still the source's own text
    src = "<html><body>\n<h1>Join the rewards club</h1>\n<p>Every client joins the lane rewards.</p>\n</body></html>\n"
    p = site / "plans.html"
    p.write_text(src, encoding="utf-8")
    report = fix(p)
    assert p.read_text(encoding="utf-8") == src.replace("rewards club", "Lane Rewards").replace(
        "client", "customer").replace("lane rewards", "Lane Rewards")
    assert not any("not fixed" in line for line in report)


def test_after_fixing_the_run_reports_what_remains(site):
    (site / "a.md").write_text("Our clients love it.\n", encoding="utf-8")
    (site / "b.md").write_text("Our clients love this cheap blend.\n", encoding="utf-8")
    done = cli_fix(site, "a.md")
    assert done.returncode == 0 and "clients" not in done.stdout      # all fixed: nothing left, exit 0
    left = cli_fix(site, "b.md")
    assert left.returncode == 1
    assert "brand.banned" in left.stdout and "brand.terminology" not in left.stdout
