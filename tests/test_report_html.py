"""The HTML review report: structure and escaping without a browser, then in Debian's Chromium (headless, driven by
Playwright) checking that every finding is highlighted at the right text, coloured by category, with a tooltip on
hover and on keyboard focus. A screenshot is written to test-artifacts/html-report.png.

The tests use their own small rule pack (in a temp folder, via tonecheck.toml rule_dirs) so they do not depend on
the built-in packs, which change often; the pack has nested and crossing findings on purpose.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonecheck.model import Finding
from tonecheck.report import html as html_report

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PACK = r"""
pack: fixture
rules:
  - id: brand.zz-terms
    category: brand
    severity: warning
    message: "'{match}' is not our term."
    rationale: Fixture rule for the report tests, a terminology substitution.
    substitutions: {webshop: online store}
    examples: {bad: [our webshop], good: [our online store]}
  - id: clarity.zz-asap
    category: clarity
    severity: info
    message: "'{match}' is vague."
    suggestion: Give a date.
    rationale: Fixture rule for the report tests, nested inside another finding.
    regex: ['\bASAP\b']
    case_sensitive: true
    examples: {bad: [reply ASAP], good: [reply by Friday]}
  - id: sarcasm.zz-reply
    category: sarcasm
    severity: warning
    message: Outer finding.
    suggestion: Say when.
    rationale: Fixture rule for the report tests, encloses another finding.
    regex: ['we will reply ASAP']
    examples: {bad: [we will reply ASAP], good: [we will reply]}
  - id: commitment.zz-final
    category: commitment
    severity: error
    message: "Crossing finding <b>&amp;</b> 'quoted'."
    suggestion: Soften "final" & <explain>.
    rationale: Fixture rule for the report tests, crosses another finding.
    regex: ['refund policy is final']
    examples: {bad: [refund policy is final], good: [refund policy]}
  - id: empathy.zz-policy
    category: empathy
    severity: info
    message: Policy first.
    rationale: Fixture rule for the report tests, crosses another finding.
    regex: ['our refund policy']
    examples: {bad: [our refund policy], good: [refund]}
  - id: defensive.zz-angle
    category: defensive
    severity: warning
    message: "Markup-looking text: {match}"
    suggestion: "</script><script>alert(1)</script>"
    rationale: Fixture rule for the report tests, text that looks like markup must stay text.
    regex: ['<all> & "every"']
    examples: {bad: ['<all> & "every"'], good: [all]}
"""

DRAFT = ('Hi Sam,\n\nOur refund policy is final, and we will reply ASAP 😀 to <all> & "every" request on the webshop.'
         '\n\n-- \nAnna\nSupport team\n\nOn Mon, 3 Mar 2025, Sam <sam@example.com> wrote:\n> Where is my refund?\n')
PAGE = "# Shop news\n\nOur **webshop** is open. We will reply ASAP.\n"
CLEAN = "Thanks for writing. Your refund reached your card on Friday.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "rules").mkdir()
    (root / "rules" / "fixture.yml").write_text(PACK, encoding="utf-8")
    (root / "tonecheck.toml").write_text('rule_dirs = ["rules"]\nselect = ["brand.zz", "clarity.zz", '
                                         '"sarcasm.zz", "commitment.zz", "empathy.zz", "defensive.zz"]\n',
                                         encoding="utf-8")
    (root / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (root / "page.md").write_text(PAGE, encoding="utf-8")
    (root / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def results(site):
    from tonecheck.runner import Runner
    runner = Runner()
    return [runner.check_path(str(site / n)) for n in ("draft.txt", "page.md", "clean.txt")]


@pytest.fixture(scope="module")
def report(site):
    """The report as the CLI writes it: `tonecheck --format html -o report.html PATH...`."""
    out = site / "report.html"
    proc = subprocess.run([sys.executable, "-m", "tonecheck", "--format", "html", "-o", str(out),
                           str(site / "draft.txt"), str(site / "page.md"), str(site / "clean.txt")],
                          cwd=site, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr  # findings at warning and above
    assert proc.stdout == ""
    return out


# -- without a browser ------------------------------------------------------------------------------------------

class _Marks(HTMLParser):
    """Rebuilds, from the markup, each finding's highlighted text and the document text; checks nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}
        self.plain = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append((tag, a.get("data-f")))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"misnested </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.plain += data
        for tag, fid in self.stack:
            if tag == "mark" and fid:
                self.text[fid] = self.text.get(fid, "") + data


def _finding(s, e, i=0, category="clarity"):
    return Finding(path="x", rule=f"clarity.r{i}", category=category, severity="warning", message=f"m{i}",
                   suggestion="", line=1, column=s + 1, end_line=1, end_column=e + 1, excerpt="", sentence="",
                   start=s, end=e)


def _check_highlight(text, spans):
    findings = [_finding(s, e, i) for i, (s, e) in enumerate(spans)]
    ids = [str(i) for i in range(len(findings))]
    out = html_report.highlight(text, findings, ids, list(range(1, len(findings) + 1)))
    p = _Marks()
    p.feed(out)
    p.close()
    assert not p.stack
    assert p.plain == text
    for i, (s, e) in enumerate(spans):
        assert p.text.get(str(i)) == text[s:e], (i, s, e)
    return out


def test_crossing_and_nested_findings_nest_as_marks():
    text = "Our refund policy is final, and we will reply ASAP."
    out = _check_highlight(text, [(0, 17), (4, 26), (32, 50), (46, 50)])
    assert out.count('id="m-1"') == 1 and out.count('data-f="1"') == 2  # the crossing one is split in two


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_overlap_renders_every_finding_exactly(data):
    text = data.draw(st.text(alphabet="ab <&\"'\n😀", min_size=1, max_size=40))
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n)).map(
        lambda t: (min(t), max(t)) if t[0] != t[1] else (t[0], t[0] + 1)).filter(lambda t: t[1] <= n),
        max_size=6))
    _check_highlight(text, spans)


