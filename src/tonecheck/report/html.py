"""HTML review report: one self-contained file (inline CSS, script and SVG; nothing fetched).

For every checked document it shows the judged text with each finding highlighted in place (coloured by category;
hover or keyboard focus shows the message and suggestion), the quoted thread and signature dimmed underneath (they
were read but not judged), and a numbered list of the findings. A summary at the top counts findings per category
and per file, with an inline SVG chart. It is keyboard-navigable (Tab, or j/k for next/previous finding, Esc to
close the tooltip) and prints readably (highlights keep their colour and carry their finding number).

Overlapping findings become nested <mark> elements; when two findings cross (neither contains the other) the inner
one is split into fragments around the outer one's boundary, so the markup always nests. Every fragment of one
finding carries the same data-f id; the first fragment is the focus target.

All text from drafts is escaped; no draft text ever reaches innerHTML or a script.
"""
from __future__ import annotations

import collections
import html
import re
from importlib.resources import files

from .. import __version__

# colour per category (colour-blind-safe-ish, distinct in print); unknown categories get a palette colour by hash
CATEGORY_COLOURS = {
    "commitment": "#d98c00",
    "next-step": "#1f78b4",
    "brand": "#7b3fa0",
    "defensive": "#d7301f",
    "sarcasm": "#c51b7d",
    "clarity": "#1b9e77",
    "empathy": "#4d9221",
}
_EXTRA = ("#8c6d31", "#386cb0", "#bf5b17", "#666666", "#e7298a", "#01665e")
SEVERITY_ORDER = ("error", "warning", "info")

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _esc(s) -> str:
    """Escape text for element content and quoted attribute values (also drops what HTML cannot carry)."""
    s = "" if s is None else str(s)
    s = _SURROGATES.sub("\ufffd", s)
    s = _CONTROLS.sub("\ufffd", s)
    return html.escape(s, quote=True)


