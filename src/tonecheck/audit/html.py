"""The audit's html report: one self-contained page in the review report's style (report/html.py: its CSS,
script, colours, content policy and per-document section with highlighted findings), with the audit's figures on
top: per category, per sender, per week (with a chart of findings per 100 messages), the worst messages, the
messages that could not be read; then one section per message with findings.

Each message's section is rendered in the worker that checked it (message_section) and spooled to a temporary file,
so the page is written in one pass at the end without holding 100,000 messages in memory.
"""
from __future__ import annotations

import heapq
import tempfile

from ..report import html as review
from ..report.html import _esc, colour_for
from .summary import severity_score


class HtmlReport:
    """Spools each message's section (with its score) to a temporary file; at the end writes the summary, then the
    sections of the `detail` worst messages (0: all) and of every message that could not be read, in archive order.
    A 100,000-message archive makes ~1.2 KB of html per message with findings: the full detail is in --format
    json, the page stays one a browser opens."""

    def __init__(self, sink, detail: int = 0):
        self.sink, self.detail = sink, detail
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.kept: list[tuple[int, int]] = []          # min-heap of (score, -number): the worst messages so far
        self.with_findings = 0

    def add(self, rec) -> None:
        if not (rec.team and rec.section):
            return
        score = -1 if rec.error else severity_score(rec.findings)
        if score >= 0:
            self.with_findings += 1
            if not self.detail or len(self.kept) < self.detail:
                heapq.heappush(self.kept, (score, -rec.number))
            elif (score, -rec.number) > self.kept[0]:
                heapq.heapreplace(self.kept, (score, -rec.number))
        self.spool.write(f"{rec.number} {len(rec.section)}\n{rec.section}")

    def finish(self, summary) -> None:
        shown = {-n for _, n in self.kept}
        head, tail = _page(summary.to_json(), shown, self.with_findings).split(_SECTIONS)
        self.sink.write(head)
        self.spool.seek(0)
        while True:
            line = self.spool.readline()
            if not line:
                break
            number, size = map(int, line.split())
            section = self.spool.read(size)
            if number in shown or number in summary.error_numbers:
                self.sink.write(section + "\n")
        self.spool.close()
        self.sink.write(tail)


_SECTIONS = "\x00sections\x00"


def _lede(s: dict) -> str:
    n_arch = len(s["archives"])
    text = (f"{s['checked']:,} message{'s' if s['checked'] != 1 else ''} checked from {n_arch} "
            f"archive{'s' if n_arch != 1 else ''} (team: {s['team']}): {s['findings']:,} findings, "
            f"{s['findings_per_100']} per 100 messages; {s['with_findings_per_100']}% of messages have at least one.")
    extra = []
    if s["not_from_team"]:
        extra.append(f"{s['not_from_team']:,} not from the team (not checked)")
    if s["unreadable"] or s["archive_errors"]:
        extra.append(f"{s['unreadable'] + len(s['archive_errors']):,} could not be read (listed below)")
    sev = ", ".join(f"{n:,} {k}" for k, n in s["by_severity"].items() if n)
    return _esc(text + (" " + "; ".join(extra) + "." if extra else "") + (f" By severity: {sev}." if sev else ""))


