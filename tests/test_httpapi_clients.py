"""Real LanguageTool clients against `tonecheck serve` on a loopback port: the language_tool_python library
(remote_server=) and a page in Debian's headless Chromium that posts a draft and underlines the returned ranges
(docs/serve-demo.html, the page of the README's screenshot)."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import language_tool_python
import pytest

from httpapi_server import running_server

CHROMIUM = "/usr/bin/chromium"
DEMO_PAGE = Path(__file__).resolve().parent.parent / "docs" / "serve-demo.html"
TEXT = ("Hi Zoë 👋,\n\nThanks for the café photos 📷 — naïve of us to ship it like that. Obviously the hinge was bent "
        "in transit, so this is not our fault!!\nWe will get back to you soon.\n\nBest,\nRené 😀\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(cwd=str(tmp_path_factory.mktemp("serve"))) as url:
        yield url


def test_language_tool_python_gets_the_matches_at_the_right_words(server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server)
    try:
        matches = tool.check(TEXT)
        tool.disabled_rules = {"defensive.condescension"}
        fewer = tool.check(TEXT)
    finally:
        tool.close()
    # the library turns LanguageTool's UTF-16 offsets back into Python's code points: these hold only if the
    # server counted UTF-16 units (three emoji and several accented letters stand before the words)
    covered = {m.rule_id: TEXT[m.offset:m.offset + m.error_length] for m in matches}
    assert covered["defensive.condescension"] == "Obviously"
    assert covered["defensive.self-protection"] == "not our fault"
    assert covered["defensive.punctuation"] == "!!"
    assert covered["commitment.vague-time"].startswith("We will get back to you soon")
    by_id = {m.rule_id: m for m in matches}
    assert by_id["defensive.condescension"].category == "DEFENSIVE"
    assert by_id["defensive.condescension"].rule_issue_type == "grammar"
    # (not its matched_text: the library slices the context in code points while LanguageTool counts UTF-16
    # units there too, so after 📷 it is one off against LanguageTool itself as well)
    assert "📷 — naïve of us to ship it like that. Obviously the" in by_id["defensive.condescension"].context
    assert {m.rule_id for m in fewer} == set(covered) - {"defensive.condescension"}


def test_chromium_page_underlines_the_intended_words(server, tmp_path):
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed: apt-get install chromium (scripts/setup --test does)")
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000", "--dump-dom",
                           f"{DEMO_PAGE.as_uri()}?api={server}"], capture_output=True, text=True, timeout=90)
    m = re.search(r'<pre id="result"[^>]*>(.*?)</pre>', done.stdout, re.S)
    assert m and m.group(1), f"the page wrote no result:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    result = json.loads(html.unescape(m.group(1)))
    assert "error" not in result, result
    covered = {r["rule"]: r["covered"] for r in result}
    # the page slices its own JavaScript string (UTF-16) with offset/length, after 👋 and 📷 in the draft
    assert covered["defensive.condescension"] == "Obviously"
    assert covered["defensive.self-protection"] == "not our fault"
    assert covered["defensive.punctuation"] == "!!"
    assert "soon" in covered["commitment.vague-time"]
    marks = re.findall(r'<mark class="(\w+)">(.*?)</mark>', done.stdout, re.S)
    assert ("grammar", "Obviously") in marks and ("grammar", "not our fault") in marks