def test_report_is_self_contained_and_escaped(report, results):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # nothing to fetch: no external URLs in src/href, CSS inline, script inline
    assert not re.search(r'(?:src|href)\s*=\s*"(?!#)', page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<svg" in page
    # draft text and rule text are escaped, never markup
    assert "<all>" not in page and "&lt;all&gt; &amp; &quot;every&quot;" in page
    assert "<explain>" not in page and "<b>&amp;</b>" not in page
    assert page.count("<script>") == 1 and "</script><script>alert(1)" not in page
    # every finding has one focusable first fragment
    n = sum(len(r.findings) for r in results)
    assert n >= 7
    assert len(re.findall(r'<mark [^>]*tabindex="0"', page)) == n


def test_no_findings_and_unreadable_files(tmp_path):
    from tonecheck.runner import FileResult
    page = html_report.render([FileResult(path="missing<1>.txt", error="no such file")])
    assert "missing&lt;1&gt;.txt" in page and "could not be checked" in page and "No findings." in page


# -- in Chromium --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup --test installs it)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def page(browser, report):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(report.as_uri())
    pg.wait_for_load_state("load")
    pg.requests = requests
    yield pg
    ctx.close()


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return f"rgb({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)})"


def test_browser_highlights_each_finding_at_its_text(page, results):
    assert page.requests == [page.url]  # the report fetched nothing else
    for fidx, res in enumerate(results, start=1):
        for k, f in enumerate(res.findings, start=1):
            fid = f"{fidx}-{k}"
            frags = page.locator(f'mark.tc-hl[data-f="{fid}"]')
            shown = "".join(frags.all_text_contents())
            assert shown == res.document.text[f.start:f.end], (f.rule, shown)
            assert frags.first.is_visible()
            colour = frags.first.evaluate("e => getComputedStyle(e).borderBottomColor")
            assert colour == _rgb(html_report.colour_for(f.category)), (f.rule, colour)
    # the page's text shows markup-looking draft text literally, and made no element of it
    assert page.locator("all").count() == 0
    assert '<all> & "every"' in page.locator("#file-1 .tc-text").inner_text()


def test_browser_tooltip_on_hover_and_keyboard(page, results):
    res = results[0]
    tip = page.locator("#tc-tip")
    # hovering the nested ASAP shows both findings covering it, innermost first
    asap = next(k for k, f in enumerate(res.findings, start=1) if f.rule == "clarity.zz-asap")
    page.hover(f"#m-1-{asap}")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "'ASAP' is vague." in text and "Give a date." in text and "Outer finding." in text
    assert text.index("'ASAP' is vague.") < text.index("Outer finding.")
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")
    # keyboard: j moves focus to the first finding, Tab to the next; the tooltip follows focus
    page.locator("body").focus()
    page.keyboard.press("j")
    first = res.findings[0]
    assert page.evaluate("document.activeElement.id") == "m-1-1"
    tip.wait_for(state="visible")
    assert first.message in tip.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "m-1-2"
    second = res.findings[1]
    assert second.message in tip.inner_text() and second.suggestion in tip.inner_text()
    assert '<explain>' in tip.inner_text()  # escaped suggestion shown as text
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    # the screenshot: a tooltip open over the draft
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.hover(f"#m-1-{asap}")
    tip.wait_for(state="visible")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_browser_summary_context_and_print(page, results):
    cats = {}
    for r in results:
        for f in r.findings:
            cats[f.category] = cats.get(f.category, 0) + 1
    for cat, n in cats.items():
        assert page.locator(f'table.tc-by-category tr[data-category="{cat}"] td.num').inner_text() == str(n)
    rows = page.locator("table.tc-by-file tbody tr")
    assert rows.count() == 3
    assert page.locator("svg.tc-chart rect").count() >= len(cats) + 2
    # the signature and the quoted thread are shown, dimmed, not highlighted
    sig = page.locator("#file-1 .tc-signature")
    quoted = page.locator("#file-1 .tc-quoted")
    assert "Support team" in sig.inner_text() and "Where is my refund?" in quoted.inner_text()
    for el in (sig, quoted):
        assert float(el.evaluate("e => getComputedStyle(e).opacity")) < 1
        assert el.locator("mark").count() == 0
    # printed: no tooltip, highlights keep their colour and carry their number
    page.emulate_media(media="print")
    try:
        assert page.locator("#tc-tip").evaluate("e => getComputedStyle(e).display") == "none"
        after = page.locator('#file-1 mark[data-last]').first.evaluate(
            "e => getComputedStyle(e, '::after').content")
        assert after == '"[1]"'
        pdf = page.pdf()
        assert pdf[:4] == b"%PDF"
        (ARTIFACTS / "html-report.pdf").write_bytes(pdf)
    finally:
        page.emulate_media(media="screen")


def test_chart_labels_are_paths_under_the_common_folder(tmp_path):
    # issue 14 friction: long absolute paths were cut at the left; the shared folder is dropped instead
    from tonecheck.runner import FileResult
    deep = tmp_path / "very" / "long" / "shared" / "folder"
    results = [FileResult(path=str(deep / "drafts" / "a.txt")), FileResult(path=str(deep / "site" / "b.md"))]
    page = html_report.render(results)
    assert ">drafts/a.txt</text>" in page and ">site/b.md</text>" in page
    assert html_report._relative_to_common(["-"]) == ["-"]