def _table(caption: str, head: list[str], rows: list[list[str]], cls: str) -> str:
    """A summary table; the first and last columns are text, the others numbers. Cells are html already."""
    def num(i: int) -> str:
        return ' class="num"' if 0 < i < len(head) - 1 else ""

    ths = "".join(f'<th scope="col"{num(i)}>{_esc(h)}</th>' for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f"<td{num(i)}>{c}</td>" for i, c in enumerate(r)) + "</tr>"
                   for r in rows) or f'<tr><td colspan="{len(head)}">None.</td></tr>'
    return (f'<table class="{cls}"><caption class="tc-skip">{_esc(caption)}</caption><thead><tr>{ths}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _swatch(category: str) -> str:
    return f'<span class="tc-sw" style="background:{colour_for(category)}" aria-hidden="true"></span>'


def _link(number: int, text: str, shown: set[int]) -> str:
    """A link to a message's section when the page has it, else the text alone."""
    return f'<a href="#msg-{number}">{_esc(text)}</a>' if number in shown else _esc(text)


def _category_table(s: dict, shown: set[int]) -> str:
    rows = []
    for c in s["by_category"]:
        examples = "<br>".join(f'{_link(e["number"], "#" + str(e["number"]), shown)} “{_esc(e["excerpt"])}”'
                               for e in c["examples"])
        rows.append([_swatch(c["category"]) + _esc(c["category"]), f"{c['findings']:,}", f"{c['messages']:,}",
                     str(c["per_100"]), f'<span class="tc-examples">{examples}</span>'])
    return _table("Findings per category", ["Category", "Findings", "Messages", "Per 100", "Worst examples"], rows,
                  "tc-by-category tc-audit")


def _group_table(caption: str, label: str, key: str, groups: list[dict]) -> str:
    rows = []
    for g in groups:
        top = ", ".join(f"{_esc(c)} {n:,}" for c, n in list(g["by_category"].items())[:3])
        rows.append([_esc(g[key]), f"{g['messages']:,}", f"{g['with_findings']:,}", f"{g['findings']:,}",
                     str(g["per_100"]), top])
    return _table(caption, [label, "Messages", "With findings", "Findings", "Per 100", "Most frequent"], rows,
                  "tc-audit")


def _worst_list(s: dict, shown: set[int]) -> str:
    if not s["worst"]:
        return "<p>No findings.</p>"
    items = []
    for m in s["worst"]:
        first = "; ".join(f'<span class="tc-rule">{_esc(f["rule"])}</span> “{_esc(f["excerpt"])}”' for f in m["first"])
        who = " · ".join(_esc(x) for x in (m["sender"], m["date"], m["subject"]) if x)
        items.append(f'<li>{_link(m["number"], m["path"], shown)} — {m["findings"]} finding'
                     f'{"s" if m["findings"] != 1 else ""} (score {m["score"]})<br><span class="tc-meta">{who}</span>'
                     f"<br>{first}</li>")
    return '<ol class="tc-worst">' + "".join(items) + "</ol>"


def _errors_list(s: dict) -> str:
    lines = [f"<li>{_esc(e['path'])}: {_esc(e['error'])}</li>" for e in s["archive_errors"]]
    lines += [f'<li><a href="#msg-{_esc(e["path"].rpartition("#")[2])}">{_esc(e["path"])}</a>: '
              f"{_esc(e['position'])}: {_esc(e['error'])}</li>" if "#" in e["path"] else
              f"<li>{_esc(e['path'])}: {_esc(e['error'])}</li>" for e in s["errors"]]
    if not lines:
        return ""
    return ('<section class="tc-unreadable"><h2>Could not be read (skipped)</h2><ul class="tc-error-list">'
            + "".join(lines) + "</ul></section>")


def _week_chart(weeks: list[dict]) -> str:
    """Inline SVG: one bar per week, its height the findings per 100 messages; the week and figures on hover."""
    if not weeks:
        return ""
    height, label_h, left = 160, 40, 40
    bar = max(3, min(56, 900 // len(weeks)))
    top = max(w["per_100"] for w in weeks) or 1
    every = -(-60 // (bar + 2))                 # a label every so many bars: 60 px for a week like 2026-W49
    parts = [f'<text class="tc-ch-h" x="0" y="12">Findings per 100 messages, per week (highest {top})</text>']
    for i, w in enumerate(weeks):
        h = round((height - 30) * w["per_100"] / top)
        x = left + i * (bar + 2)
        parts.append(f'<g class="tc-ch-row"><title>{_esc(w["week"])}: {w["findings"]:,} findings in '
                     f'{w["messages"]:,} messages ({w["per_100"]} per 100)</title>'
                     f'<rect x="{x}" y="{height - h}" width="{bar}" height="{max(h, 1)}" fill="#1f78b4"/></g>')
        if i % every == 0:
            parts.append(f'<text x="{x}" y="{height + 14}" font-size="10">{_esc(w["week"])}</text>')
    width = max(560, left + len(weeks) * (bar + 2) + 60)
    return (f'<svg class="tc-chart" role="img" aria-label="Findings per 100 messages, per week" '
            f'viewBox="0 0 {width} {height + label_h}" width="{width}" height="{height + label_h}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


_AUDIT_CSS = """
table.tc-audit { margin-bottom: 1rem; }
table.tc-audit th, table.tc-audit td:first-child { white-space: nowrap; }
.tc-examples { font-size: .85rem; color: var(--muted); }
ol.tc-worst li { margin: .5rem 0; }
.tc-audit-summary h2 { margin-top: 1.5rem; }
.tc-msg-meta { font-size: .9rem; }
"""


def _detail_note(s: dict, shown: set[int], with_findings: int) -> str:
    """What the detail below holds: every message with findings, or the worst of them."""
    clean = s["checked"] - s["with_findings"]
    note = f"{clean:,} checked message{'s' if clean != 1 else ''} without findings are not listed."
    if len(shown) < with_findings:
        note = (f"The {len(shown):,} worst of the {with_findings:,} messages with findings are shown in full, in "
                "archive order (--detail N shows more, --detail 0 all; --format json has every message). " + note)
    if s["unreadable"]:
        note += f" The {s['unreadable']:,} that could not be read are listed too."
    return _esc(note)


def _page(s: dict, shown: set[int], with_findings: int) -> str:
    cats = {c["category"] for c in s["by_category"]}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tonecheck {_esc(review.__version__)}">
<meta http-equiv="Content-Security-Policy" content="{review._CSP}">
<title>tonecheck audit: {_esc(", ".join(s["archives"]))}</title>
<style>
{review.CSS}
{review._category_css(cats)}
{_AUDIT_CSS}</style>
</head>
<body>
<a class="tc-skip" href="#tc-files">Skip to the messages</a>
<header>
<h1>tonecheck audit: {_esc(", ".join(s["archives"]))}</h1>
<p class="tc-lede" id="tc-lede">{_lede(s)}</p>
<p class="tc-keys">Rates are findings per 100 checked messages. Highlights in the messages below are coloured by
category; hover or focus one to read its message and suggestion (<kbd>j</kbd> / <kbd>k</kbd> next and previous).</p>
</header>
<div class="tc-audit-summary">
<h2>Per category</h2>
{_category_table(s, shown)}
<h2>Per sender</h2>
{_group_table("Findings per sender", "Sender", "sender", s["by_sender"])}
<h2>Per week</h2>
{_week_chart(s["by_week"])}
{_group_table("Findings per week", "Week", "week", s["by_week"])}
<h2>Worst messages</h2>
{_worst_list(s, shown)}
{_errors_list(s)}
</div>
<main id="tc-files">
<h2>Messages with findings</h2>
<p class="tc-meta tc-detail-note">{_detail_note(s, shown, with_findings)}</p>
{_SECTIONS}
</main>
<div id="tc-tip" role="tooltip" hidden></div>
<script>
{review.SCRIPT}</script>
</body>
</html>
"""
