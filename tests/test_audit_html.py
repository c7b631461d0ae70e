"""The audit's html report (`tonecheck audit --format html`): one self-contained page, well nested, every link to a
message landing on its section, draft text escaped; then in Debian's Chromium (headless, driven by Playwright): the
figures shown are the json report's, the worst-message links scroll to the message, a highlight's tooltip opens on
hover, nothing is fetched. A screenshot goes to test-artifacts/audit-report.png."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import pytest

from audit_mail import REPO, mbox_bytes, message, messages, tonecheck

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = message(9, "dora@contoso.example", "Thu, 17 Dec 2026 10:00:00 +0000",
                  'Hi,\n\nAs I said before, <script>alert("x")</script> & <b>obviously</b> the part is late.\n\nDora\n')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit-html")
    msgs = messages() + [HOSTILE]
    msgs[2] = msgs[2].split(b"\n\n")[0] + b"\n\n" + b"\x00\x01" * 30 + b"\n"        # one unreadable message
    (root / "Sent.mbox").write_bytes(mbox_bytes(msgs))
    for fmt in ("html", "json"):
        proc = tonecheck("audit", "Sent.mbox", "--format", fmt, "-o", f"audit.{fmt}", "--jobs", "2", cwd=root)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip().startswith("tonecheck: Sent.mbox#3: message 3 (byte ")
    return root


@pytest.fixture(scope="module")
def summary(site):
    return json.loads((site / "audit.json").read_text(encoding="utf-8"))


class _Structure(HTMLParser):
    VOID = {"meta", "br", "link", "img", "input", "hr", "rect"}

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.hrefs, self.errors, self.tags = [], [], [], [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        for key in ("src", "href"):
            if re.match(r"(?i)(https?:|//)", a.get(key) or ""):
                self.errors.append(f"external {key}: {a[key]}")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def test_page_structure(site, summary):
    page = (site / "audit.html").read_text(encoding="utf-8")
    p = _Structure()
    p.feed(page)
    assert p.errors == [] and p.stack == []
    assert len(p.ids) == len(set(p.ids))
    assert set(p.hrefs) <= set(p.ids)                       # every in-page link lands somewhere
    msgs = summary["messages"]
    with_findings = [m["number"] for m in msgs if m["findings"] or m["error"]]
    assert [int(i[4:]) for i in p.ids if re.fullmatch(r"msg-\d+", i)] == with_findings
    assert "script" in p.tags and "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)" in page
    s = summary["summary"]
    assert f"{s['checked']} messages checked from 1 archive" in page


@pytest.fixture(scope="module")
def page(site):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup --test installs it)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        pg = ctx.new_page()
        pg.requests, pg.errors = [], []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto((site / "audit.html").as_uri())
        pg.wait_for_load_state("load")
        yield pg
        browser.close()


def test_browser_shows_the_figures(page, summary):
    s = summary["summary"]
    assert page.requests == [page.url] and page.errors == []
    rows = page.locator("table.tc-by-category tbody tr")
    assert rows.count() == len(s["by_category"])
    for i, c in enumerate(s["by_category"]):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert cells[:4] == [c["category"], str(c["findings"]), str(c["messages"]), str(c["per_100"])]
    senders = page.locator("table.tc-audit").nth(1).locator("tbody tr")
    assert [senders.nth(i).locator("td").first.inner_text() for i in range(senders.count())] == \
        [g["sender"] for g in s["by_sender"]]
    assert page.locator("svg.tc-chart rect").count() == len(s["by_week"])
    assert page.locator(".tc-unreadable li").inner_text().endswith("binary file (contains NUL bytes), not text")
    for table in page.locator("table").all():                   # readable: nothing wider than the page
        assert table.bounding_box()["width"] <= 1200


def test_browser_worst_link_and_tooltip(page, summary):
    worst = summary["summary"]["worst"][0]
    page.locator("ol.tc-worst a").first.click()
    section = page.locator(f"#msg-{worst['number']}")
    assert section.is_visible()
    assert abs(section.bounding_box()["y"]) < 5                     # scrolled to the top of the viewport
    assert worst["sender"] in section.locator(".tc-msg-meta").inner_text()
    mark = section.locator("mark.tc-hl").first
    mark.hover()
    tip = page.locator("#tc-tip")
    tip.wait_for(state="visible")
    first = next(m for m in summary["messages"] if m["number"] == worst["number"])["findings"][0]
    assert first["message"] in tip.inner_text()
    (REPO / "test-artifacts").mkdir(exist_ok=True)
    shot = REPO / "test-artifacts" / "audit-report.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_detail_limit_keeps_the_worst(site, summary):
    """--detail 1: the page shows the worst message and the unreadable one in full, no link points at a section it
    left out, and it says where the rest is."""
    proc = tonecheck("audit", "Sent.mbox", "--format", "html", "-o", "top1.html", "--detail", "1", "--jobs", "1",
                     cwd=site)
    assert proc.returncode == 2, proc.stderr
    page = (site / "top1.html").read_text(encoding="utf-8")
    p = _Structure()
    p.feed(page)
    assert p.errors == [] and set(p.hrefs) <= set(p.ids)
    worst = summary["summary"]["worst"][0]["number"]
    assert [int(i[4:]) for i in p.ids if re.fullmatch(r"msg-\d+", i)] == sorted([worst, 3])
    with_findings = sum(1 for m in summary["messages"] if m["findings"])
    assert f"The 1 worst of the {with_findings} messages with findings are shown in full" in page