def _slug(category: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", (category or "other").lower()).strip("-") or "other"


def colour_for(category: str) -> str:
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    return _EXTRA[sum(map(ord, category or "")) % len(_EXTRA)]


# -- highlighting -----------------------------------------------------------------------------------------------

def _spans(findings, text_len: int) -> list[tuple[int, int, int]]:
    """(start, end, index) clamped to the text, non-empty."""
    out = []
    for i, f in enumerate(findings):
        s = max(0, min(f.start, text_len))
        e = max(0, min(f.end, text_len))
        if e <= s:
            if s >= text_len:
                continue
            e = s + 1
        out.append((s, e, i))
    return out


def highlight(text: str, findings, ids: list[str], numbers: list[int]) -> str:
    """The text as HTML with nested <mark> elements for the findings (ids/numbers are per finding)."""
    spans = _spans(findings, len(text))
    starts: dict[int, list[tuple[int, int, int]]] = collections.defaultdict(list)
    ends: dict[int, list[int]] = collections.defaultdict(list)
    for s, e, i in spans:
        starts[s].append((s, e, i))
        ends[e].append(i)
    boundaries = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[int] = []        # finding indexes, outermost first
    opened: set[int] = set()     # findings whose first fragment has been written

    def open_mark(i: int):
        f = findings[i]
        first = i not in opened
        opened.add(i)
        cls = f"tc-hl cat-{_slug(f.category)} sev-{_esc(f.severity)}"
        attrs = [f'class="{cls}"', f'data-f="{ids[i]}"', f'data-n="{numbers[i]}"']
        if first:
            attrs += [f'id="m-{ids[i]}"', 'tabindex="0"', f'aria-describedby="d-{ids[i]}"']
        tip = f"[{f.rule}] {f.message}" + (f" — Suggestion: {f.suggestion}" if f.suggestion else "")
        attrs.append(f'title="{_esc(tip)}"')
        out.append(f"<mark {' '.join(attrs)}>")
        stack.append(i)

    def close_top():
        i = stack.pop()
        out.append("</mark>")
        return i

    for k, pos in enumerate(boundaries):
        # close what ends here; findings opened after it are closed and reopened as continuation fragments
        for i in sorted(ends.get(pos, ()), key=lambda j: -stack.index(j) if j in stack else 0):
            if i not in stack:
                continue
            reopen = []
            while stack and stack[-1] != i:
                reopen.append(close_top())
            close_top()
            for j in reversed(reopen):
                open_mark(j)
        # open what starts here, widest first so it encloses the narrower ones
        for _start, _end, i in sorted(starts.get(pos, ()), key=lambda t: (-t[1], t[2])):
            open_mark(i)
        if k + 1 < len(boundaries):
            out.append(_esc(text[pos:boundaries[k + 1]]))
    while stack:
        close_top()
    return "".join(out)


# -- summary chart ----------------------------------------------------------------------------------------------

def _relative_to_common(paths: list[str]) -> list[str]:
    """Each path relative to the folder all of them share, so chart labels show what tells files apart."""
    import os
    folders = [os.path.dirname(os.path.abspath(p)) for p in paths if p and p != "-"]
    if len(folders) != len(paths) or not folders:
        return paths
    try:
        common = os.path.commonpath(folders)
    except ValueError:
        return paths
    return [os.path.relpath(os.path.abspath(p), common) for p in paths]


def _bar_chart(cat_counts: collections.Counter, file_counts: list[tuple[str, str, collections.Counter]]) -> str:
    """Inline SVG: one bar per category, then one stacked bar (by category) per file."""
    cats = [c for c, _ in sorted(cat_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    label_w, bar_w, row_h, gap = 280, 480, 22, 6
    max_cat = max(cat_counts.values(), default=0) or 1
    max_file = max((sum(c.values()) for _, _, c in file_counts), default=0) or 1
    rows: list[str] = []
    y = 24
    rows.append(f'<text class="tc-ch-h" x="0" y="{y - 8}">Findings per category</text>')
    for c in cats:
        n = cat_counts[c]
        w = max(2, round(bar_w * n / max_cat))
        rows.append(
            f'<g class="tc-ch-row"><title>{_esc(c)}: {n}</title>'
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_esc(c)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{row_h - 4}" fill="{colour_for(c)}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 15}">{n}</text></g>')
        y += row_h + gap
    if not cats:
        rows.append(f'<text x="0" y="{y + 15}">No findings.</text>')
        y += row_h + gap
    y += 24
    rows.append(f'<text class="tc-ch-h" x="0" y="{y - 8}">Findings per file</text>')
    for path, _anchor, counts in file_counts:
        total = sum(counts.values())
        shown = path if len(path) <= 42 else "…" + path[-41:]
        parts = [f'<g class="tc-ch-row"><title>{_esc(path)}: {total}</title>'
                 f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_esc(shown)}</text>']
        x = label_w
        for c in cats:
            n = counts.get(c, 0)
            if not n:
                continue
            w = bar_w * n / max_file
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 4}" fill="{colour_for(c)}">'
                         f'<title>{_esc(path)} — {_esc(c)}: {n}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{total}</text></g>')
        rows.append("".join(parts))
        y += row_h + gap
    height = y + 4
    width = label_w + bar_w + 48
    return (f'<svg class="tc-chart" role="img" aria-labelledby="tc-chart-title" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="tc-chart-title">Findings per category and per file</title>{"".join(rows)}</svg>')


# -- page -------------------------------------------------------------------------------------------------------

# the page's style sheet and script, kept as files of their own so they read (and lint) as CSS and JavaScript
_ASSETS = files("tonecheck.report") / "assets"
CSS = (_ASSETS / "report.css").read_text(encoding="utf-8")
SCRIPT = (_ASSETS / "report.js").read_text(encoding="utf-8")
# nothing may be fetched: inline style and script only, images only as data: URLs
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _category_css(categories) -> str:
    rules = []
    for c in sorted(set(categories) | set(CATEGORY_COLOURS)):
        col = colour_for(c)
        r, g, b = int(col[1:3], 16), int(col[3:5], 16), int(col[5:7], 16)
        rules.append(f"mark.tc-hl.cat-{_slug(c)} {{ --hl: {col}; --hl-bg: rgba({r},{g},{b},.20); }}")
    return "\n".join(rules)


def _file_section(res, fidx: int, anchor: str) -> tuple[str, int]:
    out = [f'<section class="tc-file" id="{anchor}" aria-labelledby="{anchor}-h">',
           f'<h2 id="{anchor}-h">{_esc(res.path)}</h2>']
    doc = res.document
    findings = list(res.findings)
    n = len(findings)
    meta = f"{n} finding{'s' if n != 1 else ''}"
    if doc is not None:
        meta += f" · {_esc(doc.kind)}"
    out.append(f'<p class="tc-meta">{meta}</p>')
    if res.error:
        out.append(f'<p class="tc-error">Could not be checked: {_esc(res.error)}</p>')
    for note in (res.notes or []):
        out.append(f'<p class="tc-meta">Note: {_esc(note)}</p>')
    ids = [f"{fidx}-{k + 1}" for k in range(n)]
    numbers = list(range(1, n + 1))
    if doc is not None:
        ctx = doc.context
        subj = getattr(ctx, "subject", None)
        if getattr(ctx, "is_email", False) and subj and not any(r.name == "subject" for r in doc.regions):
            out.append(f'<p class="tc-meta">Subject: {_esc(subj)}</p>')
        out.append('<h3>Checked text</h3>')
        body = highlight(doc.text, findings, ids, numbers)
        # flag each finding's last fragment (printed with its number)
        body = _flag_last_fragments(body, ids)
        out.append(f'<div class="tc-text" role="document" aria-label="Checked text of {_esc(res.path)}">{body}</div>')
        if ctx.signature:
            out.append('<p class="tc-context-label">Signature — shown for context, not checked</p>')
            out.append(f'<div class="tc-context tc-signature">{_esc(ctx.signature)}</div>')
        for q in ctx.quoted:
            who = " ".join(x for x in (f"On {q.date}," if q.date else "", q.author or "") if x).strip()
            label = {"forward": "Forwarded message", "outlook": "Earlier message"}.get(q.kind, "Quoted thread")
            label += f" ({who} wrote)" if who else ""
            out.append(f'<p class="tc-context-label">{_esc(label)} — shown for context, not checked</p>')
            out.append(f'<div class="tc-context tc-quoted">{_esc(q.text)}</div>')
    if findings:
        out.append('<h3>Findings</h3><ol class="tc-findings">')
        for k, f in enumerate(findings):
            fid = ids[k]
            target = f'<a href="#m-{fid}">line {f.line}, column {f.column}</a>' if doc is not None \
                else f"line {f.line}, column {f.column}"
            sugg = f'<span class="tc-sugg">Suggestion: {_esc(f.suggestion)}</span>' if f.suggestion else ""
            out.append(
                f'<li id="d-{fid}" data-rule="{_esc(f.rule)}" data-category="{_esc(f.category)}" '
                f'data-severity="{_esc(f.severity)}">'
                f'<span class="tc-sw" style="background:{colour_for(f.category)}" aria-hidden="true"></span>'
                f'<span class="tc-sev sev-{_esc(f.severity)}">{_esc(f.severity)}</span> '
                f'<span class="tc-rule">{_esc(f.rule)}</span> ({_esc(f.category)}) · {target} · '
                f'<span class="tc-excerpt">“{_esc(f.excerpt)}”</span><br>'
                f'<span class="tc-msg">{_esc(f.message)}</span>{sugg}</li>')
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out), n


