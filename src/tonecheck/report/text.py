"""Human output: `path:line:col: severity [rule] message`, the source line with the excerpt underlined, the
suggestion, and a summary. Colour only on a terminal (or when forced), never with --no-color."""
from __future__ import annotations

import collections

import click

SEV_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def _source_line(result, f) -> str | None:
    doc = result.document
    if doc is None or not doc.source_text:
        return None
    lines = doc.source_text.splitlines()
    if not 1 <= f.line <= len(lines):
        return None
    return lines[f.line - 1]


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
    if src is not None and src[f.column - 1:f.column - 1 + len(f.excerpt)] == f.excerpt:
        out.append(st(gutter, dim=True) + src.rstrip("\r"))
        width = len(f.excerpt) if f.end_line == f.line else max(1, len(src) - f.column + 1)
        out.append(st(" " * (len(gutter) - 2) + "| ", dim=True) + " " * (f.column - 1) + st("^" * width, fg=SEV_COLOUR[f.severity]))
    else:
        out.append(st(" " * (len(gutter) - 2) + "| ", dim=True) + f"“{f.excerpt}”")
    if f.suggestion:
        out.append(st(" " * (len(gutter) - 2) + "= ", dim=True) + st("suggestion: ", bold=True) + f.suggestion)
    return out


def render(results, color: bool = False, quiet: bool = False, statistics: bool = False, **_) -> str:
    lines: list[str] = []
    n_findings = 0
    counts = collections.Counter()
    for r in results:
        for f in r.findings:
            lines.extend(render_finding(r, f, color, quiet))
            if not quiet:
                lines.append("")
            n_findings += 1
            counts[(f.rule, f.severity)] += 1
    n_files = sum(1 for r in results if r.error is None)
    n_errors = sum(1 for r in results if r.error is not None)
    if statistics and counts:
        width = max(len(rule) for rule, _ in counts)
        for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:>5}  {rule:<{width}}  {sev}")
        lines.append("")
    if not quiet:
        with_findings = sum(1 for r in results if r.findings)
        summary = (f"{n_findings} finding{'s' if n_findings != 1 else ''} in {with_findings} of {n_files} "
                   f"file{'s' if n_files != 1 else ''}")
        if n_errors:
            summary += f"; {n_errors} file{'s' if n_errors != 1 else ''} could not be checked"
        if n_findings == 0 and not n_errors:
            summary = f"All clear: no findings in {n_files} file{'s' if n_files != 1 else ''}."
        lines.append(click.style(summary, bold=True) if color else summary)
    return "\n".join(lines) + ("\n" if lines else "")
