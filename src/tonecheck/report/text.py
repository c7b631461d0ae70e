"""Human output: `path:line:col: severity [rule] message`, the source line with the excerpt underlined, the
suggestion, and a summary. Colour only on a terminal (or when forced), never with --no-color."""
from __future__ import annotations

import collections

import click

SEV_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


# A source line longer than MAX_SHOWN is shown as a window of CONTEXT characters either side of the excerpt: a
# hostile one-line file of 60 KB with 3,000 findings printed the whole line under each of them (1.2 GB, issue 17).
MAX_SHOWN = 1000
CONTEXT = 100
_split: list = [None, []]          # (the source text last split, its lines): a file's findings come together


def _source_line(result, f) -> str | None:
    doc = result.document
    if doc is None or not doc.source_text:
        return None
    if _split[0] is not doc.source_text:
        _split[:] = [doc.source_text, doc.source_text.splitlines()]
    lines = _split[1]
    if not 1 <= f.line <= len(lines):
        return None
    return lines[f.line - 1]


def _window(src: str, column: int, width: int) -> tuple[str, int]:
    """(the part of the source line to show, the excerpt's 1-based column in it)."""
    if len(src) <= MAX_SHOWN:
        return src, column
    a = max(0, column - 1 - CONTEXT)
    b = min(len(src), column - 1 + width + CONTEXT)
    head = "…" if a else ""
    return head + src[a:b] + ("…" if b < len(src) else ""), column - a + len(head)


def render_finding(result, f, color: bool, quiet: bool = False) -> list[str]:
    def st(s, **kw):
        return click.style(s, **kw) if color else s

    head = (f"{st(f.path, bold=True)}:{f.line}:{f.column}: {st(f.severity, fg=SEV_COLOUR[f.severity], bold=True)} "
            f"[{st(f.rule, fg='magenta')}] {f.message}")
    if quiet:
        return [head]
    out = [head]
    src = _source_line(result, f)
    gutter = f"{f.line:>5} | "
    margin = " " * (len(gutter) - 2)
    if src is not None and src[f.column - 1:f.column - 1 + len(f.excerpt)] == f.excerpt:
        width = len(f.excerpt) if f.end_line == f.line else max(1, len(src) - f.column + 1)
        shown, col = _window(src.rstrip("\r"), f.column, width)
        width = min(width, max(1, len(shown) - col + 1))
        out.append(st(gutter, dim=True) + shown)
        out.append(st(margin + "| ", dim=True) + " " * (col - 1) + st("^" * width, fg=SEV_COLOUR[f.severity]))
    else:
        out.append(st(margin + "| ", dim=True) + f"“{f.excerpt}”")
    if f.suggestion:
        out.append(st(margin + "= ", dim=True) + st("suggestion: ", bold=True) + f.suggestion)
    return out


def _same_place(a, b) -> bool:
    return (a.line, a.column, a.excerpt) == (b.line, b.column, b.excerpt)


def _is_suggestion(line: str) -> bool:
    return "suggestion: " in click.unstyle(line) and click.unstyle(line).lstrip().startswith("= ")


def render(results, color: bool = False, quiet: bool = False, statistics: bool = False, **_) -> str:
    stream = Stream(color=color, quiet=quiet, statistics=statistics)
    body = "".join(stream.result(r) for r in results)
    return body + stream.end([summarise(r) for r in results])


def summarise(r):
    """What the summary needs of a file, without its findings (so a long run can drop them)."""
    return Summary(r.path, r.error, len(r.findings), collections.Counter((f.rule, f.severity) for f in r.findings))


class Summary:
    __slots__ = ("path", "error", "n_findings", "counts")

    def __init__(self, path, error, n_findings, counts):
        self.path, self.error, self.n_findings, self.counts = path, error, n_findings, counts


class Stream:
    """Findings file by file as they are checked, then statistics and the summary line."""

    def __init__(self, color: bool = False, quiet: bool = False, statistics: bool = False, **_):
        self.color, self.quiet, self.statistics = color, quiet, statistics

    def result(self, r) -> str:
        """Findings on the same excerpt are one block: their heads, the source line once, then each suggestion
        (three empathy notes on one sentence read as one place to look, not three)."""
        lines: list[str] = []
        findings = list(r.findings)
        i = 0
        while i < len(findings):
            j = i + 1
            while not self.quiet and j < len(findings) and _same_place(findings[i], findings[j]):
                j += 1
            blocks = [render_finding(r, f, self.color, self.quiet) for f in findings[i:j]]
            if len(blocks) == 1:
                lines.extend(blocks[0])
            else:
                lines.extend(b[0] for b in blocks)                          # every head
                lines.extend(x for x in blocks[0][1:] if not _is_suggestion(x))   # the source once
                lines.extend(x for b in blocks for x in b[1:] if _is_suggestion(x))
            if not self.quiet:
                lines.append("")
            i = j
        return "".join(line + "\n" for line in lines)

    def end(self, summaries) -> str:
        lines: list[str] = []
        counts = collections.Counter()
        for s in summaries:
            counts.update(s.counts)
        n_findings = sum(s.n_findings for s in summaries)
        n_files = sum(1 for s in summaries if s.error is None)
        n_errors = sum(1 for s in summaries if s.error is not None)
        if self.statistics and counts:
            width = max(len(rule) for rule, _ in counts)
            for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"{n:>5}  {rule:<{width}}  {sev}")
            lines.append("")
        if not self.quiet:
            with_findings = sum(1 for s in summaries if s.n_findings)
            summary = (f"{n_findings} finding{'s' if n_findings != 1 else ''} in {with_findings} of {n_files} "
                       f"file{'s' if n_files != 1 else ''}")
            if n_errors:
                summary += f"; {n_errors} file{'s' if n_errors != 1 else ''} could not be checked"
            if n_findings == 0 and not n_errors:
                summary = f"All clear: no findings in {n_files} file{'s' if n_files != 1 else ''}."
            lines.append(click.style(summary, bold=True) if self.color else summary)
        return "".join(line + "\n" for line in lines)