def _flag_last_fragments(body: str, ids: list[str]) -> str:
    """Add data-last to the last <mark> fragment of each finding."""
    for fid in ids:
        needle = f'data-f="{fid}"'
        i = body.rfind(needle)
        if i >= 0:
            body = body[:i] + needle + " data-last" + body[i + len(needle):]
    return body


def render(results, title: str | None = None, **_) -> str:
    """The whole report as one HTML page: summary (counts, chart), then one section per file."""
    results = list(results)
    title = title or "tonecheck review report"
    cat_counts: collections.Counter = collections.Counter()
    sev_counts: collections.Counter = collections.Counter()
    file_rows = []
    sections = []
    for fidx, res in enumerate(results, start=1):
        anchor = f"file-{fidx}"
        counts = collections.Counter(f.category for f in res.findings)
        cat_counts.update(counts)
        sev_counts.update(f.severity for f in res.findings)
        file_rows.append((res, anchor, counts, collections.Counter(f.severity for f in res.findings)))
        section, _ = _file_section(res, fidx, anchor)
        sections.append(section)
    shown = _relative_to_common([r.path for r, _, _, _ in file_rows])
    chart = _bar_chart(cat_counts, [(name, a, c) for name, (_, a, c, _) in zip(shown, file_rows, strict=True)])
    return _page(title, _lede(results, cat_counts, sev_counts), _category_table(cat_counts), _file_table(file_rows),
                 chart, sections, set(cat_counts))


def _lede(results, cat_counts: collections.Counter, sev_counts: collections.Counter) -> str:
    """The one-sentence summary under the title: findings, files with findings, files that failed, by severity."""
    total = sum(cat_counts.values())
    n_files = sum(1 for r in results if r.error is None)
    n_err = sum(1 for r in results if r.error is not None)
    with_findings = sum(1 for r in results if r.findings)
    lede = (f"{total} finding{'s' if total != 1 else ''} in {with_findings} of {n_files} "
            f"file{'s' if n_files != 1 else ''}")
    if n_err:
        lede += f"; {n_err} file{'s' if n_err != 1 else ''} could not be checked"
    if sev_counts:
        lede += " (" + ", ".join(f"{sev_counts[s]} {s}" for s in SEVERITY_ORDER if sev_counts[s]) + ")"
    return lede


def _category_table(cat_counts: collections.Counter) -> str:
    """The summary table of findings per category, most frequent first."""
    cat_table = ['<table class="tc-by-category"><caption class="tc-skip">Findings per category</caption>'
                 '<thead><tr><th scope="col">Category</th><th scope="col" class="num">Findings</th></tr></thead>'
                 '<tbody>']
    for c, n in sorted(cat_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        cat_table.append(f'<tr data-category="{_esc(c)}"><td><span class="tc-sw" style="background:{colour_for(c)}" '
                         f'aria-hidden="true"></span>{_esc(c)}</td><td class="num">{n}</td></tr>')
    if not cat_counts:
        cat_table.append('<tr><td colspan="2">No findings.</td></tr>')
    cat_table.append("</tbody></table>")
    return "".join(cat_table)


def _file_table(file_rows) -> str:
    """The summary table of findings per file and severity, each file linking to its section."""
    file_table = ['<table class="tc-by-file"><caption class="tc-skip">Findings per file</caption><thead><tr>'
                  '<th scope="col">File</th>' + "".join(f'<th scope="col" class="num">{s}</th>' for s in SEVERITY_ORDER)
                  + '<th scope="col" class="num">Total</th></tr></thead><tbody>']
    for res, anchor, counts, sevs in file_rows:
        status = f' <span class="tc-error">({_esc(res.error)})</span>' if res.error else ""
        file_table.append(
            f'<tr><td><a href="#{anchor}">{_esc(res.path)}</a>{status}</td>'
            + "".join(f'<td class="num">{sevs.get(s, 0)}</td>' for s in SEVERITY_ORDER)
            + f'<td class="num">{sum(counts.values())}</td></tr>')
    file_table.append("</tbody></table>")
    return "".join(file_table)


def _page(title: str, lede: str, cat_table: str, file_table: str, chart: str, sections: list[str],
          categories: set[str]) -> str:
    """The page around the parts: head (style, policy), header, summary, the files' sections, tooltip, script."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tonecheck {_esc(__version__)}">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{_esc(title)}</title>
<style>
{CSS}
{_category_css(categories)}</style>
</head>
<body>
<a class="tc-skip" href="#tc-files">Skip to the documents</a>
<header>
<h1>{_esc(title)}</h1>
<p class="tc-lede" id="tc-lede">{lede}</p>
<p class="tc-keys">Highlights are coloured by category. Hover or focus one to read its message and suggestion.
Keys: <kbd>Tab</kbd> / <kbd>j</kbd> next finding, <kbd>Shift</kbd>+<kbd>Tab</kbd> / <kbd>k</kbd> previous,
<kbd>Esc</kbd> close. Quoted thread and signature are dimmed: they were read but not checked.</p>
</header>
<nav class="tc-summary" aria-label="Summary">
<div><h3>Per category</h3>{cat_table}</div>
<div><h3>Per file</h3>{file_table}</div>
</nav>
{chart}
<main id="tc-files">
{chr(10).join(sections)}
</main>
<div id="tc-tip" role="tooltip" hidden></div>
<script>
{SCRIPT}</script>
</body>
</html>
"""
